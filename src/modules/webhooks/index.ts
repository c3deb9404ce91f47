export { DELIVER_WEBHOOK_JOB, DELIVERY_ATTEMPTS, deliverWebhookJob } from './deliver.js';
export {
  DISPATCH_EVERY_MS,
  DISPATCH_WEBHOOKS_JOB,
  dispatchEvents,
  dispatchWebhooksJob,
} from './dispatch-events.js';
export { signatureHeader, verifySignature } from './signature.js';

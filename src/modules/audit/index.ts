export { appendEvent, type NewEvent, startStream } from './append-event.js';
export { appendEvents } from './append-events.js';
export { readStream } from './read-stream.js';
export {
  describeReport,
  getVerification,
  listVerifications,
  startVerification,
  VERIFICATION_STREAM,
  VERIFY_HISTORY_JOB,
  verifyComplaintHistory,
  verifyHistoryJob,
} from './verifications.js';
export { type ChainReport, type VerifyOptions, verifyChain } from './verify-chain.js';

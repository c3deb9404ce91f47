import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { listDeliveries, replayDelivery, sendTestEvent } from './deliveries.js';
import { webhookEndpoints as e } from './endpoints.js';
import {
  createSubscription,
  deleteSubscription,
  listSubscriptions,
  rotateSecret,
  updateSubscription,
} from './subscriptions.js';

export function webhookRoutes(http: Http, app: AppContext): void {
  route(http, e.listWebhookSubscriptions, async (req) => ({
    items: await listSubscriptions(actorContext(app, req)),
  }));
  route(http, e.createWebhookSubscription, async (req, reply) =>
    reply.code(201).send(await createSubscription(actorContext(app, req), req.body)),
  );
  route(http, e.replaceWebhookSubscription, async (req) =>
    updateSubscription(actorContext(app, req), req.params.id, req.body),
  );
  route(http, e.deleteWebhookSubscription, async (req, reply) => {
    await deleteSubscription(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });
  route(http, e.rotateWebhookSecret, async (req) => rotateSecret(actorContext(app, req), req.params.id));
  route(http, e.sendWebhookTestEvent, async (req, reply) =>
    reply.code(202).send(await sendTestEvent(actorContext(app, req), req.params.id)),
  );
  route(http, e.listWebhookDeliveries, async (req) =>
    listDeliveries(actorContext(app, req), req.params.id, req.query),
  );
  route(http, e.replayWebhookDelivery, async (req, reply) =>
    reply.code(202).send(await replayDelivery(actorContext(app, req), req.params.id, req.params.deliveryId)),
  );
}

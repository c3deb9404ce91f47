import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { createAction } from './create-action.js';
import { correctiveActionEndpoints as e } from './endpoints.js';
import { getAction } from './get-action.js';
import { closeAction, extendDue, verifyAction } from './manager-commands.js';
import { markDone, recordProgress } from './owner-commands.js';
import { complaintActions, listActions } from './queries.js';

export function correctiveActionRoutes(http: Http, app: AppContext): void {
  route(http, e.listActions, async (req) => listActions(actorContext(app, req), req.query));
  route(http, e.createAction, async (req, reply) =>
    reply.code(201).send({ id: await createAction(actorContext(app, req), req.body) }),
  );
  route(http, e.getAction, async (req) => getAction(actorContext(app, req), req.params.id));
  route(http, e.progress, async (req, reply) => {
    await recordProgress(actorContext(app, req), req.params.id, req.body.note);
    return reply.code(204).send(null);
  });
  route(http, e.done, async (req, reply) => {
    await markDone(actorContext(app, req), req.params.id, req.body.note);
    return reply.code(204).send(null);
  });
  route(http, e.verify, async (req, reply) => {
    await verifyAction(actorContext(app, req), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  route(http, e.extend, async (req, reply) => {
    await extendDue(actorContext(app, req), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  route(http, e.close, async (req, reply) => {
    await closeAction(actorContext(app, req), req.params.id, req.body);
    return reply.code(204).send(null);
  });
  route(http, e.complaintActions, async (req) => complaintActions(actorContext(app, req), req.params.number));
}

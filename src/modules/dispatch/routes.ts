import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { dispatchEndpoints } from './endpoints.js';
import { deleteRule, listRules, saveRule } from './manage-rules.js';

export function dispatchRoutes(http: Http, app: AppContext): void {
  route(http, dispatchEndpoints.listDispatchRules, async (req) => ({
    items: await listRules(actorContext(app, req)),
  }));
  route(http, dispatchEndpoints.createDispatchRule, async (req, reply) =>
    reply.code(201).send(await saveRule(actorContext(app, req), null, req.body)),
  );
  route(http, dispatchEndpoints.replaceDispatchRule, async (req) =>
    saveRule(actorContext(app, req), req.params.id, req.body),
  );
  route(http, dispatchEndpoints.deleteDispatchRule, async (req, reply) => {
    await deleteRule(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });
}

import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { createChecklist, listChecklists, updateChecklist } from './checklists.js';
import { drawSample } from './draw-sample.js';
import { qualityEndpoints } from './endpoints.js';
import { getCheck, listChecks, myChecks } from './queries.js';
import { scoreCheck } from './score-check.js';

export function qualityRoutes(http: Http, app: AppContext): void {
  route(http, qualityEndpoints.listChecklists, async (req) => {
    actorContext(app, req);
    return { items: await listChecklists(app) };
  });
  route(http, qualityEndpoints.createChecklist, async (req, reply) =>
    reply.code(201).send(await createChecklist(actorContext(app, req), req.body)),
  );
  route(http, qualityEndpoints.updateChecklist, async (req) =>
    updateChecklist(actorContext(app, req), req.params.id, req.body),
  );
  route(http, qualityEndpoints.draw, async (req) => drawSample(actorContext(app, req), req.body));
  route(http, qualityEndpoints.listChecks, async (req) => listChecks(actorContext(app, req), req.query));
  route(http, qualityEndpoints.myChecks, async (req) => myChecks(actorContext(app, req), req.query.cursor));
  route(http, qualityEndpoints.getCheck, async (req) => getCheck(actorContext(app, req), req.params.id));
  route(http, qualityEndpoints.scoreCheck, async (req) =>
    scoreCheck(actorContext(app, req), req.params.id, req.body),
  );
}

import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { getChecklist } from './checklist.js';
import { playbookEndpoints } from './endpoints.js';
import { firstResponse, listGuidance, setGuidance } from './guidance.js';
import { createPlaybook, listPlaybooks, updatePlaybook } from './manage-playbooks.js';
import { tickStep } from './tick-step.js';

export function playbookRoutes(http: Http, app: AppContext): void {
  route(http, playbookEndpoints.listPlaybooks, async (req) => {
    actorContext(app, req);
    return { items: await listPlaybooks(app) };
  });
  route(http, playbookEndpoints.createPlaybook, async (req, reply) =>
    reply.code(201).send(await createPlaybook(actorContext(app, req), req.body)),
  );
  route(http, playbookEndpoints.updatePlaybook, async (req) =>
    updatePlaybook(actorContext(app, req), req.params.id, req.body),
  );
  route(http, playbookEndpoints.listGuidance, async (req) => {
    actorContext(app, req);
    return { items: await listGuidance(app) };
  });
  route(http, playbookEndpoints.setGuidance, async (req) => {
    const set = await setGuidance(actorContext(app, req), req.params.categoryId, req.body);
    return set ?? { categoryId: req.params.categoryId, ...req.body };
  });
  route(http, playbookEndpoints.removeGuidance, async (req, reply) => {
    await setGuidance(actorContext(app, req), req.params.categoryId, null);
    return reply.code(204).send(null);
  });
  route(http, playbookEndpoints.firstResponse, async (req) => {
    actorContext(app, req);
    return firstResponse(app, req.query);
  });
  route(http, playbookEndpoints.getChecklist, async (req) =>
    getChecklist(actorContext(app, req), req.params.number),
  );
  route(http, playbookEndpoints.tickStep, async (req) =>
    tickStep(actorContext(app, req), req.params.number, req.params.stepId, req.body),
  );
}

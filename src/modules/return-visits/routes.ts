import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { requireAdmin } from '../org/index.js';
import { returnVisitEndpoints as e } from './endpoints.js';
import { recordPhoneSurvey } from './phone-survey.js';
import { complaintReturnVisits, returnVisitQueue } from './queries.js';
import { recordCall } from './record-call.js';
import { readReturnVisitSettings, saveReturnVisitSettings } from './settings.js';

export function returnVisitRoutes(http: Http, app: AppContext): void {
  route(http, e.returnVisitQueue, async (req) => returnVisitQueue(actorContext(app, req), req.query));
  route(http, e.recordReturnVisitCall, async (req) =>
    recordCall(actorContext(app, req), req.params.id, req.body),
  );
  route(http, e.complaintReturnVisits, async (req) => ({
    items: await complaintReturnVisits(actorContext(app, req), req.params.number),
  }));
  route(http, e.recordPhoneSurvey, async (req, reply) => {
    await recordPhoneSurvey(actorContext(app, req), req.params.number, req.body);
    return reply.code(204).send(null);
  });
  route(http, e.getReturnVisitSettings, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    return readReturnVisitSettings(app.db);
  });
  route(http, e.saveReturnVisitSettings, async (req) =>
    saveReturnVisitSettings(actorContext(app, req), req.body),
  );
}

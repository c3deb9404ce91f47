import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { writeSetting } from '../settings/index.js';
import { decideAppeal, withdrawAppeal } from './decide-appeal.js';
import { appealEndpoints as endpoints } from './endpoints.js';
import { appealJudgement, appealQualityCheck } from './file-appeal.js';
import { complaintAppeals, getAppeal, listAppeals } from './queries.js';
import type { AppealSettings } from './schemas.js';
import { APPEAL_SETTING, appealSettings, DEFAULT_APPEAL_SETTINGS } from './settings.js';

export function appealRoutes(http: Http, app: AppContext): void {
  route(http, endpoints.complaintAppeals, async (req) =>
    complaintAppeals(actorContext(app, req), req.params.number),
  );
  route(http, endpoints.appealJudgement, async (req) => {
    const ctx = actorContext(app, req);
    return getAppeal(ctx, (await appealJudgement(ctx, req.params.number, req.body)).id);
  });
  route(http, endpoints.appealQualityCheck, async (req) => {
    const ctx = actorContext(app, req);
    return getAppeal(ctx, (await appealQualityCheck(ctx, req.params.id, req.body)).id);
  });
  route(http, endpoints.listAppeals, async (req) => listAppeals(actorContext(app, req), req.query));
  route(http, endpoints.getAppeal, async (req) => getAppeal(actorContext(app, req), req.params.id));
  route(http, endpoints.decideAppeal, async (req) => {
    const ctx = actorContext(app, req);
    await decideAppeal(ctx, req.params.id, req.body);
    return getAppeal(ctx, req.params.id);
  });
  route(http, endpoints.withdrawAppeal, async (req) => {
    const ctx = actorContext(app, req);
    await withdrawAppeal(ctx, req.params.id);
    return getAppeal(ctx, req.params.id);
  });
  route(http, endpoints.getAppealSettings, async (req) => {
    actorContext(app, req);
    return appealSettings(app.db);
  });
  route(http, endpoints.saveAppealSettings, async (req) =>
    writeSetting<AppealSettings>(actorContext(app, req), APPEAL_SETTING, req.body, DEFAULT_APPEAL_SETTINGS),
  );
}

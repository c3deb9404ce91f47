import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { deletePolicy } from './delete-policy.js';
import { slaEndpoints } from './endpoints.js';
import { listPolicies } from './list-policies.js';
import { savePolicy } from './save-policy.js';
import type { CalendarSettings, SlaSettings } from './schemas.js';
import { DEFAULT_SLA_SETTINGS } from './settings.js';

export function slaRoutes(http: Http, app: AppContext): void {
  route(http, slaEndpoints.listSlaPolicies, async (req) => listPolicies(actorContext(app, req)));
  route(http, slaEndpoints.saveSlaPolicy, async (req) => savePolicy(actorContext(app, req), req.body));
  route(http, slaEndpoints.deleteSlaPolicy, async (req, reply) => {
    await deletePolicy(actorContext(app, req), req.params.id);
    return reply.code(204).send(null);
  });

  route(http, slaEndpoints.getCalendar, async (req) => {
    actorContext(app, req);
    return readSetting<CalendarSettings>(app.db, 'business_calendar', {});
  });
  route(http, slaEndpoints.saveCalendar, async (req) =>
    writeSetting<CalendarSettings>(actorContext(app, req), 'business_calendar', req.body, {}),
  );
  route(http, slaEndpoints.getSlaSettings, async (req) => {
    actorContext(app, req);
    return { ...DEFAULT_SLA_SETTINGS, ...(await readSetting<Partial<SlaSettings>>(app.db, 'sla', {})) };
  });
  route(http, slaEndpoints.saveSlaSettings, async (req) =>
    writeSetting<SlaSettings>(actorContext(app, req), 'sla', req.body, DEFAULT_SLA_SETTINGS),
  );
}

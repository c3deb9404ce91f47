import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { writeSetting } from '../settings/index.js';
import { forecastEndpoints } from './endpoints.js';
import { forecastFor } from './queries.js';
import type { StaffingSettings } from './schemas.js';
import { DEFAULT_STAFFING_SETTINGS, STAFFING_SETTING, staffingSettings } from './settings.js';

export function forecastRoutes(http: Http, app: AppContext): void {
  route(http, forecastEndpoints.forecast, async (req) => forecastFor(actorContext(app, req), req.query));
  route(http, forecastEndpoints.getStaffingSettings, async (req) => {
    actorContext(app, req);
    return staffingSettings(app.db);
  });
  route(http, forecastEndpoints.saveStaffingSettings, async (req) =>
    writeSetting<StaffingSettings>(
      actorContext(app, req),
      STAFFING_SETTING,
      req.body,
      DEFAULT_STAFFING_SETTINGS,
    ),
  );
}

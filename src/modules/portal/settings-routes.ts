import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { requireAdmin } from '../org/index.js';
import { readPortalSettings, savePortalSettings } from './settings.js';
import { portalSettingsEndpoints } from './settings-endpoints.js';

/** GET/PUT /settings/portal under /api/v1: the public portal's limits and intake unit (admin). */
export function portalSettingsRoutes(http: Http, app: AppContext): void {
  route(http, portalSettingsEndpoints.getPortalSettings, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    return readPortalSettings(app.db);
  });
  route(http, portalSettingsEndpoints.savePortalSettings, async (req) =>
    savePortalSettings(actorContext(app, req), req.body),
  );
}

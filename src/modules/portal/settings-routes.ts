import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { requireAdmin } from '../org/policy.js';
import { PortalSettingsBody } from './schemas.js';
import { readPortalSettings, savePortalSettings } from './settings.js';

/** GET/PUT /settings/portal under /api/v1: the public portal's limits and intake unit (admin). */
export function portalSettingsRoutes(http: Http, app: AppContext): void {
  const tags = ['settings'];
  http.get('/settings/portal', { schema: { tags } }, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    return readPortalSettings(app.db);
  });
  http.put(
    '/settings/portal',
    {
      schema: {
        tags,
        summary:
          'public portal: submissions and tracking requests per IP per minute, SMS codes per complaint per day, the unit web complaints are filed at',
        body: PortalSettingsBody,
      },
    },
    async (req) => savePortalSettings(actorContext(app, req), req.body),
  );
}

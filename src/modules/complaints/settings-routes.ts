import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { type AuthorityLimits, DEFAULT_AUTHORITY_LIMITS } from './authority.js';
import { authorityLimits } from './decide-remedy.js';
import { DEFAULT_DUPLICATE_SETTINGS, DUPLICATE_SETTING, type DuplicateSettings } from './duplicates.js';
import { complaintSettingsEndpoints as endpoints } from './settings-endpoints.js';

/** The complaint settings an admin changes: approval limits (处理权限) and the repeat-complaint window. */
export function complaintSettingsRoutes(http: Http, app: AppContext): void {
  route(http, endpoints.getAuthorityLimits, async (req) => {
    actorContext(app, req);
    return authorityLimits(app.db);
  });
  route(http, endpoints.saveAuthorityLimits, async (req) =>
    writeSetting<AuthorityLimits>(
      actorContext(app, req),
      'authority_limits',
      req.body,
      DEFAULT_AUTHORITY_LIMITS,
    ),
  );
  route(http, endpoints.getDuplicateSettings, async (req) => {
    actorContext(app, req);
    return readSetting(app.db, DUPLICATE_SETTING, DEFAULT_DUPLICATE_SETTINGS);
  });
  route(http, endpoints.saveDuplicateSettings, async (req) =>
    writeSetting<DuplicateSettings>(
      actorContext(app, req),
      DUPLICATE_SETTING,
      req.body,
      DEFAULT_DUPLICATE_SETTINGS,
    ),
  );
}

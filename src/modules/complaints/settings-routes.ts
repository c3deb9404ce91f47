import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { readSetting, writeSetting } from '../settings/index.js';
import { type AuthorityLimits, DEFAULT_AUTHORITY_LIMITS } from './authority.js';
import { authorityLimits } from './decide-remedy.js';
import { DEFAULT_DUPLICATE_SETTINGS, DUPLICATE_SETTING, type DuplicateSettings } from './duplicates.js';
import { fulfilmentSettings } from './fulfil-remedy.js';
import { DEFAULT_FULFILMENT_SETTINGS, FULFILMENT_SETTING } from './fulfilment.js';
import type { FulfilmentSettings } from './fulfilment-schemas.js';
import { complaintSettingsEndpoints as endpoints } from './settings-endpoints.js';

/**
 * The complaint settings an admin changes: approval limits (处理权限), the repeat-complaint window and
 * the fulfilment of remedies (方案执行).
 */
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
  route(http, endpoints.getFulfilmentSettings, async (req) => {
    actorContext(app, req);
    return fulfilmentSettings(app.db);
  });
  route(http, endpoints.saveFulfilmentSettings, async (req) =>
    writeSetting<FulfilmentSettings>(
      actorContext(app, req),
      FULFILMENT_SETTING,
      req.body,
      DEFAULT_FULFILMENT_SETTINGS,
    ),
  );
}

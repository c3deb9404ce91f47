import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { writeSetting } from '../settings/index.js';
import { privacyEndpoints } from './endpoints.js';
import { DEFAULT_PRIVACY_SETTINGS, PRIVACY_SETTING, readPrivacySettings } from './personal-data.js';
import type { PrivacySettings } from './schemas.js';

export function privacyRoutes(http: Http, app: AppContext): void {
  route(http, privacyEndpoints.getPrivacySettings, async (req) => {
    actorContext(app, req);
    return readPrivacySettings(app.db);
  });
  route(http, privacyEndpoints.savePrivacySettings, async (req) =>
    writeSetting<PrivacySettings>(
      actorContext(app, req),
      PRIVACY_SETTING,
      { personalDataRoles: req.body.personalDataRoles },
      DEFAULT_PRIVACY_SETTINGS,
    ),
  );
}

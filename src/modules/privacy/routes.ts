import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { ROLES } from '../org/roles.js';
import { writeSetting } from '../settings/index.js';
import {
  DEFAULT_PRIVACY_SETTINGS,
  PRIVACY_SETTING,
  type PrivacySettings,
  readPrivacySettings,
} from './personal-data.js';

const tags = ['settings'];

export function privacyRoutes(http: Http, app: AppContext): void {
  http.get(
    '/settings/privacy',
    { schema: { tags, summary: 'the roles that may see personal data unmasked' } },
    async (req) => {
      actorContext(app, req);
      return readPrivacySettings(app.db);
    },
  );
  http.put(
    '/settings/privacy',
    {
      schema: {
        tags,
        summary:
          '个人信息 the roles that may reveal phone numbers, e-mails and addresses (each view recorded)',
        body: Type.Object(
          { personalDataRoles: Type.Array(Type.Enum(ROLES), { uniqueItems: true }) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      writeSetting<PrivacySettings>(
        actorContext(app, req),
        PRIVACY_SETTING,
        { personalDataRoles: req.body.personalDataRoles },
        DEFAULT_PRIVACY_SETTINGS,
      ),
  );
}

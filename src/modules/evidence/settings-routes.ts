import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { requireAdmin } from '../org/index.js';
import { writeSetting } from '../settings/index.js';
import {
  DEFAULT_EVIDENCE_SETTINGS,
  EVIDENCE_SETTING,
  type EvidenceSettings,
  readEvidenceSettings,
} from './settings.js';
import { evidenceSettingsEndpoints as endpoints } from './settings-endpoints.js';

/** GET/PUT /settings/evidence: the largest evidence file (admin). */
export function evidenceSettingsRoutes(http: Http, app: AppContext): void {
  route(http, endpoints.getEvidenceSettings, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    return readEvidenceSettings(app.db);
  });
  route(http, endpoints.saveEvidenceSettings, async (req) =>
    writeSetting<EvidenceSettings>(
      actorContext(app, req),
      EVIDENCE_SETTING,
      req.body,
      DEFAULT_EVIDENCE_SETTINGS,
    ),
  );
}

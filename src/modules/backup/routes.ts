import type { AppContext } from '../../context.js';
import { actorContext, type Http, route } from '../../server/http.js';
import { requireAdmin } from '../org/index.js';
import { writeSetting } from '../settings/index.js';
import { listArchives } from './archives.js';
import { backupEndpoints as endpoints } from './endpoints.js';
import {
  BACKUP_SETTING,
  type BackupSettings,
  backupDirectory,
  DEFAULT_BACKUP_SETTINGS,
  readBackupSettings,
} from './settings.js';

/** GET/PUT /settings/backup and GET /backups (admin). */
export function backupRoutes(http: Http, app: AppContext): void {
  route(http, endpoints.getBackupSettings, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    return readBackupSettings(app.db);
  });
  route(http, endpoints.saveBackupSettings, async (req) =>
    writeSetting<BackupSettings>(actorContext(app, req), BACKUP_SETTING, req.body, DEFAULT_BACKUP_SETTINGS),
  );
  route(http, endpoints.listBackups, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    const directory = backupDirectory(await readBackupSettings(app.db), app.config.dataDir);
    return { directory, items: (await listArchives(directory)).slice(0, 30) };
  });
}

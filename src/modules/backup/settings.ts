import { join } from 'node:path';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/database.js';
import { readSetting } from '../settings/index.js';
import type { BackupSettingsSchema } from './settings-schemas.js';

export type BackupSettings = Static<typeof BackupSettingsSchema>;

export const BACKUP_SETTING = 'backup';

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  enabled: false,
  timeOfDay: '02:30',
  directory: '',
  keep: 7,
};

export async function readBackupSettings(db: Db | Tx): Promise<BackupSettings> {
  return { ...DEFAULT_BACKUP_SETTINGS, ...(await readSetting(db, BACKUP_SETTING, DEFAULT_BACKUP_SETTINGS)) };
}

/** Where scheduled archives go: the configured directory, or `backups` in the data directory. */
export const backupDirectory = (settings: BackupSettings, dataDir: string) =>
  settings.directory || join(dataDir, 'backups');

import type { Db, Tx } from '../../db/database.js';
import type { TxCache } from '../../lib/tx-cache.js';
import { readSetting } from '../settings/index.js';
import type { ExtensionSettings, ProgressSettings } from './extension-schemas.js';

export const EXTENSION_SETTING = 'sla_extension';
export const DEFAULT_EXTENSION_SETTINGS: ExtensionSettings = { maxDays: 5 };

export const PROGRESS_SETTING = 'progress_notices';
export const DEFAULT_PROGRESS_SETTINGS: ProgressSettings = { P1: 1, P2: 2, P3: 3, P4: 5 };

export const extensionSettings = (db: Db | Tx) =>
  readSetting(db, EXTENSION_SETTING, DEFAULT_EXTENSION_SETTINGS);

export const progressSettings = async (db: Db | Tx, cache?: TxCache): Promise<ProgressSettings> => ({
  ...DEFAULT_PROGRESS_SETTINGS,
  ...(await readSetting<Partial<ProgressSettings>>(db, PROGRESS_SETTING, {}, cache)),
});

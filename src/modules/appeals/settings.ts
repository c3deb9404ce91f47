import type { Db, Tx } from '../../db/database.js';
import { readSetting } from '../settings/index.js';
import type { AppealSettings } from './schemas.js';

export const APPEAL_SETTING = 'appeals';
export const DEFAULT_APPEAL_SETTINGS: AppealSettings = { windowDays: 7 };

export const appealSettings = async (db: Db | Tx): Promise<AppealSettings> => ({
  ...DEFAULT_APPEAL_SETTINGS,
  ...(await readSetting<Partial<AppealSettings>>(db, APPEAL_SETTING, {})),
});

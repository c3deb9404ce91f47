import type { Db, Tx } from '../../db/database.js';
import { readSetting } from '../settings/index.js';
import type { StaffingSettings } from './schemas.js';

export const STAFFING_SETTING = 'staffing';
/**
 * Handling time is not recorded (only the elapsed time, mostly waiting): the work one complaint takes
 * is the admin's to say. Half an hour a complaint and an 8-hour day by default.
 */
export const DEFAULT_STAFFING_SETTINGS: StaffingSettings = { minutesPerComplaint: 30, hoursPerHandler: 8 };

export const staffingSettings = async (db: Db | Tx): Promise<StaffingSettings> => ({
  ...DEFAULT_STAFFING_SETTINGS,
  ...(await readSetting<Partial<StaffingSettings>>(db, STAFFING_SETTING, {})),
});

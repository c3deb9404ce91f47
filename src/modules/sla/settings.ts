import type { AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { referenceCache } from '../../db/reference-cache.js';
import type { Priority } from '../../domain/complaint-model.js';
import { cachedOr, type TxCache } from '../../lib/tx-cache.js';
import { readSetting } from '../settings/index.js';
import { type BusinessCalendar, chinaCalendar } from './calendar/index.js';
import type { CalendarSettings, SlaSettings } from './schemas.js';
import type { LimitStage, Policy } from './stages.js';

export type { CalendarSettings, SlaSettings };

export const DEFAULT_SLA_SETTINGS: SlaSettings = {
  remindShare: 0.8,
  raisePriorityOnBreach: 1,
  // Two working days of 09:00–18:00.
  unreachableClose: { mode: 'working', minutes: 2 * 9 * 60 },
};

export interface SlaContext {
  calendar: BusinessCalendar;
  policies: Policy[];
  settings: SlaSettings;
}

// Calendars are immutable and cache their days; one per distinct setting serves every command.
const calendars = new Map<string, BusinessCalendar>();

export async function loadCalendar(db: Db | Tx, timeZone: string): Promise<BusinessCalendar> {
  const c = await readSetting<CalendarSettings>(db, 'business_calendar', {});
  const key = JSON.stringify([timeZone, c]);
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size > 50) calendars.clear();
    calendar = chinaCalendar({ ...c, timeZone: c.timeZone ?? timeZone });
    calendars.set(key, calendar);
  }
  return calendar;
}

/** The time-limit policies (save-policy and delete-policy invalidate them). */
export const slaPolicies = referenceCache((db, _all: 'all') =>
  db.selectFrom('sla_policies').selectAll().execute(),
);

/** Everything the clocks need, read once per command. */
export function loadSlaContext(
  app: Pick<AppContext, 'config'>,
  db: Db | Tx,
  cache?: TxCache,
): Promise<SlaContext> {
  return cachedOr(cache, 'sla', () => readSlaContext(app, db));
}

async function readSlaContext(app: Pick<AppContext, 'config'>, db: Db | Tx): Promise<SlaContext> {
  const [calendar, rows, settings] = await Promise.all([
    loadCalendar(db, app.config.timeZone),
    slaPolicies.get(db, 'all'),
    readSetting<Partial<SlaSettings>>(db, 'sla', {}),
  ]);
  return {
    calendar,
    policies: rows.map((r) => ({
      stage: r.stage as LimitStage,
      categoryId: r.category_id,
      priority: r.priority as Priority | null,
      mode: r.mode as 'working' | 'clock',
      minutes: r.limit_minutes,
    })),
    settings: { ...DEFAULT_SLA_SETTINGS, ...settings },
  };
}

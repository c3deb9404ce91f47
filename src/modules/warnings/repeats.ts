/**
 * Repeats (重复投诉预警): a customer or waybill with N complaints within M days (looked at when a
 * complaint is registered), a person or station named responsible in N valid complaints within M days
 * (looked at when a complaint is judged). The complaints followed in one look are grouped by what
 * they repeat: one merchant's hundred new complaints are one count and one trigger of its warning
 * (counted a hundred times), not a hundred. The counts are indexed range reads, one statement for
 * all the values of a kind.
 */
import type { ExpressionBuilder } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { maskName } from '../privacy/index.js';
import { raiseWarning } from './raise.js';
import { MAX_COMPLAINTS } from './rules.js';
import type { RepeatRule, WarningSettings } from './settings.js';

const DAY_MS = 86_400_000;
/** Values counted per statement (bound parameters stay well under SQLite's and PostgreSQL's limits). */
const CHUNK = 500;

interface Check {
  kind: 'repeat_customer' | 'repeat_waybill' | 'repeat_person' | 'repeat_station';
  scope: 'customer' | 'waybill' | 'user' | 'unit';
  column: 'customer_id' | 'waybill_no' | 'responsible_user_id' | 'responsible_unit_id';
  /** Counted among the valid complaints judged in the window (else those received in it). */
  judged: boolean;
  rule: (settings: WarningSettings) => RepeatRule;
}

const CUSTOMER: Check = {
  kind: 'repeat_customer',
  scope: 'customer',
  column: 'customer_id',
  judged: false,
  rule: (s) => s.repeatCustomer,
};
const WAYBILL: Check = {
  kind: 'repeat_waybill',
  scope: 'waybill',
  column: 'waybill_no',
  judged: false,
  rule: (s) => s.repeatWaybill,
};
const PERSON: Check = {
  kind: 'repeat_person',
  scope: 'user',
  column: 'responsible_user_id',
  judged: true,
  rule: (s) => s.repeatPerson,
};
const STATION: Check = {
  kind: 'repeat_station',
  scope: 'unit',
  column: 'responsible_unit_id',
  judged: true,
  rule: (s) => s.repeatStation,
};

/** One value looked at: what the warning is labelled and seen by (from its first complaint), how many complaints brought it up. */
interface Seen {
  label: string;
  unitId: number;
  triggers: number;
}

/**
 * The complaints a check counts: within the window, not a duplicate merged into another (the same
 * complaint again, as registration's repeat look-up and the statistics count), and for a judged
 * check only the valid ones.
 */
const inWindow = (check: Check, since: number) => (eb: ExpressionBuilder<Database, 'complaints'>) =>
  eb.and([
    ...(check.judged
      ? [eb('judged_at', '>=', since), eb('validity', '=', 'valid')]
      : [eb('received_at', '>=', since)]),
    eb('merged_into_id', 'is', null),
  ]);

async function counts(tx: Tx, check: Check, values: Array<number | string>, since: number) {
  const counted = new Map<number | string, number>();
  for (let i = 0; i < values.length; i += CHUNK) {
    const rows = await tx
      .selectFrom('complaints')
      .select((eb) => [eb.ref(check.column).as('value'), eb.fn.countAll<number | string>().as('n')])
      .where(check.column, 'in', values.slice(i, i + CHUNK) as never[])
      .where(inWindow(check, since))
      .groupBy(check.column)
      .execute();
    for (const r of rows) counted.set(r.value as number | string, Number(r.n));
  }
  return counted;
}

/** The newest complaints of a value within the window, for the warning's list. */
async function newest(tx: Tx, check: Check, value: number | string, since: number) {
  const rows = await tx
    .selectFrom('complaints')
    .select('id')
    .where(check.column, '=', value as never)
    .where(inWindow(check, since))
    .orderBy('id', 'desc')
    .limit(MAX_COMPLAINTS)
    .execute();
  return rows.map((r) => r.id);
}

export async function repeatWarnings(
  tx: Tx,
  app: AppContext,
  settings: WarningSettings,
  registered: number[],
  judged: number[],
): Promise<void> {
  const now = app.clock.now();
  const ids = [...new Set([...registered, ...judged])];
  if (!ids.length) return;
  const rows = await tx
    .selectFrom('complaints as c')
    .leftJoin('users as u', 'u.id', 'c.responsible_user_id')
    .leftJoin('units as ru', 'ru.id', 'c.responsible_unit_id')
    .select([
      'c.id',
      'c.unit_id',
      'c.customer_id',
      'c.complainant_name',
      'c.waybill_no',
      'c.merged_into_id',
      'c.validity',
      'c.responsible_user_id',
      'c.responsible_unit_id',
      'u.display_name as person',
      'u.unit_id as person_unit_id',
      'ru.name as station',
    ])
    .where('c.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Map<Check, Map<number | string, Seen>>(
    [CUSTOMER, WAYBILL, PERSON, STATION].map((c) => [c, new Map()]),
  );
  const note = (check: Check, value: number | string | null, label: string, unitId: number) => {
    if (value === null || value === '') return;
    const values = seen.get(check) as Map<number | string, Seen>;
    const s = values.get(value);
    if (s) s.triggers += 1;
    else values.set(value, { label, unitId, triggers: 1 });
  };
  // In the order the events came, so that a new warning takes the unit of the complaint that raised it.
  for (const id of registered) {
    const c = byId.get(id);
    // Merged by the time it is looked at: the same complaint again, not a repeat.
    if (!c || c.merged_into_id !== null) continue;
    // The customer by the masked name and number (the label goes out in notices too).
    note(CUSTOMER, c.customer_id, `${maskName(c.complainant_name)} #${c.customer_id}`, c.unit_id);
    note(WAYBILL, c.waybill_no, c.waybill_no ?? '', c.unit_id);
  }
  for (const id of judged) {
    const c = byId.get(id);
    if (c?.validity !== 'valid') continue;
    note(PERSON, c.responsible_user_id, c.person ?? '', c.person_unit_id ?? c.unit_id);
    note(STATION, c.responsible_unit_id, c.station ?? '', c.responsible_unit_id ?? c.unit_id);
  }
  for (const [check, values] of seen) {
    if (!values.size) continue;
    const rule = check.rule(settings);
    const since = now - rule.days * DAY_MS;
    const counted = await counts(tx, check, [...values.keys()], since);
    for (const [value, s] of values) {
      const n = counted.get(value) ?? 0;
      if (n < rule.count) continue;
      await raiseWarning(tx, app, {
        kind: check.kind,
        scope: { kind: check.scope, key: String(value), label: s.label },
        unitId: s.unitId,
        figures: { complaints: n, days: rule.days, threshold: rule.count },
        complaintIds: await newest(tx, check, value, since),
        triggers: s.triggers,
      });
    }
  }
}

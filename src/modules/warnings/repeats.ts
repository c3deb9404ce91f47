/**
 * Repeats (重复投诉预警): a customer or waybill with N complaints within M days (looked at when a
 * complaint is registered), a person or station named responsible in N valid complaints within M days
 * (looked at when a complaint is judged). Each count is one indexed range read.
 */
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { raiseWarning } from './raise.js';
import { MAX_COMPLAINTS } from './rules.js';
import type { RepeatRule, WarningSettings } from './settings.js';

const DAY_MS = 86_400_000;
type Column = 'customer_id' | 'waybill_no' | 'responsible_user_id' | 'responsible_unit_id';

async function within(tx: Tx, column: Column, value: number | string, rule: RepeatRule, now: number) {
  const judged = column === 'responsible_user_id' || column === 'responsible_unit_id';
  let q = tx
    .selectFrom('complaints')
    .select('id')
    .where(column, '=', value as never)
    .where(judged ? 'judged_at' : 'received_at', '>=', now - rule.days * DAY_MS);
  if (judged) q = q.where('validity', '=', 'valid');
  const rows = await q.orderBy('id', 'desc').limit(Math.max(rule.count, MAX_COMPLAINTS)).execute();
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
      'c.waybill_no',
      'c.validity',
      'c.responsible_user_id',
      'c.responsible_unit_id',
      'u.display_name as person',
      'u.unit_id as person_unit_id',
      'ru.name as station',
    ])
    .where('c.id', 'in', ids)
    .execute();
  for (const c of rows) {
    const checks: Array<{
      kind: 'repeat_customer' | 'repeat_waybill' | 'repeat_person' | 'repeat_station';
      scope: 'customer' | 'waybill' | 'user' | 'unit';
      column: Column;
      value: number | string | null;
      label: string;
      unitId: number;
      rule: RepeatRule;
    }> = [];
    if (registered.includes(c.id)) {
      checks.push({
        kind: 'repeat_customer',
        scope: 'customer',
        column: 'customer_id',
        value: c.customer_id,
        label: `客户 #${c.customer_id}`,
        unitId: c.unit_id,
        rule: settings.repeatCustomer,
      });
      checks.push({
        kind: 'repeat_waybill',
        scope: 'waybill',
        column: 'waybill_no',
        value: c.waybill_no,
        label: c.waybill_no ?? '',
        unitId: c.unit_id,
        rule: settings.repeatWaybill,
      });
    }
    if (judged.includes(c.id) && c.validity === 'valid') {
      checks.push({
        kind: 'repeat_person',
        scope: 'user',
        column: 'responsible_user_id',
        value: c.responsible_user_id,
        label: c.person ?? '',
        unitId: c.person_unit_id ?? c.unit_id,
        rule: settings.repeatPerson,
      });
      checks.push({
        kind: 'repeat_station',
        scope: 'unit',
        column: 'responsible_unit_id',
        value: c.responsible_unit_id,
        label: c.station ?? '',
        unitId: c.responsible_unit_id ?? c.unit_id,
        rule: settings.repeatStation,
      });
    }
    for (const check of checks) {
      if (check.value === null || check.value === '') continue;
      const found = await within(tx, check.column, check.value, check.rule, now);
      if (found.length < check.rule.count) continue;
      await raiseWarning(tx, app, {
        kind: check.kind,
        scope: { kind: check.scope, key: String(check.value), label: check.label },
        unitId: check.unitId,
        figures: { complaints: found.length, days: check.rule.days, threshold: check.rule.count },
        complaintIds: found,
      });
    }
  }
}

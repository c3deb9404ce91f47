import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { checkScope, complaintScope, type Link, type Scope, volumeUnits } from './scope.js';

/**
 * The assessment's aggregate reads: each one statement for a whole scope, grouped by person (or one
 * group for a unit), driven by the indexes on (person, date) and (unit path, date). A unit sheet of
 * any number of people is these statements twice (the people, the unit), never one per complaint.
 */

type Reader = Db | Tx;
interface Range {
  start: number;
  end: number;
  months: string[];
}

const RECEIVED: Link = { person: 'staff_complained_user_id', unit: 'unit_path' };
const JUDGED: Link = { person: 'responsible_user_id', unit: 'responsible_unit_id' };
const HANDLED: Link = { person: 'assignee_id', unit: 'unit_path' };

const n = (v: unknown) => Number(v ?? 0);
const grouped = <R extends { key: unknown }>(rows: R[]) => {
  const map = new Map<number, R[]>();
  for (const r of rows) {
    const key = n(r.key);
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  return map;
};

/** 被投诉: complaints received in the range naming the person as the staff complained about. */
export async function receivedCounts(db: Reader, scope: Scope, r: Range): Promise<Map<number, number>> {
  const s = complaintScope(scope, RECEIVED);
  const { rows } = await sql<{ key: unknown; count: unknown }>`
    select ${s.key} as key, count(*) as count from complaints c
    where ${s.where} and c.received_at >= ${r.start} and c.received_at < ${r.end}
    ${s.groupBy()}`.execute(db);
  return new Map(rows.map((x) => [n(x.key), n(x.count)]));
}

export interface JudgedRow {
  key: unknown;
  validity: string | null;
  validity_kind: string | null;
  grade: string;
  count: unknown;
}

/** 判定: complaints judged in the range with the person (or a unit of the subtree) responsible. */
export async function judgedCounts(db: Reader, scope: Scope, r: Range): Promise<Map<number, JudgedRow[]>> {
  const s = complaintScope(scope, JUDGED);
  const { rows } = await sql<JudgedRow>`
    select ${s.key} as key, c.validity, c.validity_kind, c.grade, count(*) as count from complaints c
    where ${s.where} and c.judged_at >= ${r.start} and c.judged_at < ${r.end}
    ${s.groupBy(sql`c.validity`, sql`c.validity_kind`, sql`c.grade`)}`.execute(db);
  return grouped(rows);
}

/** 赔付: approved remedies (not failed or cancelled) of the complaints judged against them in the range, in fen. */
export async function remediesPaid(db: Reader, scope: Scope, r: Range): Promise<Map<number, number>> {
  const s = complaintScope(scope, JUDGED);
  const { rows } = await sql<{ key: unknown; amount: unknown }>`
    select ${s.key} as key, sum(p.amount) as amount from complaints c
    join remedy_proposals p on p.complaint_id = c.id
    where ${s.where} and c.judged_at >= ${r.start} and c.judged_at < ${r.end}
      and p.status = 'approved' and (p.fulfilment_status is null or p.fulfilment_status = 'done')
    ${s.groupBy()}`.execute(db);
  return new Map(rows.map((x) => [n(x.key), n(x.amount)]));
}

export interface HandledRow {
  key: unknown;
  received_at: unknown;
  registered_at: unknown;
  resolved_at: unknown;
  reopen_count: unknown;
  customer_confirmation: string | null;
}

/** 处理: complaints resolved in the range that the person was assigned (one narrow row each, for the percentiles). */
export async function handledRows(db: Reader, scope: Scope, r: Range): Promise<Map<number, HandledRow[]>> {
  const s = complaintScope(scope, HANDLED);
  const { rows } = await sql<HandledRow>`
    select ${s.key} as key, c.received_at, c.registered_at, c.resolved_at, c.reopen_count, c.customer_confirmation
    from complaints c
    where ${s.where} and c.resolved_at >= ${r.start} and c.resolved_at < ${r.end}`.execute(db);
  return grouped(rows);
}

export interface StageRow {
  key: unknown;
  stage: string;
  total: unknown;
  met: unknown;
}

/** 时限: the ended deadlines (met or breached) of the complaints they resolved in the range, by stage. */
export async function stageCounts(db: Reader, scope: Scope, r: Range): Promise<Map<number, StageRow[]>> {
  const s = complaintScope(scope, HANDLED);
  const { rows } = await sql<StageRow>`
    select ${s.key} as key, d.stage, count(*) as total,
      sum(case when d.met_at is not null and d.met_at <= d.due_at then 1 else 0 end) as met
    from complaints c join complaint_deadlines d on d.complaint_id = c.id
    where ${s.where} and c.resolved_at >= ${r.start} and c.resolved_at < ${r.end}
      and (d.met_at is not null or d.breached_at is not null)
    ${s.groupBy(sql`d.stage`)}`.execute(db);
  return grouped(rows);
}

export interface SurveyRow {
  key: unknown;
  surveys: unknown;
  speed: unknown;
  effectiveness: unknown;
  attitude: unknown;
  transparency: unknown;
  recommendation: unknown;
  promoters: unknown;
  detractors: unknown;
  high: unknown;
}

/** 满意度: the surveys (every source) of the complaints they resolved in the range. */
export async function surveySums(
  db: Reader,
  scope: Scope,
  r: Range,
  highFrom: number,
): Promise<Map<number, SurveyRow>> {
  const s = complaintScope(scope, HANDLED);
  const { rows } = await sql<SurveyRow>`
    select ${s.key} as key, count(*) as surveys, sum(v.speed) as speed, sum(v.effectiveness) as effectiveness,
      sum(v.attitude) as attitude, sum(v.transparency) as transparency, sum(v.recommendation) as recommendation,
      sum(case when v.recommendation >= 9 then 1 else 0 end) as promoters,
      sum(case when v.recommendation <= 6 then 1 else 0 end) as detractors,
      sum(case when v.recommendation >= ${highFrom} then 1 else 0 end) as high
    from complaints c join satisfaction_surveys v on v.complaint_id = c.id
    where ${s.where} and c.resolved_at >= ${r.start} and c.resolved_at < ${r.end}
    ${s.groupBy()}`.execute(db);
  return new Map(rows.map((x) => [n(x.key), x]));
}

/** 质检: final checks of the months, with the score an appeal revised when it did. */
export async function qualitySums(
  db: Reader,
  scope: Scope,
  r: Range,
): Promise<Map<number, { checks: number; sum: number }>> {
  const s = checkScope(scope);
  const { rows } = await sql<{ key: unknown; checks: unknown; total: unknown }>`
    select ${s.key} as key, count(*) as checks, sum(coalesce(q.revised_score, q.score)) as total
    from quality_checks q
    where ${s.where} and q.status = 'final' and q.period in (${sql.join(r.months)})
    ${s.groupBy()}`.execute(db);
  return new Map(rows.map((x) => [n(x.key), { checks: n(x.checks), sum: n(x.total) }]));
}

/** 业务量: the loaded volumes of the subtree's units in the months; null where nothing is loaded. */
export async function volumeSums(
  db: Reader,
  unitPath: string,
  r: Range,
): Promise<{ parcels: number | null; orders: number | null }> {
  const { rows } = await sql<{ parcels: unknown; orders: unknown }>`
    select sum(parcels) as parcels, sum(orders) as orders from unit_volumes
    where unit_id in ${volumeUnits(unitPath)} and period in (${sql.join(r.months)})`.execute(db);
  const row = rows[0];
  const value = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { parcels: value(row?.parcels), orders: value(row?.orders) };
}

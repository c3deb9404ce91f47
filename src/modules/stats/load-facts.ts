import { insertRows } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import { type ComplaintFacts, complaintFacts, type Fact, type RemedyFact, type StageFact } from './facts.js';

const group = <T extends { complaint_id: number }>(rows: T[]) => {
  const by = new Map<number, T[]>();
  for (const r of rows) {
    const list = by.get(r.complaint_id);
    if (list) list.push(r);
    else by.set(r.complaint_id, [r]);
  }
  return by;
};

/** The facts of these complaints as they are now, read in four statements (no query per complaint). */
export async function currentFacts(
  tx: Tx,
  ids: readonly number[],
  timeZone: string,
): Promise<Map<number, ComplaintFacts>> {
  const out = new Map<number, ComplaintFacts>();
  if (ids.length === 0) return out;
  const complaints = await tx
    .selectFrom('complaints')
    .select([
      'id',
      'status',
      'channel',
      'received_at',
      'registered_at',
      'category_id',
      'unit_id',
      'intake_unit_id',
      'priority',
      'grade',
      'validity',
      'liable_party',
      'region',
      'repeat_complaint',
      'reopen_count',
      'resolved_at',
      'merged_into_id',
    ])
    .where('id', 'in', ids)
    .execute();
  const deadlines = group(
    await tx
      .selectFrom('complaint_deadlines')
      .select(['complaint_id', 'stage', 'started_at', 'due_at', 'met_at'])
      .where('complaint_id', 'in', ids)
      .where('met_at', 'is not', null)
      .execute(),
  );
  const surveys = group(
    await tx
      .selectFrom('satisfaction_surveys')
      .select(['complaint_id', 'speed', 'effectiveness', 'attitude', 'transparency', 'recommendation'])
      .where('complaint_id', 'in', ids)
      .execute(),
  );
  const remedies = group(
    await tx
      .selectFrom('remedy_proposals')
      .select(['id', 'complaint_id', 'kinds', 'required_role', 'amount'])
      .where('complaint_id', 'in', ids)
      .where('status', '=', 'approved')
      .execute(),
  );
  for (const c of complaints)
    out.set(
      c.id,
      complaintFacts(
        c,
        deadlines.get(c.id) ?? [],
        surveys.get(c.id) ?? [],
        remedies.get(c.id) ?? [],
        timeZone,
      ),
    );
  return out;
}

/** The facts of these complaints as the stats tables hold them (what the rollups count now). */
export async function storedFacts(tx: Tx, ids: readonly number[]): Promise<Map<number, ComplaintFacts>> {
  const out = new Map<number, ComplaintFacts>();
  if (ids.length === 0) return out;
  const facts = (await tx
    .selectFrom('stats_facts')
    .selectAll()
    .where('complaint_id', 'in', ids)
    .execute()) as Fact[];
  const stages = group(
    (await tx
      .selectFrom('stats_fact_stages')
      .selectAll()
      .where('complaint_id', 'in', ids)
      .execute()) as StageFact[],
  );
  const remedies = group(
    (await tx
      .selectFrom('stats_fact_remedies')
      .selectAll()
      .where('complaint_id', 'in', ids)
      .execute()) as RemedyFact[],
  );
  for (const f of facts)
    out.set(f.complaint_id, {
      fact: f,
      stages: stages.get(f.complaint_id) ?? [],
      remedies: remedies.get(f.complaint_id) ?? [],
    });
  return out;
}

/** Replaces the stored facts of these complaints by the new ones. */
export async function storeFacts(
  tx: Tx,
  ids: readonly number[],
  facts: Map<number, ComplaintFacts>,
): Promise<void> {
  if (ids.length === 0) return;
  for (const table of ['stats_facts', 'stats_fact_stages', 'stats_fact_remedies'] as const)
    await tx.deleteFrom(table).where('complaint_id', 'in', ids).execute();
  await insertFacts(tx, [...facts.values()]);
}

/** Inserts facts (rebuild and the job): each table's rows as one statement's worth (`insertRows`). */
export async function insertFacts(tx: Tx, all: readonly ComplaintFacts[]): Promise<void> {
  await insertRows(
    tx,
    'stats_facts',
    all.flatMap((f) => (f.fact ? [f.fact] : [])),
  );
  await insertRows(
    tx,
    'stats_fact_stages',
    all.flatMap((f) => (f.fact ? f.stages : [])),
  );
  await insertRows(
    tx,
    'stats_fact_remedies',
    all.flatMap((f) => (f.fact ? f.remedies : [])),
  );
}

import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import { updateRows } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import type { Complaint, ComplaintDeadlineTable } from '../../db/schema.js';
import { OPEN_STATUSES, type Priority, raisePriority, type Status } from '../../domain/complaint-model.js';
import { ESCALATION_CHAIN } from '../../domain/roles.js';
import { TxCache } from '../../lib/tx-cache.js';
import { appendEvents, type NewEvent } from '../audit/index.js';
import { breachReason, complaintNotices, type Notice, queueNotices } from '../notify/index.js';
import {
  type ClockChanges,
  earliestDue,
  type Recomputed,
  recomputation,
  recomputedChanges,
} from './clocks.js';
import { clockSubject } from './complaint-clocks.js';
import { loadSlaContext, type SlaContext } from './settings.js';

type Deadline = Selectable<ComplaintDeadlineTable>;

/** One breached deadline claimed by the sweep. */
export interface Breach {
  complaint_id: number;
  stage: string;
}

/** What an escalation reads of a complaint: its notices' subject, its level and its clocks' fields. */
const COLUMNS = [
  'id',
  'number',
  'title',
  'complainant_name',
  'received_at',
  'due_at',
  'priority',
  'status',
  'grade',
  'major_reasons',
  'assignee_id',
  'unit_path',
  'intake_unit_path',
  'escalation_level',
  'category_id',
] as const satisfies ReadonlyArray<keyof Complaint>;
type Escalated = Pick<Complaint, (typeof COLUMNS)[number]>;

interface Escalation {
  before: Escalated;
  after: Escalated;
  stages: string[];
  clocks: ClockChanges | null;
}

/**
 * Escalate the complaints of a batch of breached deadlines, in the caller's transaction: one level up
 * the chain agent → supervisor → manager → executive, priority raised by the configured steps,
 * deadlines recomputed when the new priority changes their limits, the next level told. What
 * updateComplaintClocks, appendEvent and queueComplaintNotices would do complaint by complaint,
 * done with a few statements for the whole batch; the same rows, in the same order.
 */
export async function escalateBreaches(
  app: AppContext,
  tx: Tx,
  breaches: Breach[],
  now: number,
): Promise<void> {
  const cache = new TxCache();
  const sla = await loadSlaContext(app, tx, cache);
  const stagesOf = new Map<number, string[]>();
  for (const b of breaches) stagesOf.set(b.complaint_id, [...(stagesOf.get(b.complaint_id) ?? []), b.stage]);
  // Ascending ids: lanes and other sweepers lock complaints in one order, so they cannot deadlock.
  const locked = await tx
    .selectFrom('complaints')
    .select(COLUMNS)
    .where('id', 'in', [...stagesOf.keys()])
    .orderBy('id')
    .forUpdate()
    .execute();
  const top = ESCALATION_CHAIN.length - 1;
  const escalations: Escalation[] = locked
    .filter((c) => OPEN_STATUSES.includes(c.status as Status))
    .map((c) => {
      const set = {
        escalation_level: Math.min(c.escalation_level + 1, top),
        priority: raisePriority(c.priority as Priority, sla.settings.raisePriorityOnBreach),
        updated_at: now,
      };
      return { before: c, after: { ...c, ...set }, stages: stagesOf.get(c.id) ?? [], clocks: null };
    });
  if (!escalations.length) return;

  const deadlines = await deadlinesOf(
    tx,
    escalations.map((e) => e.after.id),
  );
  await recomputeClocks(tx, sla, escalations, deadlines);
  // One UPDATE for the batch, each complaint to its level, priority and earliest due time: a complaint
  // written twice (level, then due time) would be a second row version, every index entered again.
  await updateRows(
    tx,
    'complaints',
    ['id'],
    escalations.map(({ after }) => ({
      id: after.id,
      escalation_level: after.escalation_level,
      priority: after.priority,
      due_at: after.due_at,
      updated_at: now,
    })),
  );

  const notices: Notice[][] = [];
  const escalated: NewEvent[] = [];
  for (const e of escalations) {
    const { before: c, after } = e;
    const toRole = ESCALATION_CHAIN[after.escalation_level];
    const reason = breachReason(e.stages, 'zh-CN');
    const data = {
      automatic: true,
      breached: e.stages,
      toRole,
      changes: {
        ...(after.escalation_level !== c.escalation_level
          ? { escalation_level: { from: c.escalation_level, to: after.escalation_level } }
          : {}),
        ...(after.priority !== c.priority ? { priority: { from: c.priority, to: after.priority } } : {}),
      },
      ...(e.clocks ? { clocks: e.clocks } : {}),
    };
    escalated.push({
      streamType: 'complaint',
      streamId: c.id,
      actorId: null,
      at: now,
      kind: 'escalated',
      data,
      comment: reason,
    });
    const whole = deadlines.get(c.id)?.find((d) => d.stage === 'whole');
    notices.push(
      await complaintNotices(
        tx,
        app,
        { complaintId: c.id, kind: 'escalated', data, comment: reason, now },
        after,
        { cache, wholeDueAt: whole?.due_at ?? null },
      ),
    );
  }
  const noticeEvents = await queueNotices(tx, notices.flat(), now, cache);
  // Each complaint's history: the escalation, then the in-app notices it sent.
  let next = 0;
  const history = escalated.flatMap((event, i) => {
    const count = notices[i]?.length ?? 0;
    const sent = noticeEvents.slice(next, next + count).flat();
    next += count;
    return [event, ...sent];
  });
  await appendEvents(tx, history, cache);
}

/** Every deadline of the complaints (the running ones for the clocks, `whole` for the notices), by complaint. */
async function deadlinesOf(tx: Tx, ids: number[]): Promise<Map<number, Deadline[]>> {
  const rows = await tx
    .selectFrom('complaint_deadlines')
    .selectAll()
    .where('complaint_id', 'in', ids)
    .execute();
  const by = new Map<number, Deadline[]>();
  for (const r of rows) by.set(r.complaint_id, [...(by.get(r.complaint_id) ?? []), r]);
  return by;
}

/**
 * A raised priority may change the limits of running deadlines (`escalated` itself starts or stops no
 * clock): recompute them, written in one statement, keep `deadlines` current, give each escalation its
 * complaint's new earliest due time (written with the complaint), and note it on the escalation.
 */
async function recomputeClocks(
  tx: Tx,
  sla: SlaContext,
  escalations: Escalation[],
  deadlines: Map<number, Deadline[]>,
): Promise<void> {
  const written: Array<Recomputed['set'] & { complaint_id: number; stage: string }> = [];
  for (const e of escalations) {
    if (e.after.priority === e.before.priority) continue;
    const rows = deadlines.get(e.after.id) ?? [];
    const changes: Recomputed[] = recomputation(
      sla,
      await clockSubject(tx, e.after),
      rows.filter((d) => d.met_at === null),
    );
    if (!changes.length) continue;
    for (const m of changes) {
      written.push({ complaint_id: e.after.id, stage: m.stage, ...m.set });
      Object.assign(rows.find((d) => d.stage === m.stage) ?? {}, m.set);
    }
    e.clocks = recomputedChanges(changes);
    e.after = { ...e.after, due_at: earliestDue(rows) };
  }
  await updateRows(tx, 'complaint_deadlines', ['complaint_id', 'stage'], written);
}

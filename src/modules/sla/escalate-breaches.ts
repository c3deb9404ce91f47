import type { Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint, ComplaintDeadlineTable } from '../../db/schema.js';
import { OPEN_STATUSES, type Priority, raisePriority, type Status } from '../../domain/complaint-model.js';
import { ESCALATION_CHAIN } from '../../domain/roles.js';
import { TxCache } from '../../lib/tx-cache.js';
import { appendEvents, type NewEvent } from '../audit/index.js';
import { complaintNotices, type Notice, queueNotices, STAGE_NAMES } from '../notify/index.js';
import {
  type ClockChanges,
  type Recomputed,
  recomputation,
  recomputedChanges,
  refreshDueAt,
  writeRecomputed,
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

  // One UPDATE per new (level, priority): a batch has a handful.
  const groups = new Map<string, { set: Partial<Complaint>; ids: number[] }>();
  for (const { after } of escalations) {
    const key = `${after.escalation_level}:${after.priority}`;
    const group = groups.get(key) ?? {
      set: { escalation_level: after.escalation_level, priority: after.priority, updated_at: now },
      ids: [],
    };
    group.ids.push(after.id);
    groups.set(key, group);
  }
  for (const { set, ids } of groups.values())
    await tx.updateTable('complaints').set(set).where('id', 'in', ids).execute();

  const deadlines = await deadlinesOf(
    tx,
    escalations.map((e) => e.after.id),
  );
  await recomputeClocks(tx, sla, escalations, deadlines);

  const notices: Notice[][] = [];
  const escalated: NewEvent[] = [];
  for (const e of escalations) {
    const { before: c, after } = e;
    const toRole = ESCALATION_CHAIN[after.escalation_level];
    const reason = `${e.stages.map((s) => STAGE_NAMES['zh-CN'][s]).join('、')}超时`;
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
 * clock): recompute them, keep `deadlines` and `complaints.due_at` current, and note it on the escalation.
 */
async function recomputeClocks(
  tx: Tx,
  sla: SlaContext,
  escalations: Escalation[],
  deadlines: Map<number, Deadline[]>,
): Promise<void> {
  const moved = new Map<number, Escalation>();
  for (const e of escalations) {
    if (e.after.priority === e.before.priority) continue;
    const rows = deadlines.get(e.after.id) ?? [];
    const changes: Recomputed[] = recomputation(
      sla,
      await clockSubject(tx, e.after),
      rows.filter((d) => d.met_at === null),
    );
    if (!changes.length) continue;
    await writeRecomputed(tx, e.after.id, changes);
    for (const m of changes) Object.assign(rows.find((d) => d.stage === m.stage) ?? {}, m.set);
    e.clocks = recomputedChanges(changes);
    moved.set(e.after.id, e);
  }
  if (!moved.size) return;
  await refreshDueAt(tx, [...moved.keys()]);
  const fresh = await tx
    .selectFrom('complaints')
    .select(['id', 'due_at'])
    .where('id', 'in', [...moved.keys()])
    .execute();
  for (const r of fresh) {
    const e = moved.get(r.id);
    if (e) e.after = { ...e.after, due_at: r.due_at };
  }
}

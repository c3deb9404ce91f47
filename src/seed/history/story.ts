import type { Insertable } from 'kysely';
import type {
  Complaint,
  ComplaintLinkTable,
  RemedyProposal,
  Reply,
  SatisfactionSurveyTable,
} from '../../db/schema.js';
import type { Priority } from '../../domain/complaint-model.js';
import type { NewEvent } from '../../modules/audit/index.js';
import { type ClockChanges, type ClockRow, type SlaContext, stepClocks } from '../../modules/sla/index.js';

export type RemedyRow = RemedyProposal;
export type ReplyRow = Reply;
export type SurveyRow = Insertable<SatisfactionSurveyTable>;
export type LinkRow = Insertable<ComplaintLinkTable>;

/** Everything one generated complaint writes: its row, deadlines, history and records. */
export interface ComplaintRows {
  complaint: Complaint;
  deadlines: Array<ClockRow & { complaint_id: number }>;
  events: NewEvent[];
  remedies: RemedyRow[];
  replies: ReplyRow[];
  surveys: SurveyRow[];
  links: LinkRow[];
}

export const COMPLAINT_STREAM = 'complaint';

/** The changed columns of `set` against `before`, as a command's event records them. */
function changedFields(before: Complaint, set: Partial<Complaint>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(set)) {
    if (key === 'updated_at' || to === undefined) continue;
    const from = before[key as keyof Complaint];
    if (from !== to) changes[key] = { from, to };
  }
  return changes;
}

const nonEmpty = (c: ClockChanges) => Object.keys(c).length > 0;

/**
 * One complaint told event by event, as the commands would: each step changes the row, runs the
 * clocks of its event kind (the SLA module's own `stepClocks`) and appends its history event.
 */
export class Story {
  readonly rows: ComplaintRows;
  /** Every clock row by stage, met ones included (one row per stage, as the table keeps them). */
  private readonly clocks = new Map<string, ClockRow>();

  constructor(
    private readonly sla: SlaContext,
    private readonly categoryPath: number[],
    complaint: Complaint,
  ) {
    this.rows = { complaint, deadlines: [], events: [], remedies: [], replies: [], surveys: [], links: [] };
  }

  get row(): Complaint {
    return this.rows.complaint;
  }

  /** When the last event happened. */
  get at(): number {
    return this.row.updated_at;
  }

  /** The clocks an event kind runs, applied at `at`; what changed, for the history. */
  runClocks(kind: string, at: number): ClockChanges {
    const open = new Map([...this.clocks].filter(([, r]) => r.met_at === null));
    const { changed, changes } = stepClocks(
      this.sla,
      { categoryPath: this.categoryPath, priority: this.row.priority as Priority },
      open,
      { eventKind: kind, now: at, receivedAt: this.row.received_at },
    );
    for (const r of changed) this.clocks.set(r.stage, r);
    return changes;
  }

  /** A clock with a given due time (a referring authority's deadline), started at `at`. */
  startFixedClock(stage: 'external', at: number, dueAt: number): ClockChanges {
    const limitMs = Math.max(0, dueAt - at);
    this.clocks.set(stage, {
      stage,
      mode: 'clock',
      limit_ms: limitMs,
      started_at: at,
      due_at: dueAt,
      remind_at: at + Math.round(limitMs * this.sla.settings.remindShare),
      paused_at: null,
      paused_ms: 0,
      met_at: null,
      reminded_at: null,
      breached_at: null,
    });
    return { started: [{ stage, dueAt: new Date(dueAt).toISOString() }] };
  }

  /** The first event: the complaint's row as registration wrote it. */
  open(data: Record<string, unknown>, actorId: number): void {
    this.rows.events.push({
      streamType: COMPLAINT_STREAM,
      streamId: this.row.id,
      actorId,
      at: this.row.registered_at,
      kind: 'registered',
      data,
      newStream: true,
    });
  }

  /** An event on an existing complaint: the row changes, the clocks run, the history records both. */
  step(
    kind: string,
    actorId: number,
    at: number,
    {
      set = {},
      data = {},
      comment = null,
    }: { set?: Partial<Complaint>; data?: Record<string, unknown>; comment?: string | null } = {},
  ): void {
    const changes = changedFields(this.row, set);
    Object.assign(this.row, set, { updated_at: at });
    const clocks = this.runClocks(kind, at);
    this.rows.events.push({
      streamType: COMPLAINT_STREAM,
      streamId: this.row.id,
      actorId,
      at,
      kind,
      data: { changes, ...data, ...(nonEmpty(clocks) ? { clocks } : {}) },
      comment,
    });
  }

  /** An event that changes nothing on the row (a survey, a merge into this complaint). */
  note(kind: string, actorId: number | null, at: number, data: Record<string, unknown>): void {
    this.rows.events.push({ streamType: COMPLAINT_STREAM, streamId: this.row.id, actorId, at, kind, data });
  }

  /**
   * The deadlines as the sweeps leave them at `now`: a reminder sent and a breach recorded for each
   * clock whose time came before it was met (or before `now`, still running); the complaint's due time
   * is its earliest running deadline.
   */
  finish(now: number): ComplaintRows {
    let dueAt: number | null = null;
    for (const r of this.clocks.values()) {
      const end = r.met_at ?? r.paused_at ?? now;
      const row = {
        ...r,
        complaint_id: this.row.id,
        reminded_at: r.remind_at !== null && r.remind_at <= end ? r.remind_at : null,
        breached_at: r.due_at <= end ? r.due_at : null,
      };
      this.rows.deadlines.push(row);
      if (r.met_at === null && r.paused_at === null) dueAt = Math.min(dueAt ?? r.due_at, r.due_at);
    }
    this.row.due_at = dueAt;
    // The history is told in time order; a merge from a later complaint may be noted out of turn.
    this.rows.events.sort((a, b) => a.at - b.at);
    return this.rows;
  }
}

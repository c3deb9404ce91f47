import { Type } from 'typebox';
import type { ActorContext, AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import { type Actor, hasRole } from '../../domain/actor.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { defineJob, enqueue } from '../jobs/index.js';
import { appendEvent } from './append-event.js';
import type { VerificationResult, VerificationState, VerificationView } from './schemas.js';
import { type ChainReport, verifyChain } from './verify-chain.js';

/** The history of the verifications themselves: who asked, when, and what they found. */
export const VERIFICATION_STREAM = 'audit_verification';
const COMPLAINT_STREAM = 'complaint';

/** Auditors and admins verify the history. */
function requireVerifier(actor: Actor): void {
  if (!hasRole(actor, 'auditor', 'admin')) throw forbidden('forbidden', { action: 'verify_history' });
}

/** A chain report as the API and the CLI show it: a broken complaint stream is named by its number. */
export async function describeReport(db: Db | Tx, report: ChainReport): Promise<VerificationResult> {
  if (report.intact) return { intact: true, events: report.events, streams: report.streams, broken: null };
  const { eventId, streamType, streamId, seq, reason } = report;
  const complaint =
    streamType === COMPLAINT_STREAM
      ? await db.selectFrom('complaints').select('number').where('id', '=', streamId).executeTakeFirst()
      : undefined;
  return {
    intact: false,
    events: report.events,
    streams: null,
    broken: { eventId, streamType, streamId, seq, reason, complaintNumber: complaint?.number ?? null },
  };
}

async function record(
  tx: Tx,
  v: { id: number; actorId: number | null; at: number; kind: string; data: Record<string, unknown> },
) {
  await appendEvent(tx, {
    streamType: VERIFICATION_STREAM,
    streamId: v.id,
    actorId: v.actorId,
    at: v.at,
    kind: v.kind,
    data: v.data,
    newStream: v.kind === 'verification_requested',
  });
}

async function insertVerification(tx: Tx, ctx: ActorContext, complaintId: number | null, now: number) {
  const { id } = await tx
    .insertInto('audit_verifications')
    .values({
      complaint_id: complaintId,
      requested_by: ctx.actor.userId,
      requested_at: now,
      state: 'queued',
      total_events: null,
      result: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

async function finish(tx: Tx, id: number, result: VerificationResult, at: number, actorId: number | null) {
  await tx
    .updateTable('audit_verifications')
    .set({ state: 'done', result: JSON.stringify(result), checked_events: result.events, finished_at: at })
    .where('id', '=', id)
    .execute();
  await record(tx, { id, actorId, at, kind: 'verification_finished', data: { ...result } });
}

/** Start verifying the whole history as a job (it may hold millions of events); answers at once. */
export async function startVerification(ctx: ActorContext): Promise<VerificationView> {
  requireVerifier(ctx.actor);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await insertVerification(tx, ctx, null, now);
    await record(tx, {
      id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'verification_requested',
      data: { scope: 'all' },
    });
    await enqueue(tx, verifyHistoryJob, { verificationId: id }, { now });
    return id;
  });
  return getVerification(ctx, id);
}

/** Verify one complaint's chain now (a few events): the answer carries the result. */
export async function verifyComplaintHistory(ctx: ActorContext, number: string): Promise<VerificationView> {
  requireVerifier(ctx.actor);
  const complaint = await ctx.db
    .selectFrom('complaints')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst();
  if (!complaint) throw notFound('complaint_not_found', { number });
  const id = await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now();
    const id = await insertVerification(tx, ctx, complaint.id, now);
    const data = { scope: 'complaint', complaintNumber: number };
    await record(tx, { id, actorId: ctx.actor.userId, at: now, kind: 'verification_requested', data });
    // Inside the transaction: the chain cannot grow between reading it and recording the result.
    const report = await verifyChain(tx, { stream: { type: COMPLAINT_STREAM, id: complaint.id } });
    await finish(tx, id, await describeReport(tx, report), now, ctx.actor.userId);
    return id;
  });
  return getVerification(ctx, id);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function verificationQuery(db: Db) {
  return db
    .selectFrom('audit_verifications as v')
    .innerJoin('users as u', 'u.id', 'v.requested_by')
    .leftJoin('complaints as c', 'c.id', 'v.complaint_id')
    .selectAll('v')
    .select(['u.display_name', 'c.number']);
}
type Row = Awaited<ReturnType<ReturnType<typeof verificationQuery>['executeTakeFirstOrThrow']>>;

function toView(row: Row): VerificationView {
  const done = row.state === 'done' && row.result !== null;
  return {
    id: row.id,
    scope: row.complaint_id === null ? 'all' : 'complaint',
    complaintNumber: row.number,
    state: row.state as VerificationState,
    requestedBy: { id: row.requested_by, name: row.display_name },
    requestedAt: new Date(row.requested_at).toISOString(),
    finishedAt: iso(row.finished_at),
    progress: { checked: Number(row.checked_events), total: row.total_events },
    result: done ? (JSON.parse(row.result ?? 'null') as VerificationResult) : null,
    error: row.state === 'failed' ? row.result : null,
  };
}

/** One verification with its progress and result; 404 `verification_not_found`. */
export async function getVerification(ctx: ActorContext, id: number): Promise<VerificationView> {
  requireVerifier(ctx.actor);
  const row = await verificationQuery(ctx.db).where('v.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('verification_not_found', { id });
  return toView(row);
}

/** The latest verifications, newest first (the console shows them under its button). */
export async function listVerifications(ctx: ActorContext): Promise<{ items: VerificationView[] }> {
  requireVerifier(ctx.actor);
  const rows = await verificationQuery(ctx.db)
    .orderBy('v.requested_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(20)
    .execute();
  return { items: rows.map(toView) };
}

async function runVerification(ctx: AppContext & { signal: AbortSignal }, id: number) {
  const v = await ctx.db
    .selectFrom('audit_verifications')
    .select('state')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!v || v.state === 'done') return null;
  const { total } = await ctx.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const progress = (checked: number, more: Partial<{ state: string; total_events: number }> = {}) =>
    ctx.db
      .updateTable('audit_verifications')
      .set({ checked_events: checked, ...more })
      .where('id', '=', id)
      .execute();
  await progress(0, { state: 'running', total_events: Number(total) });
  const report = await verifyChain(ctx.db, {
    onProgress: async (checked) => {
      ctx.signal.throwIfAborted();
      await progress(checked);
    },
  });
  return describeReport(ctx.db, report);
}

export const VERIFY_HISTORY_JOB = 'audit.verify';

/** The `audit.verify` job: re-derive every chain, recording progress; the result and its event commit together. */
export const verifyHistoryJob = defineJob({
  kind: VERIFY_HISTORY_JOB,
  payload: Type.Object({ verificationId: Type.Integer() }),
  handler: async (ctx, { verificationId: id }) => {
    try {
      const result = await runVerification(ctx, id);
      if (!result) return;
      await ctx.runInJobTransaction((tx) => finish(tx, id, result, ctx.clock.now(), null));
    } catch (error) {
      // Not retried: the auditor sees why and starts another.
      await ctx.db
        .updateTable('audit_verifications')
        .set({
          state: 'failed',
          result: error instanceof Error ? error.message : String(error),
          finished_at: ctx.clock.now(),
        })
        .where('id', '=', id)
        .execute();
      throw error;
    }
  },
  maxAttempts: 1,
  // Millions of events take minutes; the lease is renewed while it runs.
  timeoutMs: 4 * 3600_000,
});

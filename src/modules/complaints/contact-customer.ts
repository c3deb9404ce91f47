import { type Static, Type } from 'typebox';
import type { ActorContext, AppContext } from '../../context.js';
import { OPEN_STATUSES, type Status } from '../../domain/complaint-model.js';
import { formatLocal } from '../../lib/time.js';
import { appendEvent } from '../audit/index.js';
import { defineJob, enqueue } from '../jobs/index.js';
import { queueNotice, trackUrl } from '../notify/index.js';
import { addTime, loadSlaContext, updateComplaintClocks } from '../sla/index.js';
import { COMPLAINT_STREAM, runComplaintCommand } from './complaint-command.js';
import type { ContactBody } from './schemas.js';

export const CLOSE_UNREACHABLE_JOB = 'complaint.close_unreachable';

/**
 * 回访/回电: record a call-back. When it fails, the customer gets an SMS and, unless they answer
 * within the configured time (default 2 working days), the complaint closes as unreachable.
 */
export const recordContactAttempt = (ctx: ActorContext, number: string, input: Static<typeof ContactBody>) =>
  runComplaintCommand(ctx, number, 'contact', async (tx, c) => {
    const now = ctx.clock.now();
    const { id } = await tx
      .insertInto('contact_attempts')
      .values({
        complaint_id: c.id,
        outcome: input.outcome,
        note: input.note ?? null,
        by_user: ctx.actor.userId,
        at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.outcome === 'reached')
      return {
        kind: 'contact_attempted',
        data: { outcome: 'reached', attemptId: id },
        comment: input.note ?? null,
      };
    const sla = await loadSlaContext(ctx, tx);
    const closeAt = addTime(
      sla.calendar,
      sla.settings.unreachableClose.mode,
      now,
      sla.settings.unreachableClose.minutes * 60_000,
    );
    await queueNotice(
      tx,
      {
        event: 'unreachable',
        complaintId: c.id,
        vars: {
          number: c.number,
          track_url: trackUrl(ctx, c.number, 'zh-CN'),
          track_url_en: trackUrl(ctx, c.number, 'en'),
          due_at: formatLocal(closeAt, ctx.config.timeZone),
        },
        targets: [{ customer: true }],
      },
      now,
    );
    await enqueue(
      tx,
      closeUnreachableJob,
      { complaintId: c.id, attemptAt: now },
      { now, runAt: closeAt, key: `unreachable:${id}` },
    );
    return {
      kind: 'contact_attempted',
      data: { outcome: 'unreachable', attemptId: id, closesAt: new Date(closeAt).toISOString() },
      comment: input.note ?? null,
    };
  });

/** Customer events that mean they answered after a failed call-back. */
const CUSTOMER_ANSWERED = [
  'customer_responded',
  'customer_message',
  'confirmed_satisfied',
  'confirmed_unsatisfied',
];

/** The job behind a failed call-back: close the complaint if the customer has still not answered. */
export async function closeIfUnreachable(
  app: AppContext,
  complaintId: number,
  attemptAt: number,
): Promise<boolean> {
  return app.db.transaction().execute(async (tx) => {
    const c = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', complaintId)
      .forUpdate()
      .executeTakeFirst();
    if (!c || !OPEN_STATUSES.includes(c.status as Status)) return false;
    const reached = await tx
      .selectFrom('contact_attempts')
      .select('id')
      .where('complaint_id', '=', complaintId)
      .where('outcome', '=', 'reached')
      .where('at', '>', attemptAt)
      .executeTakeFirst();
    const answered = await tx
      .selectFrom('events')
      .select('id')
      .where('stream_type', '=', COMPLAINT_STREAM)
      .where('stream_id', '=', complaintId)
      .where('kind', 'in', CUSTOMER_ANSWERED)
      .where('at', '>', attemptAt)
      .executeTakeFirst();
    if (reached || answered) return false;
    const now = app.clock.now();
    const set = { status: 'closed', close_reason: 'customer_unreachable', closed_at: now, updated_at: now };
    await tx.updateTable('complaints').set(set).where('id', '=', complaintId).execute();
    const clocks = await updateComplaintClocks(tx, app, {
      before: c,
      after: { ...c, ...set },
      eventKind: 'closed_unreachable',
      now,
    });
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: complaintId,
      actorId: null,
      at: now,
      kind: 'closed_unreachable',
      data: { changes: { status: { from: c.status, to: 'closed' } }, ...(clocks ? { clocks } : {}) },
      comment: 'customer_unreachable',
    });
    return true;
  });
}

/** The job queued by a failed call-back, run when the customer's time to answer is up. */
export const closeUnreachableJob = defineJob({
  kind: CLOSE_UNREACHABLE_JOB,
  payload: Type.Object({ complaintId: Type.Integer(), attemptAt: Type.Integer() }),
  handler: async (ctx, payload) => {
    await closeIfUnreachable(ctx, payload.complaintId, payload.attemptAt);
  },
});

import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { AppealUpdate } from '../../db/schema.js';
import { badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, canSee } from '../complaints/index.js';
import { nearestWithRole, queueNotice } from '../notify/index.js';
import { addWorkingDays, loadCalendar } from '../sla/index.js';
import { reviseSubject } from './revise-subject.js';
import { checkRevision } from './revision-check.js';
import { levelOf, mayReview, nextStatus, OUTCOME_WORDS } from './rules.js';
import type { DecideAppealInput, Revision } from './schemas.js';
import { judgementOfAppeal, qualityCheckSubject } from './subject.js';

const lockAppeal = async (tx: Tx, id: number) => {
  const appeal = await tx
    .selectFrom('appeals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!appeal) throw notFound('appeal_not_found', { id });
  return appeal;
};

/**
 * A reviewer level answers an appeal. The supervisor's `upheld` ends it; a change goes to the manager,
 * whose outcome is final and is applied to the subject in the same transaction.
 */
export async function decideAppeal(ctx: ActorContext, id: number, input: DecideAppealInput): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const appeal = await lockAppeal(tx, id);
    const level = levelOf(appeal.status);
    if (!level) throw conflict('appeal_decided', { id, status: appeal.status });
    const subject =
      appeal.subject_kind === 'quality_check' && appeal.quality_check_id !== null
        ? await qualityCheckSubject(tx, appeal.quality_check_id)
        : await judgementOfAppeal(tx, appeal.complaint_id);
    if (!canSee(ctx.actor, subject.complaint)) throw notFound('appeal_not_found', { id });
    if (!mayReview(ctx.actor, level, appeal.appellant_id)) throw forbidden('appeal_not_reviewer', { level });
    const given: Revision | null =
      input.outcome === 'partly'
        ? (input.revision ?? (appeal.revision ? (JSON.parse(appeal.revision) as Revision) : null))
        : null;
    if (input.outcome === 'partly') {
      if (!given)
        throw badRequest('validation_failed', [{ path: '/revision', code: 'required_when_partly' }]);
      await checkRevision(tx, subject.kind, given);
    }
    const now = ctx.clock.now();
    const status = nextStatus(level, input.outcome);
    const final = status === 'decided';
    const set: AppealUpdate = {
      status,
      revision: given ? JSON.stringify(given) : null,
      overdue_notified_at: null,
      ...(level === 'supervisor'
        ? {
            supervisor_outcome: input.outcome,
            supervisor_id: ctx.actor.userId,
            supervisor_comment: input.comment,
            supervisor_decided_at: now,
          }
        : {
            manager_outcome: input.outcome,
            manager_id: ctx.actor.userId,
            manager_comment: input.comment,
            manager_decided_at: now,
          }),
    };
    if (final) Object.assign(set, { outcome: input.outcome, decided_at: now, open_key: null, due_at: null });
    else {
      const due = addWorkingDays(await loadCalendar(tx, ctx.config.timeZone), now, 1);
      Object.assign(set, { due_at: due, manager_due_at: due });
    }
    await tx.updateTable('appeals').set(set).where('id', '=', id).execute();
    const { complaint } = subject;
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: complaint.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: final ? 'appeal_decided' : 'appeal_reviewed',
      data: { appealId: id, level, outcome: input.outcome, ...(given ? { revision: given } : {}) },
      comment: input.comment,
    });
    if (final) await reviseSubject(tx, subject, appeal, input.outcome, given ?? {}, ctx.actor.userId, now);
    const vars = {
      number: complaint.number,
      title: complaint.title,
      outcome_zh: OUTCOME_WORDS[input.outcome][0],
      outcome_en: OUTCOME_WORDS[input.outcome][1],
      comment: input.comment,
    };
    const targets = final
      ? [appeal.appellant_id]
      : (await nearestWithRole(tx, [appeal.unit_path, complaint.unit_path], 'manager')).filter(
          (u) => u !== ctx.actor.userId,
        );
    await queueNotice(
      tx,
      {
        event: final ? 'appeal_decided' : 'appeal_filed',
        complaintId: complaint.id,
        vars: { ...vars, reason: appeal.reason },
        targets: targets.map((userId) => ({ userId })),
      },
      now,
    );
  });
}

/** The appellant withdraws their open appeal. */
export async function withdrawAppeal(ctx: ActorContext, id: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const appeal = await lockAppeal(tx, id);
    if (appeal.appellant_id !== ctx.actor.userId) throw forbidden('appeal_not_yours');
    if (!levelOf(appeal.status)) throw conflict('appeal_decided', { id, status: appeal.status });
    const now = ctx.clock.now();
    await tx
      .updateTable('appeals')
      .set({ status: 'withdrawn', open_key: null, due_at: null, decided_at: now })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: appeal.complaint_id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'appeal_withdrawn',
      data: { appealId: id },
    });
  });
}

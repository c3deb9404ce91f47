import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, canSee } from '../complaints/index.js';
import { nearestWithRole, queueNotice } from '../notify/index.js';
import { addWorkingDays, loadCalendar } from '../sla/index.js';
import { mayAppeal, openKey, windowEnd } from './rules.js';
import type { FileAppealInput } from './schemas.js';
import { appealSettings } from './settings.js';
import { appealableAt, judgementSubject, qualityCheckSubject, type Subject } from './subject.js';

/** 申诉: file an appeal against a subject, in one transaction with its history event and the reviewers' notice. */
async function file(
  ctx: ActorContext,
  load: (tx: Tx) => Promise<Subject>,
  input: FileAppealInput,
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    const subject = await load(tx);
    const { complaint } = subject;
    const named = mayAppeal(ctx.actor, subject.against);
    if (!named && !canSee(ctx.actor, complaint))
      throw notFound('complaint_not_found', { number: complaint.number });
    const subjectAt = appealableAt(subject);
    if (!named) throw forbidden('appeal_not_allowed');
    const now = ctx.clock.now();
    const { windowDays } = await appealSettings(tx);
    const deadline = windowEnd(subjectAt, windowDays);
    if (now > deadline)
      throw conflict('appeal_window_closed', { deadline: new Date(deadline).toISOString(), windowDays });
    const key = openKey(subject.kind, subject.check?.id ?? complaint.id);
    const open = await tx.selectFrom('appeals').select('id').where('open_key', '=', key).executeTakeFirst();
    if (open) throw conflict('appeal_open', { id: open.id });
    const dueAt = addWorkingDays(await loadCalendar(tx, ctx.config.timeZone), now, 1);
    const { id } = await tx
      .insertInto('appeals')
      .values({
        subject_kind: subject.kind,
        complaint_id: complaint.id,
        quality_check_id: subject.check?.id ?? null,
        open_key: key,
        appellant_id: ctx.actor.userId,
        unit_id: subject.unitId,
        unit_path: subject.against.unitPath ?? complaint.unit_path,
        reason: input.reason,
        evidence: input.evidence ?? null,
        status: 'pending_supervisor',
        filed_at: now,
        subject_at: subjectAt,
        due_at: dueAt,
        supervisor_due_at: dueAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: complaint.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'appeal_filed',
      data: {
        appealId: id,
        subject: subject.kind,
        qualityCheckId: subject.check?.id ?? null,
        evidence: input.evidence ?? null,
      },
      comment: input.reason,
    });
    const reviewers = await nearestWithRole(
      tx,
      [subject.against.unitPath ?? complaint.unit_path, complaint.unit_path],
      'supervisor',
    );
    await queueNotice(
      tx,
      {
        event: 'appeal_filed',
        complaintId: complaint.id,
        vars: { number: complaint.number, title: complaint.title, reason: input.reason },
        targets: reviewers.filter((u) => u !== ctx.actor.userId).map((userId) => ({ userId })),
      },
      now,
    );
    return { id };
  });
}

export const appealJudgement = (ctx: ActorContext, number: string, input: FileAppealInput) =>
  file(ctx, (tx) => judgementSubject(tx, number), input);

export const appealQualityCheck = (ctx: ActorContext, id: number, input: FileAppealInput) =>
  file(ctx, (tx) => qualityCheckSubject(tx, id), input);

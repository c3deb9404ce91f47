import type { ActorContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { CONTACT_CHANNELS } from '../../domain/complaint-model.js';
import { asLocale } from '../../i18n/index.js';
import { badRequest, conflict, type FieldProblem } from '../../lib/errors.js';
import { localDate } from '../../lib/time.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, registerComplaint } from '../complaints/index.js';
import type { RegisterInput } from '../complaints/schemas.js';
import { isSealed, open, piiKeys } from '../privacy/index.js';
import { requireCaller, requireVisible } from './access.js';
import { findVisit } from './queries.js';
import type { CallInput, ReturnVisitView } from './schemas.js';
import { addDays } from './selection.js';
import { readReturnVisitSettings } from './settings.js';
import { insertStaffSurvey } from './surveys.js';

type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The link from a complaint opened on a return visit to the complaint visited. */
const FOLLOW_UP = 'follow_up_of';

function checkInput(input: CallInput, today: string): void {
  const fields: FieldProblem[] = [];
  if (!input.reached) {
    if (input.survey) fields.push({ path: '/survey', code: 'customer_not_reached' });
    if (input.newProblem) fields.push({ path: '/newProblem', code: 'customer_not_reached' });
  } else if (input.nextAttemptOn) fields.push({ path: '/nextAttemptOn', code: 'customer_reached' });
  if (input.nextAttemptOn && input.nextAttemptOn <= today)
    fields.push({ path: '/nextAttemptOn', code: 'not_after_today', params: { today } });
  if (fields.length) throw badRequest('validation_failed', fields);
}

/** The visit, locked, seen by the actor and still to be called. */
async function lockOpenVisit(tx: Tx, ctx: ActorContext, id: number) {
  const visit = await tx
    .selectFrom('return_visits')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  requireVisible(ctx.actor, visit, id);
  if (visit?.status !== 'scheduled') throw conflict('return_visit_finished', { id, status: visit?.status });
  return visit;
}

/** The new problem as a phone registration by the same customer (their sealed contacts opened to be sealed again). */
async function followUpRegistration(
  tx: Tx,
  ctx: ActorContext,
  complaintId: number,
  input: NonNullable<CallInput['newProblem']>,
): Promise<RegisterInput> {
  const c = await tx
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  const keys = piiKeys(ctx.config.secret);
  const opened = (v: string | null) => (v === null ? undefined : isSealed(v) ? open(keys, v) : v);
  const phone = opened(c.complainant_phone);
  const email = opened(c.complainant_email);
  return {
    channel: 'phone',
    complainant: {
      name: c.complainant_name,
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(c.preferred_contact ? { preferredContact: c.preferred_contact as ContactChannel } : {}),
      locale: asLocale(c.complainant_locale),
      identityVerified: Boolean(c.identity_verified),
    },
    title: input.title,
    content: input.content,
    categoryId: input.categoryId ?? c.category_id,
    ...(c.waybill_no ? { waybillNo: c.waybill_no } : {}),
  };
}

/**
 * 回访记录: the outcome of a call. Reached: the visit is done, with the survey taken down on the
 * customer's behalf (source `return_visit`) and a new problem opened as a complaint linked to this
 * one. Not reached: one more attempt, the next on the day named or after the configured days; the
 * last allowed attempt closes the visit as unreached. All in one transaction (with the new complaint's).
 */
export async function recordCall(
  ctx: ActorContext,
  visitId: number,
  input: CallInput,
): Promise<{ visit: ReturnVisitView; newComplaintNumber: string | null }> {
  requireCaller(ctx.actor);
  const now = ctx.clock.now();
  const today = localDate(now, ctx.config.timeZone);
  checkInput(input, today);
  const settings = await readReturnVisitSettings(ctx.db);

  const write = async (tx: Tx, created: { id: number; number: string } | null) => {
    const visit = await lockOpenVisit(tx, ctx, visitId);
    const original = await tx
      .selectFrom('complaints')
      .select(['id', 'number'])
      .where('id', '=', visit.complaint_id)
      .executeTakeFirstOrThrow();
    const attempts = visit.attempts + 1;
    const giveUp = !input.reached && attempts >= settings.maxAttempts;
    const nextDue =
      input.reached || giveUp
        ? visit.due_on
        : (input.nextAttemptOn ?? addDays(today, settings.retryAfterDays));
    const status = input.reached ? 'done' : giveUp ? 'unreached' : 'scheduled';
    const survey = input.survey
      ? await insertStaffSurvey(tx, {
          complaintId: original.id,
          number: original.number,
          source: 'return_visit',
          input: input.survey,
          actorId: ctx.actor.userId,
          now,
        })
      : null;
    if (created) {
      await tx
        .insertInto('complaint_links')
        .values({ complaint_id: created.id, kind: FOLLOW_UP, target_id: original.id, created_at: now })
        .execute();
      await appendEvent(tx, {
        streamType: COMPLAINT_STREAM,
        streamId: created.id,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'linked',
        data: { link: FOLLOW_UP, to: original.number },
      });
    }
    await tx
      .updateTable('return_visits')
      .set({
        attempts,
        status,
        due_on: nextDue,
        last_called_at: now,
        last_called_by: ctx.actor.userId,
        note: input.note ?? null,
        new_complaint_id: created?.id ?? null,
        finished_at: status === 'scheduled' ? null : now,
      })
      .where('id', '=', visit.id)
      .execute();
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: original.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'return_visit_called',
      data: {
        visitId: visit.id,
        reached: input.reached,
        attempt: attempts,
        status,
        ...(status === 'scheduled' ? { nextAttemptOn: nextDue } : {}),
        ...(survey ? { survey } : {}),
        ...(created ? { newComplaint: created.number } : {}),
      },
      comment: input.note ?? null,
    });
  };

  if (!input.newProblem) {
    await ctx.db.transaction().execute((tx) => write(tx, null));
    return { visit: await findVisit(ctx.db, visitId), newComplaintNumber: null };
  }
  // Refuse a call on a visit the actor cannot record before a complaint number is taken for it.
  const registration = await ctx.db.transaction().execute(async (tx) => {
    const visit = await lockOpenVisit(tx, ctx, visitId);
    return followUpRegistration(
      tx,
      ctx,
      visit.complaint_id,
      input.newProblem as NonNullable<CallInput['newProblem']>,
    );
  });
  const registered = await registerComplaint(ctx, registration, {
    within: (tx, created) => write(tx, created),
  });
  return { visit: await findVisit(ctx.db, visitId), newComplaintNumber: registered.number };
}

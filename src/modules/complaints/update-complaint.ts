import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import type { ComplaintUpdate } from '../../db/schema.js';
import { higherPriority, type Priority, REFERRAL_MAJOR_REASONS } from '../../domain/complaint-model.js';
import { badRequest } from '../../lib/errors.js';
import { hasVisibleText } from '../../lib/visible-text.js';
import { appendEvent } from '../audit/index.js';
import { recordCorrection } from '../classifier/index.js';
import { attachPlaybooks } from '../playbooks/index.js';
import { COMPLAINT_STREAM, runComplaintCommand } from './complaint-command.js';
import { canSee, requireMajorCloser } from './permissions.js';
import { ReferenceCheck } from './references.js';
import type { LinkBody, UpdateInput } from './schemas.js';

/**
 * Reclassify or correct the record: category (the handler confirms level 4), priority, grade, tags,
 * references, the language the customer is written to in.
 */
export const updateComplaint = (ctx: ActorContext, number: string, input: UpdateInput) =>
  runComplaintCommand(ctx, number, 'update', async (tx, c) => {
    const check = new ReferenceCheck(tx);
    if (input.title !== undefined && !hasVisibleText(input.title))
      check.add({ path: '/title', code: 'blank' });
    await check.category(input.categoryId, '/categoryId');
    await check.person(input.staffComplainedUserId, undefined, '/staffComplainedUserId');
    await check.party(input.staffComplainedPartyId, '/staffComplainedPartyId');
    check.done();
    // A category set or confirmed unlike the prediction is a lesson for the next training.
    const settled = input.categoryId ?? (input.categoryConfirmed ? c.category_id : undefined);
    if (settled !== undefined) await recordCorrection(tx, ctx, c.id, settled);
    const set: ComplaintUpdate = {
      title: input.title,
      category_id: input.categoryId,
      priority: input.priority,
      tags: input.tags && JSON.stringify(input.tags),
      order_no: input.orderNo,
      waybill_no: input.waybillNo,
      store: input.store,
      product: input.product,
      batch_no: input.batchNo,
      region: input.region,
      staff_complained: input.staffComplained,
      staff_complained_user_id: input.staffComplainedUserId,
      staff_complained_party_id: input.staffComplainedPartyId,
      complainant_locale: input.customerLocale,
    };
    if (input.categoryConfirmed !== undefined) set.category_confirmed = input.categoryConfirmed ? 1 : 0;
    else if (input.categoryId !== undefined && input.categoryId !== c.category_id) set.category_confirmed = 0;
    if (input.majorReasons) {
      clearingReferral(ctx, JSON.parse(c.major_reasons) as string[], input);
      const major = input.majorReasons.length > 0;
      set.major_reasons = JSON.stringify(input.majorReasons);
      set.grade = major ? 'major' : 'general';
      if (major) set.priority = higherPriority((input.priority ?? c.priority) as Priority, 'P2');
    }
    // A new category or new major reasons may bring playbooks the complaint does not have yet.
    const playbooks = await attachPlaybooks(
      tx,
      {
        id: c.id,
        category_id: set.category_id ?? c.category_id,
        major_reasons: set.major_reasons ?? c.major_reasons,
      },
      ctx.clock.now(),
    );
    return {
      kind: 'updated',
      set,
      comment: input.comment ?? null,
      ...(playbooks.length ? { data: { playbooks } } : {}),
    };
  });

/**
 * A referral's major grade (authority, consumer association, media) is a manager's to clear, with
 * the reason in the comment: it stays in the history.
 */
function clearingReferral(ctx: ActorContext, before: string[], input: UpdateInput): void {
  const referral: readonly string[] = Object.values(REFERRAL_MAJOR_REASONS);
  const after: readonly string[] = input.majorReasons ?? [];
  const cleared = before.filter((r) => referral.includes(r) && !after.includes(r));
  if (!cleared.length) return;
  requireMajorCloser(ctx.actor);
  if (!input.comment || !hasVisibleText(input.comment))
    throw badRequest('validation_failed', [{ path: '/comment', code: 'reason_required' }]);
}

/** Follow a complaint (关注); watchers are told of its progress. */
export const watchComplaint = (ctx: ActorContext, number: string, watching: boolean) =>
  runComplaintCommand(ctx, number, 'watch', async (tx, c) => {
    const existing = await tx
      .selectFrom('complaint_watchers')
      .select('user_id')
      .where('complaint_id', '=', c.id)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    if (watching && !existing)
      await tx
        .insertInto('complaint_watchers')
        .values({ complaint_id: c.id, user_id: ctx.actor.userId })
        .execute();
    if (!watching && existing) {
      await tx
        .deleteFrom('complaint_watchers')
        .where('complaint_id', '=', c.id)
        .where('user_id', '=', ctx.actor.userId)
        .execute();
    }
    return { kind: watching ? 'watch_started' : 'watch_stopped' };
  });

/** Link to another complaint: a duplicate, a repeat by the same customer, the referral it came from. */
export const linkComplaint = (ctx: ActorContext, number: string, input: Static<typeof LinkBody>) =>
  runComplaintCommand(ctx, number, 'update', async (tx, c) => {
    const target = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('number', '=', input.number)
      .executeTakeFirst();
    if (!target || !canSee(ctx.actor, target)) {
      throw badRequest('validation_failed', [{ path: '/number', code: 'unknown_complaint' }]);
    }
    if (target.id === c.id)
      throw badRequest('validation_failed', [{ path: '/number', code: 'link_to_self' }]);
    const now = ctx.clock.now();
    await tx
      .insertInto('complaint_links')
      .values({ complaint_id: c.id, kind: input.kind, target_id: target.id, created_at: now })
      .execute();
    // The other complaint's history says so too, as a merge's does.
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: target.id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'linked_from',
      data: { link: input.kind, from: c.number },
      comment: input.comment ?? null,
    });
    return { kind: 'linked', data: { link: input.kind, to: target.number }, comment: input.comment ?? null };
  });

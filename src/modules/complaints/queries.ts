import type { ActorContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { readStream } from '../audit/index.js';
import { findCase } from '../cases/case-view.js';
import { findClassification } from '../classifier/registration.js';
import { recordPersonalDataView, requireReveal, shownContact } from '../privacy/index.js';
import { allowedActions } from './allowed-actions.js';
import { COMPLAINT_STREAM } from './complaint-command.js';
import { canSee } from './permissions.js';
import { toDetail } from './view.js';

export { listComplaints, type ScannedComplaint, scanComplaints, visibleTo } from './list-complaints.js';

/** One complaint with everything the complaint page shows; 404 when the actor may not see it. */
export async function getComplaint(ctx: ActorContext, number: string, options: { reveal?: boolean } = {}) {
  const c = await ctx.db.selectFrom('complaints').selectAll().where('number', '=', number).executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  const userIds = (ids: Array<number | null>) => [...new Set(ids.filter((i): i is number => i !== null))];
  const [
    remedies,
    replies,
    links,
    watchers,
    category,
    deadlines,
    evidence,
    messages,
    survey,
    caseView,
    classification,
  ] = await Promise.all([
    ctx.db
      .selectFrom('remedy_proposals')
      .selectAll()
      .where('complaint_id', '=', c.id)
      .orderBy('id')
      .execute(),
    ctx.db.selectFrom('replies').selectAll().where('complaint_id', '=', c.id).orderBy('id').execute(),
    ctx.db
      .selectFrom('complaint_links')
      .innerJoin('complaints as other', (j) =>
        j.on((eb) =>
          eb.or([
            eb.and([
              eb('complaint_links.complaint_id', '=', c.id),
              eb('other.id', '=', eb.ref('complaint_links.target_id')),
            ]),
            eb.and([
              eb('complaint_links.target_id', '=', c.id),
              eb('other.id', '=', eb.ref('complaint_links.complaint_id')),
            ]),
          ]),
        ),
      )
      .select([
        'complaint_links.kind',
        'complaint_links.complaint_id',
        'other.number',
        'complaint_links.created_at',
      ])
      .execute(),
    ctx.db.selectFrom('complaint_watchers').select('user_id').where('complaint_id', '=', c.id).execute(),
    ctx.db
      .selectFrom('categories')
      .select(['path'])
      .where('id', '=', c.category_id)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom('complaint_deadlines').selectAll().where('complaint_id', '=', c.id).execute(),
    ctx.db.selectFrom('evidence').selectAll().where('complaint_id', '=', c.id).orderBy('id').execute(),
    ctx.db
      .selectFrom('complaint_messages')
      .selectAll()
      .where('complaint_id', '=', c.id)
      .orderBy('id')
      .execute(),
    ctx.db.selectFrom('satisfaction_surveys').selectAll().where('complaint_id', '=', c.id).executeTakeFirst(),
    findCase(ctx.db, c.id),
    findClassification(ctx.db, c.id),
  ]);
  const categoryIds = category.path.split('/').filter(Boolean).map(Number);
  const unitIds = [c.unit_id, c.intake_unit_id, c.responsible_unit_id].filter((i): i is number => i !== null);
  const people = userIds([
    c.registered_by,
    c.assignee_id,
    c.judged_by,
    ...remedies.flatMap((r) => [r.proposed_by, r.decided_by]),
    ...replies.map((r) => r.sent_by),
    ...watchers.map((w) => w.user_id),
    ...evidence.map((e) => e.added_by),
    ...messages.map((m) => m.user_id),
  ]);
  const [categoryRows, unitRows, userRows] = await Promise.all([
    ctx.db
      .selectFrom('categories')
      .select(['id', 'code', 'name_zh', 'name_en', 'level'])
      .where('id', 'in', categoryIds)
      .execute(),
    ctx.db.selectFrom('units').select(['id', 'name', 'name_en']).where('id', 'in', unitIds).execute(),
    people.length
      ? ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', people).execute()
      : [],
  ]);
  const reveal = await requireReveal(ctx.db, ctx.actor, options.reveal);
  const complainant = {
    phone: shownContact(ctx.config.secret, 'phone', c.complainant_phone, reveal),
    email: shownContact(ctx.config.secret, 'email', c.complainant_email, reveal),
  };
  if (reveal && (complainant.phone || complainant.email)) {
    await recordPersonalDataView(ctx.db, ctx, { type: COMPLAINT_STREAM, id: c.id }, [
      ...(complainant.phone ? ['complainant.phone'] : []),
      ...(complainant.email ? ['complainant.email'] : []),
    ]);
  }
  return toDetail(c, {
    complainant,
    evidence,
    messages,
    survey: survey ?? null,
    categoryPath: categoryIds
      .map((id) => categoryRows.find((r) => r.id === id))
      .filter((r) => r !== undefined),
    units: new Map(unitRows.map((u) => [u.id, u])),
    users: new Map(userRows.map((u) => [u.id, u.display_name])),
    remedies,
    replies,
    links: links.map((l) => ({
      kind: l.complaint_id === c.id ? l.kind : `${l.kind}:incoming`,
      number: l.number,
      createdAt: new Date(l.created_at).toISOString(),
    })),
    watchers: watchers.map((w) => w.user_id),
    actions: allowedActions(ctx.actor, c),
    case: caseView,
    classification,
    deadlines,
    now: ctx.clock.now(),
  });
}

/** The complaint's history, oldest first, with the actors' names. */
export async function getTimeline(ctx: ActorContext, number: string) {
  const c = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'unit_path', 'intake_unit_path', 'assignee_id'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  return readStream(ctx.db, COMPLAINT_STREAM, c.id);
}

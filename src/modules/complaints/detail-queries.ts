import type { ActorContext } from '../../context.js';
import { inIds, runFixed } from '../../db/prepared.js';
import { seesAll } from '../../domain/actor.js';
import type { Status } from '../../domain/complaint-model.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { readStream } from '../audit/index.js';
import { toCaseView } from '../cases/index.js';
import { categoriesById } from '../categories/index.js';
import { toClassificationView } from '../classifier/index.js';
import { SYSTEM_USERS, type SystemUser, unitsById } from '../org/index.js';
import { maySeePersonalData, recordPersonalDataView, shownContact } from '../privacy/index.js';
import { allowedActions, blockedActions } from './allowed-actions.js';
import { COMPLAINT_STREAM } from './complaint-command.js';
import { complaintAndRows, ownRowsOf } from './complaint-rows.js';
import { authorityLimits } from './decide-remedy.js';
import { canTransition } from './lifecycle.js';
import { canSee } from './permissions.js';
import { visibleTo } from './queries.js';
import { toDetail } from './view.js';
import type { CustomerPanelView } from './view-schemas.js';

/** The customer behind the complaint: level, tags, and their latest other complaints this actor may see. */
function customerPanel(rows: Awaited<ReturnType<typeof ownRowsOf>>): CustomerPanelView | null {
  const { customer } = rows;
  if (!customer) return null;
  return {
    id: customer.id,
    level: customer.level,
    tags: JSON.parse(customer.tags) as string[],
    complaintCount: rows.customerComplaints,
    repeatComplainant: customer.repeat_complainant === 1,
    otherComplaints: rows.otherComplaints.map((r) => ({
      number: r.number,
      title: r.title,
      status: r.status as Status,
      receivedAt: new Date(r.received_at).toISOString(),
    })),
  };
}

/** One complaint with everything the complaint page shows; 404 when the actor may not see it. */
export async function getComplaint(
  ctx: ActorContext,
  number: string,
  options: {
    reveal?: boolean;
    /**
     * The answer to the caller's own action: when that action took the complaint out of their sight
     * (a transfer to another unit), they get this last view of it, marked not visible, instead of 404.
     */
    afterOwnAction?: boolean;
  } = {},
) {
  const others = seesAll(ctx.actor) ? undefined : visibleTo(ctx);
  const { c, rows: read } = await complaintAndRows(ctx.db, number, others);
  const visible = c !== undefined && canSee(ctx.actor, c);
  if (!c || (!visible && !options.afterOwnAction)) throw notFound('complaint_not_found', { number });
  const rows = read ?? (await ownRowsOf(ctx.db, c, others));
  const { remedies, replies, links, watchers, deadlines, evidence, messages, surveys } = rows;
  const userIds = (ids: Array<number | null>) => [...new Set(ids.filter((i): i is number => i !== null))];
  const people = userIds([
    c.registered_by,
    c.assignee_id,
    c.judged_by,
    c.responsible_user_id,
    c.staff_complained_user_id,
    ...remedies.flatMap((r) => [r.proposed_by, r.decided_by, r.fulfilment_owner_id, r.fulfilled_by]),
    ...replies.map((r) => r.sent_by),
    ...watchers.map((w) => w.user_id),
    ...evidence.map((e) => e.added_by),
    ...messages.map((m) => m.user_id),
  ]);
  const partyIds = [c.responsible_party_id, c.staff_complained_party_id].filter(
    (i): i is number => i !== null,
  );
  const [classification, limits, categories, units, userRows, partyRows] = await Promise.all([
    rows.classification && toClassificationView(ctx.db, rows.classification),
    c.status === 'proposed' ? authorityLimits(ctx.db) : null,
    categoriesById(ctx.db),
    unitsById(ctx.db),
    people.length
      ? runFixed(
          ctx.db,
          ctx.db
            .selectFrom('users')
            .select(['id', 'display_name'])
            .where(inIds(ctx.db, 'id', people)),
        )
      : [],
    partyIds.length
      ? runFixed(
          ctx.db,
          ctx.db
            .selectFrom('external_parties')
            .select(['id', 'code', 'name'])
            .where(inIds(ctx.db, 'id', partyIds)),
        )
      : [],
  ]);
  const category = categories.get(c.category_id);
  if (!category) throw new Error(`complaint ${c.number} has no category ${c.category_id}`);
  const categoryPath = category.path
    .split('/')
    .filter(Boolean)
    .map((id) => categories.get(Number(id)))
    .filter((r) => r !== undefined);
  // The handler who must call the customer back may see their number (recorded like every reveal).
  const callBack = c.assignee_id === ctx.actor.userId && canTransition(c.status as Status, 'contact');
  const mayReveal = callBack || (await maySeePersonalData(ctx.db, ctx.actor));
  if (options.reveal && !mayReveal) throw forbidden('personal_data_forbidden');
  const reveal = options.reveal === true;
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
    complainant: { ...complainant, mayReveal },
    evidence,
    messages,
    surveys,
    categoryPath,
    units,
    users: new Map(userRows.map((u) => [u.id, u.display_name])),
    parties: new Map(partyRows.map((p) => [p.id, p])),
    remedies,
    replies,
    links: links
      .sort((a, b) => a.created_at - b.created_at || a.number.localeCompare(b.number))
      .map((l) => ({
        kind: l.complaint_id === c.id ? l.kind : `${l.kind}:incoming`,
        number: l.number,
        createdAt: new Date(l.created_at).toISOString(),
      })),
    watchers: watchers.map((w) => w.user_id),
    visible,
    actions: visible
      ? allowedActions(ctx.actor, c, {
          fulfilmentPending: remedies.some((r) => r.fulfilment_status === 'pending'),
        })
      : [],
    blocked: blockedActions(
      ctx.actor,
      c,
      remedies.find((r) => r.status === 'pending'),
      limits,
    ),
    case: rows.case && toCaseView(rows.case),
    classification,
    customer: customerPanel(rows),
    deadlines,
    now: ctx.clock.now(),
  });
}

/** The id of a complaint the actor may see (read without a lock); 404 otherwise. */
export async function visibleComplaintId(ctx: ActorContext, number: string): Promise<number> {
  const c = await ctx.db
    .selectFrom('complaints')
    .select(['id', 'unit_path', 'intake_unit_path', 'assignee_id'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!c || !canSee(ctx.actor, c)) throw notFound('complaint_not_found', { number });
  return c.id;
}

/** The complaint's history, oldest first, with the actors' names. */
export async function getTimeline(ctx: ActorContext, number: string) {
  const events = await readStream(ctx.db, COMPLAINT_STREAM, await visibleComplaintId(ctx, number));
  // The accounts acting for a channel (portal, mailbox) are named by the console in the reader's language.
  const systemNames = new Map(Object.entries(SYSTEM_USERS).map(([key, u]) => [u.displayName as string, key]));
  return events.map((e) => {
    const system = e.actor?.name ? systemNames.get(e.actor.name) : undefined;
    return e.actor && system ? { ...e, actor: { ...e.actor, system: system as SystemUser } } : e;
  });
}

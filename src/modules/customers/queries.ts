import type { ActorContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { OPEN_STATUSES } from '../../domain/complaint-model.js';
import { PHONE_PATTERN } from '../../lib/contact.js';
import { type Cursor, decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { notFound } from '../../lib/errors.js';
import { readStream } from '../audit/index.js';
import { canSee } from '../complaints/index.js';
import {
  blindIndex,
  mask,
  maySeePersonalData,
  normalise,
  open,
  type PiiKind,
  piiKeys,
  recordPersonalDataView,
  requireReveal,
} from '../privacy/index.js';
import { maskAddress, openAddresses } from './addresses.js';
import { complaintTotals, NO_COMPLAINTS } from './complaint-totals.js';
import { type StoredContact, shownContacts } from './customer-contacts.js';
import { customerVisibleTo, seesAllCustomers } from './customer-scope.js';
import { requireCustomerPermission } from './permissions.js';
import type { CustomerComplaintsInput, CustomerListInput } from './schemas.js';
import { toCustomerComplaint, toCustomerProfile, toCustomerSummary } from './view.js';

export const CUSTOMER_STREAM = 'customer';
/** How many of the latest complaints the customer page shows; the rest are a page away. */
const PROFILE_COMPLAINTS = 20;

const PHONE_REGEX = new RegExp(PHONE_PATTERN);

/** A search term that is a whole phone number or e-mail address, whatever its spelling. */
function contactTerm(term: string): PiiKind | null {
  if (term.includes('@')) return 'email';
  if (/^[\d+\-\s()]+$/.test(term) && PHONE_REGEX.test(normalise('phone', term))) return 'phone';
  return null;
}

async function contactsOf(db: Db, customerIds: number[]): Promise<StoredContact[]> {
  if (!customerIds.length) return [];
  return db
    .selectFrom('customer_contacts')
    .select(['id', 'customer_id', 'kind', 'value'])
    .where('customer_id', 'in', customerIds)
    .orderBy('id')
    .execute();
}

/** The customer, or 404 when it does not exist or the actor may not see it (customer-scope.ts). */
async function customerRow(ctx: ActorContext, id: number) {
  let q = ctx.db.selectFrom('customers').selectAll().where('id', '=', id);
  if (!seesAllCustomers(ctx)) q = q.where(customerVisibleTo(ctx));
  const c = await q.executeTakeFirst();
  if (!c) throw notFound('customer_not_found', { id });
  return c;
}

/**
 * Customers by name prefix (index customers_name), or the one whose whole phone or e-mail is the
 * search term (blind index): a partial number finds nobody, since numbers are sealed.
 */
export async function listCustomers(ctx: ActorContext, input: CustomerListInput) {
  requireCustomerPermission(ctx.actor, 'read');
  const keys = piiKeys(ctx.config.secret);
  const limit = input.limit ?? 50;
  let q = ctx.db.selectFrom('customers').selectAll();
  const term = input.q?.trim();
  if (term) {
    const kind = contactTerm(term);
    if (kind)
      q = q.where('id', 'in', (eb) =>
        eb
          .selectFrom('customer_contacts')
          .select('customer_id')
          .where('kind', '=', kind)
          .where('value_index', '=', blindIndex(keys, kind, term)),
      );
    else q = q.where('name', '>=', term).where('name', '<', `${term}\uffff`);
  }
  if (input.level) q = q.where('level', '=', input.level);
  if (!seesAllCustomers(ctx)) q = q.where(customerVisibleTo(ctx));
  if (input.repeat !== undefined) q = q.where('repeat_complainant', '=', input.repeat ? 1 : 0);
  if (input.cursor) {
    const [name, id] = decodeCursor(input.cursor, 'text');
    q = q.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(String(name), id)));
  }
  const rows = await q
    .orderBy('name')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const ids = page.map((c) => c.id);
  const [contacts, totals] = await Promise.all([contactsOf(ctx.db, ids), complaintTotals(ctx.db, ids)]);
  const masked = (customerId: number, kind: PiiKind) =>
    contacts
      .filter((r) => r.customer_id === customerId && r.kind === kind)
      .map((r) => mask(kind, open(keys, r.value)));
  const last = page.at(-1);
  return {
    items: page.map((c) =>
      toCustomerSummary(
        c,
        { phones: masked(c.id, 'phone'), emails: masked(c.id, 'email') },
        totals.get(c.id) ?? NO_COMPLAINTS,
      ),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

/**
 * The customer's complaints that the actor may see (canSee, the complaints' own rule), newest
 * first, by the index on complaints.customer_id.
 */
async function visibleComplaints(ctx: ActorContext, customerId: number, limit: number, cursor?: Cursor) {
  const batch = Math.max(limit + 1, 50);
  const found = [];
  let after = cursor;
  for (;;) {
    let q = ctx.db
      .selectFrom('complaints')
      .select([
        'id',
        'number',
        'status',
        'priority',
        'channel',
        'title',
        'received_at',
        'repeat_complaint',
        'unit_path',
        'intake_unit_path',
        'assignee_id',
        'complainant_locale',
      ])
      .where('customer_id', '=', customerId);
    if (after) {
      const [receivedAt, id] = after;
      q = q.where((eb) => eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(Number(receivedAt), id)));
    }
    const rows = await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(batch).execute();
    found.push(...rows.filter((r) => canSee(ctx.actor, r)));
    const last = rows.at(-1);
    if (found.length > limit || rows.length < batch || !last) break;
    after = [last.received_at, last.id];
  }
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toCustomerComplaint),
    nextCursor: found.length > limit && last ? encodeCursor([last.received_at, last.id]) : null,
  };
}

/** `GET /customers/:id/complaints`: the complaint history, a page at a time. */
export async function listCustomerComplaints(
  ctx: ActorContext,
  customerId: number,
  input: CustomerComplaintsInput,
) {
  requireCustomerPermission(ctx.actor, 'read');
  await customerRow(ctx, customerId);
  return visibleComplaints(
    ctx,
    customerId,
    input.limit ?? 50,
    input.cursor ? decodeCursor(input.cursor, 'integer') : undefined,
  );
}

async function complaintCounts(db: Db, customerId: number) {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number | null>(
          eb
            .case()
            .when('status', 'in', [...OPEN_STATUSES])
            .then(1)
            .else(0)
            .end(),
        )
        .as('open'),
      eb.fn.sum<number | null>('repeat_complaint').as('repeat'),
      eb.fn.max<number | null>('received_at').as('last'),
    ])
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return {
    counts: { total: Number(row.total), open: Number(row.open ?? 0), repeat: Number(row.repeat ?? 0) },
    lastAt: row.last === null ? null : Number(row.last),
  };
}

/**
 * The customer page. Contacts and addresses are masked; `reveal` shows them to a role the privacy
 * setting allows (403 otherwise) and records the view on the customer's history.
 */
export async function getCustomer(ctx: ActorContext, id: number, options: { reveal?: boolean } = {}) {
  requireCustomerPermission(ctx.actor, 'read');
  const c = await customerRow(ctx, id);
  const reveal = await requireReveal(ctx.db, ctx.actor, options.reveal);
  const keys = piiKeys(ctx.config.secret);
  const [contacts, counts, complaints, mayReveal] = await Promise.all([
    contactsOf(ctx.db, [id]),
    complaintCounts(ctx.db, id),
    visibleComplaints(ctx, id, PROFILE_COMPLAINTS),
    reveal || maySeePersonalData(ctx.db, ctx.actor),
  ]);
  const addresses = openAddresses(keys, c.addresses);
  const shown = shownContacts(keys, contacts, reveal);
  const fields = [
    ...(shown.phones.length ? ['phones'] : []),
    ...(shown.emails.length ? ['emails'] : []),
    ...(addresses.length ? ['addresses'] : []),
  ];
  if (reveal && fields.length)
    await recordPersonalDataView(ctx.db, ctx, { type: CUSTOMER_STREAM, id }, fields);
  return toCustomerProfile(c, {
    contacts: shown,
    addresses: reveal ? addresses : addresses.map(maskAddress),
    revealed: reveal,
    mayReveal,
    counts: counts.counts,
    lastComplaintAt: counts.lastAt,
    complaints,
  });
}

/** The customer's history (edits and every unmasked view), oldest first. */
export async function getCustomerTimeline(ctx: ActorContext, id: number) {
  requireCustomerPermission(ctx.actor, 'read');
  await customerRow(ctx, id);
  return readStream(ctx.db, CUSTOMER_STREAM, id);
}

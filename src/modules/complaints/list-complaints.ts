import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { seesAll, subtreeEnd } from '../../domain/actor.js';
import { CHANNELS, OPEN_STATUSES, PRIORITIES, STATUSES } from '../../domain/complaint-model.js';
import { PHONE_PATTERN } from '../../lib/contact.js';
import { type Cursor, decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { badRequest } from '../../lib/errors.js';
import { categorySubtreeIds } from '../categories/index.js';
import { blindIndex, piiKeys } from '../privacy/index.js';
import {
  type ColumnRange,
  parseSearch,
  rangesWithMatches,
  type SearchQuery,
  searchCondition,
  searchSnippets,
} from '../search/index.js';
import type { ComplaintPage, ListInput } from './list-schemas.js';
import { NUMBER_PATTERN } from './numbering.js';
import { may } from './permissions.js';
import { toSummary } from './view.js';

type Eb = ExpressionBuilder<Database, 'complaints'>;

const PHONE_REGEX = new RegExp(PHONE_PATTERN);

/**
 * Only the complaints this actor may see: their units' subtrees (responsible or intake) and their own.
 * `inListOrder`: for a list read in its sort order a page at a time. SQLite (no statistics) takes the
 * three ranges for narrow ones and gathers every visible complaint through their indexes to sort
 * them, ~1 s at 1M complaints for a unit that sees many; the unary `+` keeps these columns out of its
 * index choice, so it walks the sort index and stops when the page is full (the longer, the fewer of
 * the complaints the actor sees: `walkInListOrder` decides). Counts, which read every visible row
 * anyway, keep the ranges.
 */
export function visibleTo(ctx: ActorContext, options: { inListOrder?: boolean } = {}) {
  const hint = options.inListOrder === true && ctx.dialect === 'sqlite';
  return (eb: Eb) => {
    const a = ctx.actor;
    const end = subtreeEnd(a.unitPath);
    const unitPath = hint ? sql<string>`+complaints.unit_path` : eb.ref('complaints.unit_path');
    const intakePath = hint
      ? sql<string>`+complaints.intake_unit_path`
      : eb.ref('complaints.intake_unit_path');
    const assignee = hint ? sql<number | null>`+complaints.assignee_id` : eb.ref('complaints.assignee_id');
    return eb.or([
      eb.and([eb(unitPath, '>=', a.unitPath), eb(unitPath, '<', end)]),
      eb.and([eb(intakePath, '>=', a.unitPath), eb(intakePath, '<', end)]),
      eb(assignee, '=', a.userId),
    ]);
  };
}

/**
 * Whether SQLite should walk the list's sort index rather than gather the visible complaints and sort
 * them (see `visibleTo`): the walk reads about a page ÷ the visible share of all rows, the gathering
 * all visible rows. Past a few thousand visible complaints the walk is the cheaper; counting stops there.
 */
const WALK_FROM = 5000;
async function walkInListOrder(ctx: ActorContext): Promise<boolean> {
  if (ctx.dialect !== 'sqlite') return false;
  const visible = await ctx.db
    .selectFrom((db) =>
      db
        .selectFrom('complaints')
        .select('id')
        .where('unit_path', '>=', ctx.actor.unitPath)
        .where('unit_path', '<', subtreeEnd(ctx.actor.unitPath))
        .limit(WALK_FROM)
        .as('visible'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(visible.n) >= WALK_FROM;
}

function csvOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((s) => !allowed.includes(s as T));
  if (bad.length)
    throw badRequest('validation_failed', [
      { path: `/${field}`, source: 'querystring', code: 'unknown_value', params: { values: bad } },
    ]);
  return items as T[];
}

/** The first character sorting after every string that starts with `prefix`. */
const prefixEnd = (prefix: string) => `${prefix}\uffff`;

const SORT_COLUMNS = {
  receivedAt: 'received_at',
  updatedAt: 'updated_at',
  priority: 'priority',
  dueAt: 'due_at',
} as const;
type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];

export type ListResult = Static<typeof ComplaintPage>;

/** A query over complaints before any column is selected. */
// biome-ignore lint/complexity/noBannedTypes: Kysely's output type of a query that selects nothing yet
type ComplaintQuery = SelectQueryBuilder<Database, 'complaints', {}>;

/** The complaints a list asks for and the actor may see, before paging; and how they are ordered. */
interface Listing {
  query: ComplaintQuery;
  column: SortColumn;
  desc: boolean;
  /** The sort column may be null (due_at: no clock runs); those complaints come last, in id order. */
  nullsLast: boolean;
  /** The full-text search of `q`, when it is one (its items get snippets). */
  search?: SearchQuery;
}

/** Every filter of the list, the actor's visibility and the sort order; each filter narrows on an indexed column. */
async function filteredComplaints(
  ctx: ActorContext,
  input: Omit<ListInput, 'limit' | 'cursor'>,
  opts: { mine?: boolean },
): Promise<Listing> {
  const sort = input.sort ?? (opts.mine ? 'dueAt' : '-receivedAt');
  const desc = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const statuses = opts.mine ? [...OPEN_STATUSES] : csvOf(input.status, STATUSES, 'status');
  const priorities = csvOf(input.priority, PRIORITIES, 'priority');
  const channels = csvOf(input.channel, CHANNELS, 'channel');

  let q = ctx.db.selectFrom('complaints');
  if (!seesAll(ctx.actor)) q = q.where(visibleTo(ctx, { inListOrder: await walkInListOrder(ctx) }));
  if (opts.mine) q = q.where(myWork(ctx));
  if (statuses?.length) q = q.where('complaints.status', 'in', statuses);
  if (priorities?.length) q = q.where('complaints.priority', 'in', priorities);
  if (channels?.length) q = q.where('complaints.channel', 'in', channels);
  if (input.grade) q = q.where('complaints.grade', '=', input.grade);
  if (input.assigneeId) q = q.where('complaints.assignee_id', '=', input.assigneeId);
  if (input.categoryId) {
    const ids = await categorySubtreeIds(ctx.db, input.categoryId);
    if (!ids.length)
      throw badRequest('validation_failed', [
        { path: '/categoryId', source: 'querystring', code: 'unknown_category' },
      ]);
    q = q.where('complaints.category_id', 'in', ids);
  }
  if (input.unitId) {
    const unit = await ctx.db
      .selectFrom('units')
      .select('path')
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit)
      throw badRequest('validation_failed', [
        { path: '/unitId', source: 'querystring', code: 'unknown_unit' },
      ]);
    q = q
      .where('complaints.unit_path', '>=', unit.path)
      .where('complaints.unit_path', '<', subtreeEnd(unit.path));
  }
  if (input.overdue) q = q.where('complaints.due_at', '<=', ctx.clock.now());
  if (input.dueWithin) {
    const now = ctx.clock.now();
    q = q
      .where('complaints.due_at', '>', now)
      .where('complaints.due_at', '<=', now + input.dueWithin * 60_000);
  }
  if (input.receivedFrom) q = q.where('complaints.received_at', '>=', Date.parse(input.receivedFrom));
  if (input.receivedTo) q = q.where('complaints.received_at', '<', Date.parse(input.receivedTo));
  if (input.customerId) q = q.where('complaints.customer_id', '=', input.customerId);
  if (input.repeat !== undefined) q = q.where('complaints.repeat_complaint', '=', input.repeat ? 1 : 0);
  let search: SearchQuery | undefined;
  if (input.q) {
    const term = input.q.trim();
    const keys = piiKeys(ctx.config.secret);
    if (NUMBER_PATTERN.test(term.toUpperCase())) q = q.where('complaints.number', '=', term.toUpperCase());
    else if (PHONE_REGEX.test(term))
      // Phone numbers are sealed: only a whole number matches, through its blind index.
      q = q.where('complaints.complainant_phone_index', '=', blindIndex(keys, 'phone', term));
    else if (term.includes('@'))
      q = q.where('complaints.complainant_email_index', '=', blindIndex(keys, 'email', term));
    else {
      search = parseSearch(term);
      // Full-text search, or a number, waybill or order number starting with the term.
      const ranges: ColumnRange[] = [
        { column: 'number', from: term.toUpperCase(), to: prefixEnd(term.toUpperCase()) },
        { column: 'waybill_no', from: term, to: prefixEnd(term) },
        { column: 'order_no', from: term, to: prefixEnd(term) },
      ];
      q = q.where(
        await searchCondition(ctx.db, ctx.dialect, search, await rangesWithMatches(ctx.db, ranges), {
          inSortOrder:
            [statuses, priorities, channels].every((values) => (values?.length ?? 0) <= 1) &&
            !input.categoryId &&
            !input.overdue &&
            !input.dueWithin,
        }),
      );
    }
  }
  return { query: q, column, desc, nullsLast: column === 'due_at', search };
}

/** The complaints after `cursor` in the listing's order (keyset paging on (sort column, id)). */
function after(listing: Listing, [value, id]: Cursor) {
  if (value === null)
    return listing.query.where(`complaints.${listing.column}`, 'is', null).where('complaints.id', '>', id);
  const cmp = listing.desc ? '<' : '>';
  return listing.query.where((eb) =>
    eb(eb.refTuple(`complaints.${listing.column}`, 'complaints.id'), cmp, eb.tuple(value, id)),
  );
}

/**
 * Up to `limit` rows after `cursor`, read by `read`. A column with nulls (due_at) is read in two index
 * ranges: the rows with a value in its order, then, when the page is not full, those without in id order
 * — each an index range on (column, id), where an `or` or `coalesce` would sort every visible row.
 */
async function rowsAfter<R>(
  listing: Listing,
  cursor: Cursor | null,
  limit: number,
  read: (query: ComplaintQuery, limit: number) => Promise<R[]>,
): Promise<R[]> {
  const start = cursor ? after(listing, cursor) : listing.query;
  if (!listing.nullsLast) return read(start, limit);
  const column = `complaints.${listing.column}` as const;
  const inNulls = cursor !== null && cursor[0] === null;
  const rows = inNulls ? [] : await read(start.where(column, 'is not', null), limit);
  if (rows.length >= limit) return rows;
  const nulls = inNulls ? start : listing.query.where(column, 'is', null);
  return [...rows, ...(await read(nulls, limit - rows.length))];
}

/**
 * 我的待办: the open complaints assigned to the actor, and, for a role that accepts complaints, those
 * waiting in the actor's own unit to be accepted (已登记).
 */
function myWork(ctx: ActorContext) {
  const a = ctx.actor;
  return (eb: Eb) =>
    may(a, 'accept')
      ? eb.or([
          eb('complaints.assignee_id', '=', a.userId),
          eb.and([eb('complaints.status', '=', 'received'), eb('complaints.unit_path', '=', a.unitPath)]),
        ])
      : eb('complaints.assignee_id', '=', a.userId);
}

/** The listing's complaints joined with the names a list shows (category, unit, assignee), in order. */
function ordered(listing: Listing, query: ComplaintQuery, limit: number) {
  const direction = listing.desc ? 'desc' : 'asc';
  return query
    .leftJoin('categories', 'categories.id', 'complaints.category_id')
    .leftJoin('units', 'units.id', 'complaints.unit_id')
    .leftJoin('users as assignee', 'assignee.id', 'complaints.assignee_id')
    .orderBy(`complaints.${listing.column}`, direction)
    .orderBy('complaints.id', direction)
    .limit(limit);
}

/** A page of the list, one row more than `limit` (is there a next page?). */
function page(listing: Listing, query: ComplaintQuery, limit: number) {
  return ordered(listing, query, limit).select([
    'complaints.id',
    'complaints.number',
    'complaints.status',
    'complaints.channel',
    'complaints.title',
    'complaints.priority',
    'complaints.grade',
    'complaints.category_id',
    'complaints.unit_id',
    'complaints.assignee_id',
    'complaints.received_at',
    'complaints.updated_at',
    'complaints.complainant_name',
    'complaints.waybill_no',
    'complaints.reopen_count',
    'complaints.escalation_level',
    'complaints.due_at',
    'categories.name_zh as category_zh',
    'categories.name_en as category_en',
    'units.name as unit_name',
    'units.name_en as unit_name_en',
    'assignee.display_name as assignee_name',
  ]);
}

/** Filtered, sorted, cursor-paginated list. */
export async function listComplaints(
  ctx: ActorContext,
  input: ListInput,
  opts: { mine?: boolean } = {},
): Promise<ListResult> {
  const limit = input.limit ?? 50;
  const listing = await filteredComplaints(ctx, input, opts);
  const cursor = input.cursor
    ? decodeCursor(input.cursor, listing.column === 'priority' ? 'text' : 'integer')
    : null;
  const rows = await rowsAfter(listing, cursor, limit + 1, (query, n) => page(listing, query, n).execute());
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const ids = items.map((r) => r.id);
  const snippets = listing.search ? await searchSnippets(ctx.db, ids, listing.search) : null;
  return {
    items: items.map((r) =>
      snippets ? { ...toSummary(r), snippet: snippets.get(r.id) ?? null } : toSummary(r),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor([last[listing.column], last.id]) : null,
  };
}

/** A row of `scanComplaints`: the list's columns and what an export adds. */
export type ScannedComplaint = Awaited<ReturnType<ReturnType<typeof scanPage>['execute']>>[number];

/** A batch of an export: what its columns show, and the sort columns for the next keyset. */
function scanPage(listing: Listing, query: ComplaintQuery, limit: number) {
  return ordered(listing, query, limit).select([
    'complaints.id',
    'complaints.number',
    'complaints.status',
    'complaints.channel',
    'complaints.received_at',
    'complaints.updated_at',
    'complaints.title',
    'complaints.priority',
    'complaints.grade',
    'complaints.complainant_name',
    'complaints.complainant_phone',
    'complaints.waybill_no',
    'complaints.order_no',
    'complaints.due_at',
    'complaints.reopen_count',
    'complaints.repeat_complaint',
    'categories.name_zh as category_zh',
    'categories.name_en as category_en',
    'units.name as unit_name',
    'units.name_en as unit_name_en',
    'assignee.display_name as assignee_name',
  ]);
}

/**
 * Every complaint of a list (the same filters, visibility and order, no page limit) in batches, each
 * one keyset query: for exports of any size in bounded memory. Filters are checked before the first
 * batch is read, so a bad filter is refused before anything is sent.
 */
export async function scanComplaints(
  ctx: ActorContext,
  input: Omit<ListInput, 'limit' | 'cursor'>,
): Promise<{ batches(size: number): AsyncGenerator<ScannedComplaint[]> }> {
  const listing = await filteredComplaints(ctx, input, {});
  return {
    async *batches(size) {
      let cursor: Cursor | null = null;
      for (;;) {
        const rows: ScannedComplaint[] = await rowsAfter(listing, cursor, size, (query, n) =>
          scanPage(listing, query, n).execute(),
        );
        if (rows.length) yield rows;
        const last = rows.at(-1);
        if (rows.length < size || !last) return;
        cursor = [last[listing.column], last.id];
      }
    },
  };
}

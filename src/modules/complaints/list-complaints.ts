import { type SelectQueryBuilder, sql } from 'kysely';
import type { Static } from 'typebox';
import type { ActorContext } from '../../context.js';
import { inIds, runFixed } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { onConnection, type RunQuery } from '../../db/sqlite-reader.js';
import { inSubtree, seesAll, subtreeEnd } from '../../domain/actor.js';
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
import { type Condition, driver, type Eb, hinted, OPEN_ORDERS, openOnly, plain } from './list-plan.js';
import type { ComplaintPage, ListInput } from './list-schemas.js';
import { NUMBER_PATTERN } from './numbering.js';
import { may } from './permissions.js';
import { toSummary } from './view.js';

const PHONE_REGEX = new RegExp(PHONE_PATTERN);

/**
 * Only the complaints this actor may see: their units' subtrees (responsible or intake) and their own.
 * `apart`: the list is filtered to a unit whose subtree does not meet the actor's, so the handling-unit
 * part can match nothing and is left out (it would steer the planner to walk every complaint), and the
 * assignee part is asked within that unit: one range of the assignee-and-unit index, which PostgreSQL's
 * statistics on those two columns (migration 2026-12-04-assignee-unit-index) estimate rightly. Only
 * there: the same unit range in both parts would be taken out of them by PostgreSQL, which then
 * expects the actor's every assigned complaint to match and walks the whole table.
 */
function visibility(ctx: ActorContext, apart?: { path: string }): Condition {
  const a = ctx.actor;
  const end = subtreeEnd(a.unitPath);
  return {
    indexed: true,
    where: (eb, col) => {
      const inUnit = apart
        ? [eb(col('unit_path'), '>=', apart.path), eb(col('unit_path'), '<', subtreeEnd(apart.path))]
        : [];
      return eb.or([
        ...(apart ? [] : [eb.and([eb(col('unit_path'), '>=', a.unitPath), eb(col('unit_path'), '<', end)])]),
        eb.and([eb(col('intake_unit_path'), '>=', a.unitPath), eb(col('intake_unit_path'), '<', end)]),
        eb.and([eb(col('assignee_id'), '=', a.userId), ...inUnit]),
      ]);
    },
  };
}

export function visibleTo(ctx: ActorContext) {
  const condition = visibility(ctx);
  return (eb: Eb) => condition.where(eb, plain(eb));
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

/** On SQLite a filter matching at most this many is gathered rather than the open complaints walked. */
const GATHER_BEFORE_OPEN_WALK = 2_000;

export type ListResult = Static<typeof ComplaintPage>;

/** A query over complaints before any column is selected. */
// biome-ignore lint/complexity/noBannedTypes: Kysely's output type of a query that selects nothing yet
type ComplaintQuery = SelectQueryBuilder<Database, 'complaints', {}>;

/** The complaints a list asks for and the actor may see, before paging; and how they are ordered. */
export interface Listing {
  query: ComplaintQuery;
  column: SortColumn;
  desc: boolean;
  /** The sort column may be null (due_at: no clock runs); those complaints come last, in order of receipt. */
  nullsLast: boolean;
  /** `query` for the complaints without a sort value, which are read in order of receipt (`query` itself without nullsLast). */
  nulls: ComplaintQuery;
  /** SQLite reads the list through a filter's index (list-plan.ts), not the sort column's. */
  driven: boolean;
  /** The same for `nulls`. */
  nullsDriven: boolean;
  /** The full-text search of `q`, when it is one (its items get snippets). */
  search?: SearchQuery;
}

async function filterUnit(ctx: ActorContext, unitId: number) {
  const unit = await ctx.db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirst();
  if (!unit)
    throw badRequest('validation_failed', [{ path: '/unitId', source: 'querystring', code: 'unknown_unit' }]);
  return unit;
}

/** Every filter of the list, the actor's visibility and the sort order; each filter narrows on an indexed column. */
export async function filteredComplaints(
  ctx: ActorContext,
  input: Omit<ListInput, 'limit' | 'cursor'>,
  opts: { mine?: boolean; pageSize: number },
): Promise<Listing> {
  const sort = input.sort ?? (opts.mine ? 'dueAt' : '-receivedAt');
  const desc = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const statuses = opts.mine ? [...OPEN_STATUSES] : csvOf(input.status, STATUSES, 'status');
  const priorities = csvOf(input.priority, PRIORITIES, 'priority');
  const channels = csvOf(input.channel, CHANNELS, 'channel');

  const conditions: Condition[] = [];
  const filter = (indexed: boolean, where: Condition['where']) => conditions.push({ indexed, where });
  const unit = input.unitId ? await filterUnit(ctx, input.unitId) : undefined;
  // A unit filter inside the actor's subtree shows only what they may see anyway: no visibility
  // condition; one apart from it needs only the intake and assignee parts (a station handler listing
  // the service centre walked a million complaints to find the few taken in at their station).
  const mine = ctx.actor.unitPath;
  const visible =
    seesAll(ctx.actor) || (unit && inSubtree(unit.path, mine))
      ? undefined
      : visibility(ctx, unit && !inSubtree(mine, unit.path) ? unit : undefined);
  if (visible) conditions.push(visible);
  if (unit)
    filter(true, (eb, col) =>
      eb.and([eb(col('unit_path'), '>=', unit.path), eb(col('unit_path'), '<', subtreeEnd(unit.path))]),
    );
  if (opts.mine) conditions.push(myWork(ctx));
  // On SQLite a list of open complaints in an order of its own walks the open ones (list-plan.ts).
  const openWalk =
    ctx.dialect === 'sqlite' &&
    !input.q &&
    OPEN_ORDERS.includes(column) &&
    (statuses?.length ?? 0) > 0 &&
    statuses?.every((s) => OPEN_STATUSES.includes(s));
  // Filters of several values: none of them can be read in the list's order.
  const severalValued: Condition[] = [];
  const oneOf = (
    column: 'status' | 'priority' | 'channel',
    values: string[] | undefined,
    indexed: boolean,
  ) => {
    if (!values?.length) return;
    filter(indexed, (eb, col) => eb(col(column), 'in', values));
    if (values.length > 1) severalValued.push(conditions.at(-1) as Condition);
  };
  oneOf('status', statuses, !openWalk);
  oneOf('priority', priorities, true);
  oneOf('channel', channels, false);
  const { grade, assigneeId, customerId, repeat, merged } = input;
  // Major complaints are few and have an index of their own; the general ones are nearly all.
  if (grade) filter(grade === 'major', (eb, col) => eb(col('grade'), '=', grade));
  if (assigneeId) filter(true, (eb, col) => eb(col('assignee_id'), '=', assigneeId));
  let byCategory: Condition | undefined;
  if (input.categoryId) {
    const ids = await categorySubtreeIds(ctx.db, input.categoryId);
    if (!ids.length)
      throw badRequest('validation_failed', [
        { path: '/categoryId', source: 'querystring', code: 'unknown_category' },
      ]);
    byCategory = {
      indexed: true,
      where: (eb, col) => eb(col('category_id'), 'in', ids),
      // One category (a leaf) is an equality on its index (category_id, received_at).
      ...(ids.length === 1 ? { ordered: 'received_at' } : {}),
    };
    conditions.push(byCategory);
  }
  const now = ctx.clock.now();
  if (input.overdue) filter(true, (eb, col) => eb(col('due_at'), '<=', now));
  const { dueWithin } = input;
  if (dueWithin)
    filter(true, (eb, col) =>
      eb.and([eb(col('due_at'), '>', now), eb(col('due_at'), '<=', now + dueWithin * 60_000)]),
    );
  const from = input.receivedFrom ? Date.parse(input.receivedFrom) : undefined;
  const to = input.receivedTo ? Date.parse(input.receivedTo) : undefined;
  if (from !== undefined || to !== undefined)
    conditions.push({
      indexed: true,
      bounds: 'received_at',
      where: (eb, col) =>
        eb.and([
          ...(from === undefined ? [] : [eb(col('received_at'), '>=', from)]),
          ...(to === undefined ? [] : [eb(col('received_at'), '<', to)]),
        ]),
    });
  if (customerId)
    conditions.push({
      indexed: true,
      where: (eb, col) => eb(col('customer_id'), '=', customerId),
      ordered: 'received_at',
    });
  if (repeat !== undefined) filter(false, (eb, col) => eb(col('repeat_complaint'), '=', repeat ? 1 : 0));
  if (merged !== undefined)
    filter(false, (eb, col) => eb(col('merged_into_id'), merged ? 'is not' : 'is', null));
  let q = ctx.db.selectFrom('complaints');
  let search: SearchQuery | undefined;
  /** Filters written off the index whatever drives the list (SQLite). */
  const offIndex: Condition[] = [];
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
      // What a walk in list order passes over: the filters that neither bound nor order it.
      const passedOver = conditions.filter((c) => c !== byCategory && !c.bounds && !c.ordered);
      const plan = await searchCondition(
        ctx.db,
        ctx.dialect,
        search,
        await rangesWithMatches(ctx.db, ranges),
        {
          inSortOrder: !severalValued.length && !input.overdue && !input.dueWithin,
          severalValues: severalValued.length > 0 && !input.overdue && !input.dueWithin,
          categoryId: input.categoryId,
          ...(passedOver.length
            ? { filter: (eb: Eb) => eb.and(passedOver.map((c) => c.where(eb, plain(eb)))) }
            : {}),
        },
      );
      q = q.where(plan.condition);
      if (plan.walks) offIndex.push(...severalValued);
      if (plan.fewMatches) offIndex.push(...conditions.filter((c) => c !== visible));
      // The search keeps to the category subtree itself, through the index.
      if (plan.holdsCategory) conditions.splice(conditions.indexOf(byCategory as Condition), 1);
    }
  }
  // A search keeps its own plan: only the actor's visibility may be steered (see list-plan.ts).
  const steerable = input.q ? conditions.filter((c) => c === visible) : conditions;
  // Walking the open ones reads their index alone: gathering through a filter pays only when it matches very few.
  const plan = async (sortColumn: string) =>
    ctx.dialect === 'sqlite'
      ? await driver(ctx, steerable, {
          limit: opts.pageSize,
          // The open complaints' own index, carrying the filters' columns, beats walking a filter's.
          ...(openWalk ? { gatherUpTo: GATHER_BEFORE_OPEN_WALK } : { sortColumn }),
        })
      : undefined;
  const drive = await plan(column);
  // Overdue and due-within hold due_at to a range: no complaint without one can pass, and looking for
  // them would walk every complaint in id order.
  const nullsLast = column === 'due_at' && !input.overdue && !input.dueWithin;
  // The complaints without a due time are read in order of receipt: planned for that order (the
  // counts are kept, so this costs no second count).
  const nullsDrive = nullsLast && !openWalk ? await plan('received_at') : drive;
  if (openWalk) q = q.where(openOnly);
  // Conditions off the index choice, except the one that drives and a range of the column walked.
  const hint = (c: Condition, walked: string, by: Condition | undefined) =>
    ctx.dialect === 'sqlite' &&
    c !== by &&
    (offIndex.includes(c) ||
      (steerable.includes(c) && !(c.bounds === walked && (by === undefined || by.ordered === walked))));
  const filtered = (walked: string, by: Condition | undefined) =>
    conditions.reduce(
      (query, c) => query.where((eb) => c.where(eb, hint(c, walked, by) ? hinted : plain(eb))),
      q,
    );
  const query = filtered(column, drive);
  return {
    query,
    nulls: nullsLast ? filtered('received_at', nullsDrive) : query,
    column,
    desc,
    nullsLast,
    driven: drive !== undefined,
    nullsDriven: nullsDrive !== undefined,
    search,
  };
}

/** The complaints whose sort column is (`is`) or is not (`is not`) null; kept off its index when a filter drives. */
const whereNull = (listing: Listing, query: ComplaintQuery, is: 'is' | 'is not') =>
  query.where((eb) =>
    eb(((is === 'is' ? listing.nullsDriven : listing.driven) ? hinted : plain(eb))(listing.column), is, null),
  );

/**
 * The complaints after `cursor` in the listing's order (keyset paging on (sort column, id)). Past the
 * last complaint with a due time the cursor is (null, id): those without one come in order of receipt,
 * so the page goes on from that complaint's receipt time.
 */
async function after(ctx: ActorContext, listing: Listing, [value, id]: Cursor) {
  if (value === null) {
    const nulls = whereNull(listing, listing.nulls, 'is');
    const last = await ctx.db
      .selectFrom('complaints')
      .select('received_at')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!last) return nulls.where('complaints.id', '>', id);
    return nulls.where((eb) =>
      eb(eb.refTuple('complaints.received_at', 'complaints.id'), '>', eb.tuple(last.received_at, id)),
    );
  }
  const cmp = listing.desc ? '<' : '>';
  return listing.query.where((eb) =>
    eb(eb.refTuple(`complaints.${listing.column}`, 'complaints.id'), cmp, eb.tuple(value, id)),
  );
}

/**
 * The ids of up to `limit` complaints after `cursor`, in order: read from the complaints alone (often
 * from an index alone), so that only a page's rows are joined and fetched. A column with nulls (due_at)
 * is read in two ranges: the rows with a value in its order, then, when the page is not full, those
 * without in order of receipt — each an index range (on due time and id, or on receipt time and id)
 * when the list walks that index, where an `or` or `coalesce` would sort every visible row. Receipt
 * order, not id order, so that a list of a time range (received last month, by due time) reads the
 * range of the receipt index, not every complaint since the first.
 */
export async function idsAfter(
  ctx: ActorContext,
  listing: Listing,
  cursor: Cursor | null,
  limit: number,
  run: RunQuery = onConnection,
): Promise<number[]> {
  const direction = listing.desc ? 'desc' : 'asc';
  const read = async (query: ComplaintQuery, n: number, by: 'received_at' | SortColumn = listing.column) => {
    const rows = await run(
      query
        .orderBy(`complaints.${by}`, direction)
        .select('complaints.id')
        .orderBy('complaints.id', direction)
        .limit(n),
    );
    return rows.map((r) => r.id);
  };
  const start = cursor ? await after(ctx, listing, cursor) : listing.query;
  if (!listing.nullsLast) return read(start, limit);
  const inNulls = cursor !== null && cursor[0] === null;
  const ids = inNulls ? [] : await read(whereNull(listing, start, 'is not'), limit);
  if (ids.length >= limit) return ids;
  const nulls = inNulls ? start : whereNull(listing, listing.nulls, 'is');
  return [...ids, ...(await read(nulls, limit - ids.length, 'received_at'))];
}

/**
 * 我的待办: the open complaints assigned to the actor, and, for a role that accepts complaints, those
 * waiting in the actor's own unit to be accepted (已登记).
 */
function myWork(ctx: ActorContext): Condition {
  const a = ctx.actor;
  const unitPath = ctx.dialect === 'sqlite' ? hinted('unit_path') : sql.ref('complaints.unit_path');
  return {
    indexed: true,
    where: (eb, col) =>
      may(a, 'accept')
        ? eb.or([
            eb(col('assignee_id'), '=', a.userId),
            // Through the status index: few are waiting, a unit's complaints are many.
            eb.and([eb(col('status'), '=', 'received'), eb(unitPath, '=', a.unitPath)]),
          ])
        : eb(col('assignee_id'), '=', a.userId),
  };
}

/** The complaints `ids` joined with the names a list shows (category, unit, assignee). */
export function joined(ctx: ActorContext, ids: number[]) {
  return ctx.db
    .selectFrom('complaints')
    .where(inIds(ctx.db, 'complaints.id', ids))
    .leftJoin('categories', 'categories.id', 'complaints.category_id')
    .leftJoin('units', 'units.id', 'complaints.unit_id')
    .leftJoin('users as assignee', 'assignee.id', 'complaints.assignee_id');
}

/** The rows of `ids`, read by `read`, in the order of `ids`. */
export async function inOrder<R extends { id: number }>(
  ids: number[],
  read: () => Promise<R[]>,
): Promise<R[]> {
  if (!ids.length) return [];
  const byId = new Map((await read()).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The rows of a page of the list. */
function page(ctx: ActorContext, ids: number[]) {
  return joined(ctx, ids).select([
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
  const listing = await filteredComplaints(ctx, input, { ...opts, pageSize: limit + 1 });
  const cursor = input.cursor
    ? decodeCursor(input.cursor, listing.column === 'priority' ? 'text' : 'integer')
    : null;
  const found = await idsAfter(ctx, listing, cursor, limit + 1);
  const ids = found.slice(0, limit);
  const items = await inOrder(ids, () => runFixed(ctx.db, page(ctx, ids)));
  const last = items.at(-1);
  const snippets = listing.search ? await searchSnippets(ctx.db, ids, listing.search) : null;
  return {
    items: items.map((r) =>
      snippets ? { ...toSummary(r), snippet: snippets.get(r.id) ?? null } : toSummary(r),
    ),
    nextCursor: found.length > limit && last ? encodeCursor([last[listing.column], last.id]) : null,
  };
}

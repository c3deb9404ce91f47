import type { CallInput, CallOutput, EndpointAt } from '../../../api/call';

import { CHANNELS, GRADES, PRIORITIES, STATUSES } from '../../../api/vocabularies';

export { CHANNELS, GRADES, PRIORITIES, STATUSES };

type ListEndpoint = EndpointAt<'GET', '/complaints'>;
/** A page of GET /complaints (and /complaints/mine), as the contract answers it. */
export type ListPage = CallOutput<ListEndpoint>;
/** A row of the list. */
export type ComplaintRow = ListPage['items'][number];
/** The excerpt of a text search around the first hit; marks are [start, end) offsets into text. */
export type Snippet = NonNullable<ComplaintRow['snippet']>;
type ListQuery = NonNullable<CallInput<ListEndpoint>['query']>;
/** The orders the list offers; `dueAt` (most urgent first) is the queues' default. */
export type Sort = NonNullable<ListQuery['sort']>;
export const DEFAULT_SORT: Sort = 'dueAt';

export type Tab = 'mine' | 'unit' | 'all';

/** The filter bar's state; what a saved view stores. */
export interface Filters {
  status?: string[];
  priority?: string[];
  grade?: ListQuery['grade'];
  channel?: string[];
  categoryId?: number;
  /** The responsible unit and its subtree (the 全部 tab; 本单位 is the user's own unit). */
  unitId?: number;
  receivedFrom?: string;
  receivedTo?: string;
  overdue?: boolean;
  dueWithin?: number;
  repeat?: boolean;
  /** false from a drill-down: the duplicates merged into another complaint left out, as the statistics count. */
  merged?: boolean;
  /** One customer's complaints (from the complaint page's customer panel). */
  customerId?: number;
  q?: string;
}

export interface SavedView {
  name: string;
  tab: Tab;
  filters: Filters;
}

const csv = (v: string[] | undefined) => (v?.length ? v.join(',') : undefined);

/** The query of a tab's list with the filters and the order (the page cursor is added page by page). */
export function listQuery(tab: Tab, f: Filters, unitId: number, sort: Sort): ListQuery {
  return {
    status: tab === 'mine' ? undefined : csv(f.status),
    priority: csv(f.priority),
    grade: f.grade,
    channel: csv(f.channel),
    categoryId: f.categoryId,
    unitId: tab === 'unit' ? unitId : tab === 'all' ? f.unitId : undefined,
    receivedFrom: f.receivedFrom,
    receivedTo: f.receivedTo,
    overdue: f.overdue || undefined,
    dueWithin: f.dueWithin,
    // false (first complaints only) comes from a drill-down's address; the checkbox sets true or nothing.
    repeat: f.repeat,
    merged: f.merged,
    customerId: f.customerId,
    q: f.q?.trim() || undefined,
    sort,
    limit: 50,
  };
}

/** The list filters an address may carry besides the search (a drill-down from the analysis, a dashboard figure). */
export const URL_FILTERS = [
  'status',
  'priority',
  'grade',
  'channel',
  'categoryId',
  'unitId',
  'receivedFrom',
  'receivedTo',
  'overdue',
  'dueWithin',
  'repeat',
  'merged',
  'customerId',
] as const;

/**
 * The filters named by an address (`?status=a,b&unitId=3&receivedFrom=…`, as GET /complaints takes
 * them), or null when it names none; what is not understood is left out.
 */
export function filtersFromUrl(params: URLSearchParams): Filters | null {
  if (!URL_FILTERS.some((k) => params.has(k))) return null;
  const list = (k: string, allowed: readonly string[]) => {
    const v = params
      .get(k)
      ?.split(',')
      .filter((x) => allowed.includes(x));
    return v?.length ? v : undefined;
  };
  const id = (k: string) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const instant = (k: string) => {
    const v = params.get(k);
    return v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined;
  };
  const grade = params.get('grade');
  const dueWithin = id('dueWithin');
  return {
    status: list('status', STATUSES),
    priority: list('priority', PRIORITIES),
    grade: (GRADES as readonly string[]).includes(grade ?? '') ? (grade as Filters['grade']) : undefined,
    channel: list('channel', CHANNELS),
    categoryId: id('categoryId'),
    unitId: id('unitId'),
    receivedFrom: instant('receivedFrom'),
    receivedTo: instant('receivedTo'),
    overdue: params.get('overdue') === 'true' || undefined,
    dueWithin: dueWithin && dueWithin <= 100000 ? dueWithin : undefined,
    repeat: params.has('repeat') ? params.get('repeat') === 'true' : undefined,
    merged: params.has('merged') ? params.get('merged') === 'true' : undefined,
    customerId: id('customerId'),
  };
}

/** The workbench listing every complaint of a customer the user may see, in whatever status. */
export const customerWorkbenchUrl = (customerId: number) =>
  `/workbench?${new URLSearchParams({ customerId: String(customerId), status: STATUSES.join(',') })}`;

/** Saved views live in this browser, per user. */
const viewsKey = (userId: number) => `kesu.workbench.views.${userId}`;

export function loadViews(userId: number): SavedView[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(viewsKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedView[]) : [];
  } catch {
    return [];
  }
}

export function storeViews(userId: number, views: SavedView[]): void {
  localStorage.setItem(viewsKey(userId), JSON.stringify(views));
}

/** A duration (absolute) in whole days, hours, minutes and seconds. */
export function durationParts(ms: number): { d: number; h: number; m: number; s: number } {
  const total = Math.floor(Math.abs(ms) / 1000);
  return {
    d: Math.floor(total / 86400),
    h: Math.floor((total % 86400) / 3600),
    m: Math.floor((total % 3600) / 60),
    s: total % 60,
  };
}

/** The tab and filters of the workbench, kept for the browser tab's session (back from a complaint). */
const stateKey = (userId: number) => `kesu.workbench.state.${userId}`;

export function loadState(userId: number): { tab?: Tab; filters?: Filters; sort?: Sort } {
  try {
    return JSON.parse(sessionStorage.getItem(stateKey(userId)) ?? '{}');
  } catch {
    return {};
  }
}

export function storeState(userId: number, state: { tab: Tab; filters: Filters; sort: Sort }): void {
  sessionStorage.setItem(stateKey(userId), JSON.stringify(state));
}

import type { CallInput, CallOutput, EndpointAt } from '../../../api/call';

export { CHANNELS, GRADES, PRIORITIES, STATUSES } from '../../../api/vocabularies';

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
  receivedFrom?: string;
  receivedTo?: string;
  overdue?: boolean;
  dueWithin?: number;
  repeat?: boolean;
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
    unitId: tab === 'unit' ? unitId : undefined,
    receivedFrom: f.receivedFrom,
    receivedTo: f.receivedTo,
    overdue: f.overdue || undefined,
    dueWithin: f.dueWithin,
    repeat: f.repeat || undefined,
    q: f.q?.trim() || undefined,
    sort,
    limit: 50,
  };
}

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

/** The customer's name as a list shows it: the family name, the rest hidden (王**). */
export const maskedName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
};

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

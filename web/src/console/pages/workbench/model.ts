import { query } from '../../../api/client';

export { CHANNELS, GRADES, PRIORITIES, STATUSES } from '../../../api/vocabularies';

/** The excerpt of a text search around the first hit; marks are [start, end) offsets into text. */
export interface Snippet {
  text: string;
  marks: Array<[number, number]>;
}

/** A row of GET /complaints (the API's list summary). */
export interface ComplaintRow {
  number: string;
  status: string;
  channel: string;
  title: string;
  priority: string;
  grade: string;
  category: { id: number; nameZh: string | null; nameEn: string | null };
  unit: { id: number; name: string | null };
  assignee: { id: number; name: string | null } | null;
  complainantName: string;
  waybillNo: string | null;
  dueAt: string | null;
  receivedAt: string;
  updatedAt: string;
  /** Only on a full-text search. */
  snippet?: Snippet | null;
}

export interface ListPage {
  items: ComplaintRow[];
  nextCursor: string | null;
}

export interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  nameEn: string;
  active: boolean;
}

export type { Category } from '../../components/categories';

export interface StaffUser {
  id: number;
  displayName: string;
  /** null when only the name is known (a non-admin sees assignees of the list, not the user directory). */
  unitId: number | null;
  active: boolean;
}

export type Tab = 'mine' | 'unit' | 'all';

/** The filter bar's state; what a saved view stores. */
export interface Filters {
  status?: string[];
  priority?: string[];
  grade?: string;
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

/** The API path of a tab's list with the filters and the page cursor. */
export function listPath(tab: Tab, f: Filters, unitId: number, cursor?: string | null): string {
  return `${tab === 'mine' ? '/complaints/mine' : '/complaints'}${query({
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
    limit: 50,
    cursor: cursor ?? undefined,
  })}`;
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

/** h:mm:ss of a duration (absolute), with whole days split off. */
export function clockParts(ms: number): { days: number; time: string } {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return { days, time: `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` };
}

/** The tab and filters of the workbench, kept for the browser tab's session (back from a complaint). */
const stateKey = (userId: number) => `kesu.workbench.state.${userId}`;

export function loadState(userId: number): { tab?: Tab; filters?: Filters } {
  try {
    return JSON.parse(sessionStorage.getItem(stateKey(userId)) ?? '{}');
  } catch {
    return {};
  }
}

export function storeState(userId: number, state: { tab: Tab; filters: Filters }): void {
  sessionStorage.setItem(stateKey(userId), JSON.stringify(state));
}

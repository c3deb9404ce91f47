/**
 * The mixed workload's requests: about 80 % reads and 20 % writes, as three users of the demo
 * organisation, in a seeded order (a shuffled deck of 100 request kinds, dealt again and again).
 * Everything is prepared before the load so that picking the next request costs next to nothing.
 *
 * Reads: workbench lists (filters, sorts, "my queue"), their next pages (cursors fetched first),
 * complaint detail, full-text search. Writes: registrations (the registration mix) and actions on
 * existing complaints. An action that changes the status (accept, assign, start) takes a complaint
 * of the right status that no other request of the run takes, so no two requests race for one
 * state and none is refused for it; repeatable actions (a call-back, a correction) cycle.
 */
import type { Db } from '../../src/db/database.js';
import type { Org } from '../search.js';
import { queryInputs, random } from '../search.js';
import type { KesuClient } from './kesu.js';
import type { VariedRequest } from './load.js';

export const MIXED_SEED = 20261204;
/** Complaints sampled for the detail pages. */
const SAMPLE = 2_000;
const API = '/api/v1';

export type User = 'supervisor' | 'agent' | 'handler';

/** Request kinds, whether they read or write, and their share of a hundred requests. */
export const KINDS = {
  list: { group: 'read', share: 28 },
  'list next page': { group: 'read', share: 12 },
  detail: { group: 'read', share: 25 },
  search: { group: 'read', share: 15 },
  register: { group: 'write', share: 10 },
  accept: { group: 'write', share: 3 },
  assign: { group: 'write', share: 2 },
  start: { group: 'write', share: 2 },
  contact: { group: 'write', share: 2 },
  update: { group: 'write', share: 1 },
} as const;
export type Kind = keyof typeof KINDS;

/** Workbench lists as each user opens them (paths under /api/v1). */
function listPaths(org: Org): Array<[User, string]> {
  const branch = (k: number) => org.branches[k % org.branches.length]?.id ?? 1;
  const pudong = org.stations[0]?.id ?? 1;
  return [
    ['supervisor', '/complaints'],
    ['supervisor', '/complaints?status=received,accepted,assigned,investigating,waiting_customer'],
    ['supervisor', '/complaints?overdue=true&sort=dueAt'],
    ['supervisor', `/complaints?categoryId=${branch(0)}`],
    ['supervisor', `/complaints?categoryId=${branch(2)}&status=investigating,replied`],
    ['supervisor', '/complaints?priority=P1,P2&sort=priority'],
    ['supervisor', `/complaints?unitId=${pudong}&sort=-updatedAt`],
    ['supervisor', '/complaints?channel=phone,app&status=resolved,closed'],
    ['agent', '/complaints/mine'],
    ['agent', '/complaints?status=received'],
    ['agent', '/complaints?sort=-updatedAt'],
    ['handler', '/complaints/mine'],
    ['handler', '/complaints?status=assigned,investigating'],
    ['handler', '/complaints?overdue=true&sort=dueAt'],
    ['handler', '/complaints'],
  ];
}

/** The search bench's queries (words, phrases, exclusions, number fragments, with filters) as paths. */
function searchPaths(org: Org, rows: number): Array<[User, string]> {
  return queryInputs(org, rows).map((input, k) => {
    const query = new URLSearchParams(Object.entries(input).map(([key, v]) => [key, String(v)]));
    return [k % 2 === 0 ? 'supervisor' : 'handler', `/complaints?${query}`];
  });
}

export interface Pools {
  /** Every user may see these (detail pages). */
  anyNumbers: string[];
  /** Answered but not resolved: open to corrections. */
  replied: string[];
  /** Closed in the Pudong station (the assigned ones move away): the handler's detail pages. */
  pudongNumbers: string[];
  received: string[];
  /** Assigned at Pudong, in two halves: one reassigned to Nanshan, one started by the handler. */
  assignedToMove: string[];
  assignedToStart: string[];
  investigating: string[];
}

/** The complaints each kind of request works on, read from the database before the load. */
export async function loadPools(db: Db, org: Org): Promise<Pools> {
  const pudong = org.stations[0]?.id ?? 0;
  const numbers = async (status?: string, unitId?: number) => {
    let q = db.selectFrom('complaints').select('number').orderBy('id');
    if (status) q = q.where('status', '=', status);
    if (unitId) q = q.where('unit_id', '=', unitId);
    return (await q.execute()).map((r) => r.number);
  };
  const every = <T>(items: T[], n: number) =>
    items.filter((_, k) => k % Math.max(1, Math.floor(items.length / n)) === 0);
  const assigned = await numbers('assigned', pudong);
  return {
    anyNumbers: every(await numbers(), SAMPLE),
    pudongNumbers: every(await numbers('closed', pudong), SAMPLE),
    replied: every(await numbers('replied'), SAMPLE),
    received: await numbers('received'),
    assignedToMove: assigned.filter((_, k) => k % 2 === 0),
    assignedToStart: assigned.filter((_, k) => k % 2 === 1),
    investigating: every(await numbers('investigating', pudong), SAMPLE),
  };
}

export interface Setup {
  org: Org;
  rows: number;
  pools: Pools;
  /** `Authorization` header value per user. */
  bearers: Record<User, string>;
  /** A client per user (bearer), to fetch the cursors of next pages. */
  clients: Record<User, KesuClient>;
  /** The registration mix's bodies (JSON). */
  registrations: string[];
}

/** First pages, to take their cursors: the next pages the load asks for. */
async function nextPages(setup: Setup, lists: Array<[User, string]>): Promise<Array<[User, string]>> {
  const pages: Array<[User, string]> = [];
  for (const [user, path] of lists) {
    const page = await setup.clients[user].request<{ nextCursor: string | null }>('GET', `${API}${path}`);
    if (!page.nextCursor) continue;
    const separator = path.includes('?') ? '&' : '?';
    pages.push([user, `${path}${separator}cursor=${encodeURIComponent(page.nextCursor)}`]);
  }
  return pages;
}

/**
 * The request source for the load: `next()` deals the next request. Each kind takes its own list
 * in turn; the status-changing actions never take a complaint twice (and say so when their pool
 * runs out: the run reports those requests as errors rather than hiding them).
 */
export async function mixedRequests(setup: Setup): Promise<{
  next: () => VariedRequest;
  /** One request of a kind (the sanity check before the load). */
  make: Record<Kind, () => VariedRequest>;
  exhausted: Set<Kind>;
}> {
  const { org, pools, bearers } = setup;
  const pudong = org.stations[0];
  const nanshan = org.stations[1];
  if (!pudong || !nanshan) throw new Error('the demo organisation has no stations');
  const lists = listPaths(org);
  const pages = await nextPages(setup, lists);
  const searches = searchPaths(org, setup.rows);
  const exhausted = new Set<Kind>();

  const headers = (user: User, json: boolean): Record<string, string> =>
    json
      ? { authorization: bearers[user], 'content-type': 'application/json' }
      : { authorization: bearers[user] };
  const get = (kind: Kind, user: User, path: string): VariedRequest => ({
    kind,
    group: KINDS[kind].group,
    method: 'GET',
    path: `${API}${path}`,
    headers: headers(user, false),
  });
  const write = (
    kind: Kind,
    user: User,
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
  ): VariedRequest => ({
    kind,
    group: 'write',
    method,
    path: `${API}${path}`,
    headers: headers(user, true),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  /** Cycles through `items`; with `once`, takes each item one time only. */
  const dealer = <T>(kind: Kind, items: readonly T[], once = false) => {
    let i = 0;
    return (): T => {
      if (once && i >= items.length) exhausted.add(kind);
      return items[i++ % items.length] as T;
    };
  };
  const anyNumber = dealer('detail', pools.anyNumbers);
  const pudongNumber = dealer('detail', pools.pudongNumbers);
  const list = dealer('list', lists);
  const page = dealer('list next page', pages);
  const search = dealer('search', searches);
  const registration = dealer('register', setup.registrations);
  const toAccept = dealer('accept', pools.received, true);
  const toMove = dealer('assign', pools.assignedToMove, true);
  const toStart = dealer('start', pools.assignedToStart, true);
  const toContact = dealer('contact', pools.investigating);
  const toCorrect = dealer('update', pools.replied);
  let details = 0;

  const make: Record<Kind, () => VariedRequest> = {
    list: () => get('list', ...list()),
    'list next page': () => get('list next page', ...page()),
    detail: () =>
      details++ % 3 === 2
        ? get('detail', 'handler', `/complaints/${pudongNumber()}`)
        : get('detail', details % 3 === 1 ? 'agent' : 'supervisor', `/complaints/${anyNumber()}`),
    search: () => get('search', ...search()),
    register: () => write('register', 'agent', 'POST', '/complaints', registration()),
    accept: () => write('accept', 'agent', 'POST', `/complaints/${toAccept()}/accept`, { comment: '已受理' }),
    assign: () =>
      write('assign', 'supervisor', 'POST', `/complaints/${toMove()}/assign`, {
        unitId: nanshan.id,
        assigneeId: nanshan.handlerId,
        comment: '改派南山网点',
      }),
    start: () => write('start', 'handler', 'POST', `/complaints/${toStart()}/start`, {}),
    contact: () =>
      write('contact', 'handler', 'POST', `/complaints/${toContact()}/contact-attempts`, {
        outcome: 'reached',
        note: '已电话联系客户，说明处理进度',
      }),
    update: () =>
      write('update', 'agent', 'PATCH', `/complaints/${toCorrect()}`, {
        tags: ['客户催办'],
        comment: '客户来电催促',
      }),
  };

  const shuffle = random(MIXED_SEED);
  const deck = (Object.keys(KINDS) as Kind[]).flatMap((k) => Array<Kind>(KINDS[k].share).fill(k));
  for (let i = deck.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [deck[i], deck[j]] = [deck[j] as Kind, deck[i] as Kind];
  }
  let dealt = 0;
  return { next: () => make[deck[dealt++ % deck.length] as Kind](), make, exhausted };
}

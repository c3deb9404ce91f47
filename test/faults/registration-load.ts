/**
 * Concurrent complaint registrations against a running `kesu serve`, over real HTTP, sorted by
 * answer: acknowledged (201, with the number), 503 `database_unavailable` with Retry-After,
 * 507 `insufficient_storage`, and anything else (which a fault test expects never to see).
 */
import { sleep } from '../jobs/support.js';
import { buildComplaint } from '../support/factories.js';

export interface Tally {
  acknowledged: string[];
  unavailable: number;
  storageFull: number;
  /** Answers that are none of the above (a 500, a 503 without Retry-After …), or no answer at all. */
  unexpected: string[];
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** One registration (a parcel delayed in transit); the answer is added to the tally. */
export async function register(baseUrl: string, cookie: string, categoryId: number, tally: Tally) {
  const body = buildComplaint({
    unitIds: new Map(),
    userIds: new Map(),
    categoryIds: new Map([['delay.transit', categoryId]]),
  });
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  } catch (error) {
    tally.unexpected.push(`no answer: ${String(error)}`);
    return;
  }
  const text = await res.text();
  const problem = res.headers.get('content-type')?.startsWith('application/problem+json')
    ? (JSON.parse(text) as { code?: string })
    : null;
  if (res.status === 201) tally.acknowledged.push((JSON.parse(text) as { number: string }).number);
  else if (res.status === 503 && problem?.code === 'database_unavailable' && res.headers.get('retry-after'))
    tally.unavailable++;
  else if (res.status === 507 && problem?.code === 'insufficient_storage') tally.storageFull++;
  else tally.unexpected.push(`${res.status} ${text.slice(0, 300)}`);
}

export interface Load {
  tally: Tally;
  /** Resolves once `n` more registrations have been acknowledged than when called. */
  acknowledgedMore(n: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<Tally>;
}

/** `clients` loops registering one complaint after another until stopped. */
export function startLoad(baseUrl: string, cookie: string, categoryId: number, clients = 4): Load {
  const tally: Tally = { acknowledged: [], unavailable: 0, storageFull: 0, unexpected: [] };
  let running = true;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      const before = tally.acknowledged.length;
      await register(baseUrl, cookie, categoryId, tally);
      // A refused request is retried after a short pause rather than in a tight loop.
      if (tally.acknowledged.length === before) await sleep(100);
    }
  });
  return {
    tally,
    async acknowledgedMore(n, timeoutMs = 60_000) {
      const target = tally.acknowledged.length + n;
      const deadline = Date.now() + timeoutMs;
      while (tally.acknowledged.length < target) {
        if (Date.now() > deadline)
          throw new Error(
            `not ${n} more acknowledged within ${timeoutMs} ms: ${JSON.stringify(summary(tally))}`,
          );
        await sleep(50);
      }
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return tally;
    },
  };
}

export const summary = (t: Tally) => ({
  acknowledged: t.acknowledged.length,
  unavailable: t.unavailable,
  storageFull: t.storageFull,
  unexpected: t.unexpected.slice(0, 5),
});

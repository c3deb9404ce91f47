import type { Http } from '../../src/server/http.js';
import { Client, type Response } from '../support/client.js';
import { PASSWORD, type TestApp } from '../support/test-app.js';

/** A sign-in attempt from a given client address (Fastify's inject lets the test pick it). */
export async function attempt(
  http: Http,
  body: { username: string; password?: string },
  from: { address?: string; userAgent?: string } = {},
): Promise<Response & { cookie: string | null }> {
  const res = await http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { password: PASSWORD, ...body },
    remoteAddress: from.address ?? '127.0.0.1',
    headers: from.userAgent ? { 'user-agent': from.userAgent } : {},
  });
  return {
    status: res.statusCode,
    body: res.body ? JSON.parse(res.body) : null,
    headers: res.headers,
    cookie: cookieOf(res.headers['set-cookie']),
  };
}

export function cookieOf(setCookie: string | string[] | undefined): string | null {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return first ? (first.split(';')[0] ?? null) : null;
}

export const clientWith = (http: Http, cookie: string | null) => new Client(http, cookie);

/** The kinds of the events in a user's history, oldest first. */
export async function userHistory(t: TestApp, userId: number): Promise<string[]> {
  const rows = await t.app.db
    .selectFrom('events')
    .select('kind')
    .where('stream_type', '=', 'user')
    .where('stream_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.kind);
}

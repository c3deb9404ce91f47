import { expect } from 'vitest';
import { loadActor } from '../../src/modules/org/actor.js';
import { createApiToken } from '../../src/modules/org/api-tokens.js';
import type { Http } from '../../src/server/http.js';
import { PASSWORD, type TestApp } from './test-app.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Response {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes and assert on them
  body: any;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A signed-in user of the HTTP API, through Fastify's inject (no socket). */
export class Client {
  constructor(
    private readonly http: Http,
    private readonly cookie: string | null,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(
    method: Method,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const res = await this.http.inject({
      method,
      url,
      // A string goes as it is (for malformed bodies); anything else as JSON.
      payload: payload as object | string | undefined,
      headers: { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
    });
    const text = res.body;
    return { status: res.statusCode, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}, headers?: Record<string, string>) =>
    this.request('POST', url, body, headers);
  put = (url: string, body: unknown = {}) => this.request('PUT', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  /** POST and insist on a 2xx, showing the problem otherwise. */
  async ok(method: Method, url: string, body: unknown = {}) {
    const res = await this.request(method, url, body);
    if (res.status >= 300) expect.fail(`${method} ${url} → ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

/** Sign in and give the session cookie (`kesu_session=…`), for requests the Client does not make. */
export async function sessionCookie(http: Http, username: string, password = PASSWORD): Promise<string> {
  const res = await http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (first ?? '').split(';')[0] ?? '';
}

export async function login(http: Http, username: string, password = PASSWORD): Promise<Client> {
  return new Client(http, await sessionCookie(http, username, password));
}

export const anonymous = (http: Http) => new Client(http, null);

/** A new API token of the user (by username): unlike a session it does not expire when a test moves the clock by days. */
export async function apiToken(t: TestApp, username: string): Promise<string> {
  const admin = await loadActor(t.app.db, t.org.userIds.get('admin') ?? 0);
  const userId =
    t.org.userIds.get(username) ??
    (
      await t.app.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;
  if (!admin) throw new Error('no admin');
  const { token } = await createApiToken({ ...t.app, actor: admin }, { name: `test ${username}`, userId });
  return token;
}

/** A client authenticated by an API token (apiToken). */
export async function tokenClient(t: TestApp, username: string): Promise<Client> {
  return new Client(t.http, null, { authorization: `Bearer ${await apiToken(t, username)}` });
}

/** Kesu as a benchmark subject: a fresh database, the server as a child process, and API helpers. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { BenchContext, DbKind } from './context.js';
import { type ServerChild, startServer } from './processes.js';

export const DEMO_PASSWORD = process.env.KESU_DEMO_PASSWORD ?? 'kesu-demo-2026';

export interface FreshDatabase {
  kind: DbKind;
  /** DATABASE_URL for Kesu. */
  url: string;
  /** KESU_DATA_DIR for Kesu (secret key, logs of the children). */
  dataDir: string;
  /** Removes the temp dir (the PostgreSQL database goes with the server at the end of the run). */
  remove(): void;
  /** Keeps the temp dir (for a look at the logs) instead of removing it when the process exits. */
  keep(): void;
}

/** Temp dirs neither removed nor kept yet: an interrupted run removes them on exit. */
const pending = new Set<string>();
process.on('exit', () => {
  for (const dir of pending) rmSync(dir, { recursive: true, force: true });
});

/** An empty database: a SQLite file in a new temp dir, or a new database `name` on the bench PostgreSQL. */
export async function freshDatabase(ctx: BenchContext, kind: DbKind, name: string): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `kesu-bench-${name}-${kind}-`));
  pending.add(dataDir);
  const remove = () => {
    pending.delete(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const keep = () => pending.delete(dataDir);
  try {
    const url =
      kind === 'sqlite' ? `sqlite:${path.join(dataDir, 'kesu.db')}` : await ctx.postgresDatabase(name);
    return { kind, url, dataDir, remove, keep };
  } catch (error) {
    remove();
    throw error;
  }
}

/** `SELECT count(*)` straight from the database, to check that what was answered was also stored. */
export async function countRows(url: string, table: string): Promise<number> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(res.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export interface StartKesuOptions {
  name: string;
  db: FreshDatabase;
  /** Run under `node --cpu-prof`, writing the profile into this directory. */
  cpuProfileDir?: string;
}

/** `node bin/kesu.js serve --demo` on a free port, ready when `/health` answers. */
export function startKesu(ctx: BenchContext, options: StartKesuOptions): Promise<ServerChild> {
  const nodeArgs = options.cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--cpu-prof-name', `${options.name}.cpuprofile`]
    : [];
  return startServer({
    name: options.name,
    command: process.execPath,
    args: [...nodeArgs, 'bin/kesu.js', 'serve', '--demo'],
    cwd: ctx.root,
    env: {
      DATABASE_URL: options.db.url,
      KESU_DATA_DIR: options.db.dataDir,
      KESU_DEMO_PASSWORD: DEMO_PASSWORD,
      // The demo organisation only: its generated 90-day history is not what a benchmark measures.
      KESU_DEMO_HISTORY: '0',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    logFile: path.join(options.db.dataDir, `${options.name.replaceAll(' ', '-')}.log`),
  });
}

export class ApiError extends Error {}

/** A small JSON client for the setup calls (not for load: autocannon does that). */
export class KesuClient {
  constructor(
    readonly baseUrl: string,
    private readonly auth: Record<string, string> = {},
  ) {}

  async request<T>(method: string, url: string, body?: unknown, expect = [200, 201]): Promise<T> {
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { ...this.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expect.includes(res.status)) {
      throw new ApiError(`${method} ${url}: HTTP ${res.status} ${text.slice(0, 500)}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Logs in with a password and returns a client carrying the session cookie. */
  static async login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<KesuClient> {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const text = await res.text();
    if (res.status !== 200) throw new ApiError(`login ${username}: HTTP ${res.status} ${text.slice(0, 500)}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .find((c) => c.startsWith('kesu_session='));
    if (!cookie) throw new ApiError(`login ${username}: no kesu_session cookie`);
    return new KesuClient(baseUrl, { cookie });
  }

  /** As admin: an API token acting as `username`; returns the `Authorization` header value. */
  async bearerFor(username: string, tokenName = 'bench'): Promise<string> {
    const users = await this.request<{ items: Array<{ id: number; username: string }> }>(
      'GET',
      '/api/v1/users',
    );
    const user = users.items.find((u) => u.username === username);
    if (!user) throw new ApiError(`no user ${username}`);
    const { token } = await this.request<{ token: string }>('POST', '/api/v1/api-tokens', {
      name: tokenName,
      userId: user.id,
    });
    return `Bearer ${token}`;
  }

  async categoryId(code: string): Promise<number> {
    const categories = await this.request<{ items: Array<{ id: number; code: string }> }>(
      'GET',
      '/api/v1/categories',
    );
    const category = categories.items.find((c) => c.code === code);
    if (!category) throw new ApiError(`no category ${code}`);
    return category.id;
  }
}

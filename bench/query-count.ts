/**
 * Diagnostic: which SQL statements one `POST /api/v1/complaints` runs, and what they cost.
 *
 *   npx tsx bench/query-count.ts [sqlite|postgres] [registrations=300]
 *
 * Runs Kesu in-process from src/ (Fastify inject, no network, one request at a time) on a fresh
 * database, with the database drivers instrumented: better-sqlite3's `prepare` and the statements'
 * `all`/`get`/`run`, or pg's `Client#query` (time to the answer, round trip included). Prints the
 * statements per registration grouped by SQL text, with time per call. Not part of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { AppContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/lib/clock.js';
import { seedDemoOrganisation } from '../src/seed/demo.js';
import { buildApp } from '../src/server/app.js';
import { createDatabase, startPostgres } from '../test/support/postgres-server.js';

interface Stat {
  calls: number;
  prepareMs: number;
  execMs: number;
}
const stats = new Map<string, Stat>();
let counting = false;

function record(sql: string, prepareMs: number, execMs: number) {
  if (!counting) return;
  const key = sql.replace(/\s+/g, ' ').trim();
  const s = stats.get(key) ?? { calls: 0, prepareMs: 0, execMs: 0 };
  s.calls++;
  s.prepareMs += prepareMs;
  s.execMs += execMs;
  stats.set(key, s);
}

function instrumentSqlite() {
  const proto = Database.prototype as unknown as { prepare(sql: string): Record<string, unknown> };
  const prepare = proto.prepare;
  proto.prepare = function (this: unknown, sql: string) {
    const t0 = performance.now();
    const stmt = prepare.call(this, sql);
    const prepareMs = performance.now() - t0;
    for (const method of ['all', 'get', 'run'] as const) {
      const original = stmt[method] as (...args: unknown[]) => unknown;
      stmt[method] = (...args: unknown[]) => {
        const t1 = performance.now();
        try {
          return original.apply(stmt, args);
        } finally {
          record(sql, prepareMs, performance.now() - t1);
        }
      };
    }
    return stmt;
  };
}

function instrumentPg() {
  const proto = pg.Client.prototype as unknown as { query(...args: unknown[]): unknown };
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    const sql = typeof first === 'string' ? first : String((first as { text?: string })?.text ?? '?');
    const t0 = performance.now();
    const result = query.apply(this, args);
    if (result instanceof Promise) {
      return result.finally(() => record(sql, 0, performance.now() - t0));
    }
    return result;
  };
}

const kind = process.argv[2] ?? 'sqlite';
const n = Number(process.argv[3] ?? 300);
if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('usage: query-count.ts [sqlite|postgres] [n]');

const dir = mkdtempSync(path.join(os.tmpdir(), 'kesu-query-count-'));
const server = kind === 'postgres' ? await startPostgres() : undefined;
try {
  const url = server
    ? await createDatabase(server.url, 'query_count')
    : `sqlite:${path.join(dir, 'kesu.db')}`;
  if (kind === 'sqlite') instrumentSqlite();
  else instrumentPg();
  const handle = openDatabase(url);
  await migrateToLatest(handle.db);
  const app: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    clock: systemClock,
    config: { timeZone: 'Asia/Shanghai', secret: Buffer.alloc(32, 7), publicUrl: 'http://127.0.0.1' },
  };
  const org = await seedDemoOrganisation(app, 'bench-password');
  const http = await buildApp(app);
  const login = await http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'admin', password: 'bench-password' },
  });
  const cookie = login.cookies.find((c) => c.name === 'kesu_session');
  if (!cookie) throw new Error(`login failed: ${login.body}`);
  const tokenRes = await http.inject({
    method: 'POST',
    url: '/api/v1/api-tokens',
    cookies: { kesu_session: cookie.value },
    payload: { name: 'query-count', userId: org.userIds.get('agent') },
  });
  const { token } = tokenRes.json() as { token: string };
  const payload = {
    channel: 'phone',
    complainant: { name: '王女士', phone: '13800138000' },
    title: '包裹三天未更新物流',
    content: '我的快递从上海发出后三天没有任何物流更新，请尽快处理。',
    categoryId: org.categoryIds.get('delay.transit'),
    waybillNo: 'KS100000000001',
    demands: ['explanation'],
  };
  const register = async () => {
    const res = await http.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
    if (res.statusCode !== 201) throw new Error(`HTTP ${res.statusCode}: ${res.body}`);
  };
  for (let i = 0; i < 50; i++) await register(); // warm-up
  counting = true;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await register();
  const wallMs = performance.now() - t0;
  counting = false;
  await http.close();
  await handle.close();

  const rows = [...stats.entries()].sort((a, b) => b[1].calls - a[1].calls || b[1].execMs - a[1].execMs);
  const total = rows.reduce((t, [, s]) => t + s.calls, 0);
  const prep = rows.reduce((t, [, s]) => t + s.prepareMs, 0);
  const exec = rows.reduce((t, [, s]) => t + s.execMs, 0);
  console.log(
    `${kind}: ${n} registrations, one at a time, ${(wallMs / n).toFixed(3)} ms each; ` +
      `${(total / n).toFixed(1)} statements per registration` +
      (kind === 'sqlite'
        ? `, prepare ${(prep / n).toFixed(3)} ms + execute ${(exec / n).toFixed(3)} ms per registration`
        : `, ${(exec / n).toFixed(3)} ms per registration waiting for PostgreSQL`),
  );
  console.log('per registration  ms/call  statement');
  for (const [sql, s] of rows) {
    const perCall = (s.prepareMs + s.execMs) / s.calls;
    console.log(
      `${(s.calls / n).toFixed(2).padStart(8)}  ${perCall.toFixed(4).padStart(8)}  ${sql.slice(0, 150)}`,
    );
  }
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}

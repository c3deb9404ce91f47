/**
 * Diagnostic: which SQL statements one `POST /api/v1/complaints` runs, and what they cost.
 *
 *   npx tsx bench/query-count.ts [sqlite|postgres] [registrations=300] [concurrency=1] [same|varied]
 *
 * With a concurrency above 1 the registrations arrive over HTTP on loopback from a child process
 * (autocannon, that many connections, for `registrations` ÷ 100 seconds) so that request parsing,
 * hooks and group commit count as in production.
 *
 * `varied` gives every registration its own customer and waybill (`same`, the default, repeats the
 * API example's, so each registration finds more earlier complaints). The CPU time per registration
 * (this process: Kesu and SQLite, not PostgreSQL's server) is less disturbed by other work on the
 * machine than the wall time.
 * Runs Kesu in-process from src/ (Fastify inject, no network, one request at a time) on a fresh
 * database, with the database drivers instrumented: better-sqlite3's `prepare` and the statements'
 * `all`/`get`/`run`, or pg's `Client#query` (time to the answer, round trip included). Prints the
 * statements per registration grouped by SQL text, with time per call. Not part of `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createDatabase, startPostgres } from '../test/support/postgres-server.js';
import { startInProcess } from './lib/in-process.js';
import { formatSqlSummary, instrumentDriver } from './lib/sql-stats.js';

const kind = process.argv[2] ?? 'sqlite';
const n = Number(process.argv[3] ?? 300);
const concurrency = Number(process.argv[4] ?? 1);
const varied = process.argv[5] === 'varied';
if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('usage: query-count.ts [sqlite|postgres] [n]');

const dir = mkdtempSync(path.join(os.tmpdir(), 'kesu-query-count-'));
const server = kind === 'postgres' ? await startPostgres() : undefined;
try {
  const url = server
    ? await createDatabase(server.url, 'query_count')
    : `sqlite:${path.join(dir, 'kesu.db')}`;
  const stats = instrumentDriver(kind);
  const kesu = await startInProcess(url);
  const { http, org } = kesu;
  const token = await kesu.tokenFor('agent');
  const payload = {
    channel: 'phone',
    complainant: { name: '王女士', phone: '13800138000' },
    title: '包裹三天未更新物流',
    content: '我的快递从上海发出后三天没有任何物流更新，请尽快处理。',
    categoryId: org.categoryIds.get('delay.transit'),
    waybillNo: 'KS100000000001',
    demands: ['explanation'],
  };
  let sent = 0;
  const register = async () => {
    const i = sent++;
    const res = await http.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${token}` },
      payload: varied
        ? {
            ...payload,
            complainant: { name: '王女士', phone: `139${String(i).padStart(8, '0')}` },
            waybillNo: `KS2${String(i).padStart(11, '0')}`,
          }
        : payload,
    });
    if (res.statusCode !== 201) throw new Error(`HTTP ${res.statusCode}: ${res.body}`);
  };
  for (let i = 0; i < 50; i++) await register(); // warm-up
  stats.recording = true;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let done = n;
  if (concurrency > 1) {
    // Over HTTP from another process, so that the client's work is not counted.
    const url = await http.listen({ host: '127.0.0.1', port: 0 });
    const client = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/lib/registration-client.ts',
        JSON.stringify({
          url: `${url}/api/v1/complaints`,
          token,
          payload,
          connections: concurrency,
          seconds: Math.max(1, Math.round(n / 100)),
          varied,
        }),
      ],
      { encoding: 'utf8', cwd: process.cwd() },
    );
    const load = JSON.parse(client.stdout.trim().split('\n').at(-1) ?? '{}') as {
      ok: number;
      errors: number;
      p50: number;
      p99: number;
    };
    console.log(`client: ${JSON.stringify(load)}${client.stderr ? ` ${client.stderr}` : ''}`);
    done = load.ok;
  } else {
    for (let i = 0; i < n; i++) await register();
  }
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  stats.recording = false;
  await kesu.close();

  const summary = stats.summary(done, 1000);
  console.log(
    `${kind}: ${done} registrations (${varied ? 'varied' : 'same'} body), ${concurrency} at a time, ` +
      `${(wallMs / done).toFixed(3)} ms each, CPU ${((cpu.user + cpu.system) / 1000 / done).toFixed(3)} ms each; ` +
      `${summary.statementsPerUnit.toFixed(1)} statements per registration, ` +
      `${summary.dbMsPerUnit.toFixed(3)} ms per registration ${kind === 'sqlite' ? 'in SQLite (prepare + execute)' : 'waiting for PostgreSQL'}`,
  );
  for (const line of formatSqlSummary(summary, 'registration')) console.log(line);
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}

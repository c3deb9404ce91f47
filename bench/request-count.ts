/**
 * Diagnostic: which SQL statements the mixed load's requests other than registration run — the
 * complaint page, the actions (each answers with the complaint page), a list and a search — and what
 * they cost, one request at a time.
 *
 *   npx tsx bench/request-count.ts [sqlite|postgres] [calls=100] [detail]
 *
 * Runs Kesu in-process from src/ (Fastify inject) on a fresh demo database with the database drivers
 * instrumented (see lib/sql-stats.ts), registers `calls` complaints at the Pudong station (and ten
 * more to warm up on), then takes each through accept, assign, start and a contact attempt and reads
 * its page, as the mixed bench's users do. Prints statements and time in the database per call, and
 * with `detail` the statements grouped by SQL text. Not part of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, startPostgres } from '../test/support/postgres-server.js';
import { startInProcess } from './lib/in-process.js';
import { formatSqlSummary, instrumentDriver } from './lib/sql-stats.js';

const kind = process.argv[2] ?? 'postgres';
const n = Number(process.argv[3] ?? 100);
const detail = process.argv[4] === 'detail';
if (kind !== 'sqlite' && kind !== 'postgres')
  throw new Error('usage: request-count.ts [sqlite|postgres] [calls]');
const WARM_UP = 10;

const dir = mkdtempSync(path.join(os.tmpdir(), 'kesu-request-count-'));
const server = kind === 'postgres' ? await startPostgres() : undefined;
try {
  const url = server
    ? await createDatabase(server.url, 'request_count')
    : `sqlite:${path.join(dir, 'kesu.db')}`;
  const stats = instrumentDriver(kind);
  const kesu = await startInProcess(url);
  const { http, org, tokenFor } = kesu;
  const tokens = {
    agent: await tokenFor('agent'),
    supervisor: await tokenFor('supervisor'),
    handler: await tokenFor('handler'),
  };
  const call = async (who: keyof typeof tokens, method: 'GET' | 'POST', route: string, payload?: object) => {
    const res = await http.inject({
      method,
      url: `/api/v1${route}`,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${route}: HTTP ${res.statusCode}: ${res.body}`);
    return res.json() as { number: string };
  };

  const numbers: string[] = [];
  for (let i = 0; i < n + WARM_UP; i++) {
    const { number } = await call('agent', 'POST', '/complaints', {
      channel: 'phone',
      complainant: { name: '王女士', phone: `139${String(i).padStart(8, '0')}` },
      title: '包裹三天未更新物流',
      content: '我的快递从上海发出后三天没有任何物流更新，请尽快处理。',
      categoryId: org.categoryIds.get('delay.transit'),
      waybillNo: `KS2${String(i).padStart(11, '0')}`,
      demands: ['explanation'],
      unitId: org.unitIds.get('pudong'),
    });
    numbers.push(number);
  }
  const requests: Array<[string, (number: string) => Promise<unknown>]> = [
    ['accept', (x) => call('agent', 'POST', `/complaints/${x}/accept`, { comment: '已受理' })],
    [
      'assign',
      (x) =>
        call('supervisor', 'POST', `/complaints/${x}/assign`, {
          unitId: org.unitIds.get('pudong'),
          assigneeId: org.userIds.get('handler'),
          comment: '派单',
        }),
    ],
    ['start', (x) => call('handler', 'POST', `/complaints/${x}/start`, {})],
    [
      'contact',
      (x) =>
        call('handler', 'POST', `/complaints/${x}/contact-attempts`, {
          outcome: 'reached',
          note: '已电话联系客户，说明处理进度',
        }),
    ],
    ['detail', (x) => call('handler', 'GET', `/complaints/${x}`)],
    ['list', () => call('supervisor', 'GET', '/complaints?status=received,accepted,assigned,investigating')],
    ['search', () => call('supervisor', 'GET', `/complaints?q=${encodeURIComponent('物流')}`)],
  ];
  for (const [name, request] of requests) {
    for (const x of numbers.slice(n)) await request(x);
    stats.byText.clear();
    stats.recording = true;
    for (const x of numbers.slice(0, n)) await request(x);
    stats.recording = false;
    const summary = stats.summary(n, 40);
    console.log(
      `${kind} ${name}: ${summary.statementsPerUnit.toFixed(1)} statements, ` +
        `${summary.dbMsPerUnit.toFixed(3)} ms per call ${kind === 'sqlite' ? 'in SQLite' : 'waiting for PostgreSQL'}`,
    );
    if (detail) for (const line of formatSqlSummary(summary, name)) console.log(line);
  }
  await kesu.close();
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}

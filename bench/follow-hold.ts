/**
 * Diagnostic (ADR 0037, 0044): how long a catch-up that follows the history holds the database after
 * a burst of registrations, as one transaction of a full batch (before) and as the job's short ones.
 *
 *   npx tsx bench/follow-hold.ts [registrations=1800] [stats|warnings] [varied|same]
 *
 * Registers that many complaints in-process on a fresh SQLite database — varied customers and
 * waybills, or the same customer and waybill every time (the registration bench's single body: each
 * a repeat) — and times the statistics' `followHistory` or the early warnings' `followEvents` over
 * them in one transaction (the jobs before ADR 0037 and 0044); then does the same burst on a second
 * database and times every transaction of one run of the job (the worker's claim and completion
 * included). Not part of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../src/context.js';
import { createJobRegistry, enqueue, runDueJobs } from '../src/modules/jobs/index.js';
import { followHistory, followHistoryJob } from '../src/modules/stats/index.js';
import { followEvents, followEventsJob } from '../src/modules/warnings/follow-events.js';
import { startInProcess } from './lib/in-process.js';

const n = Number(process.argv[2] ?? 1800);
const which = process.argv[3] === 'warnings' ? 'warnings' : 'stats';
const same = process.argv[4] === 'same';
const follow = which === 'warnings' ? followEvents : followHistory;
const followJob = which === 'warnings' ? followEventsJob : followHistoryJob;

async function burst(dir: string, name: string): Promise<AppContext> {
  const { app, http, org, tokenFor } = await startInProcess(`sqlite:${path.join(dir, `${name}.db`)}`, dir);
  const token = await tokenFor('agent');
  // What the demo seeded is followed first, so that only the burst is left to follow.
  while (await app.db.transaction().execute((tx) => follow(tx, app)));
  for (let i = 0; i < n; i++) {
    const res = await http.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        channel: 'phone',
        complainant: { name: '王女士', phone: same ? '13800138000' : `139${String(i).padStart(8, '0')}` },
        title: '包裹三天未更新物流',
        content: '我的快递从上海发出后三天没有任何物流更新，请尽快处理。',
        categoryId: org.categoryIds.get('delay.transit'),
        waybillNo: same ? 'KS100000000001' : `KS2${String(i).padStart(11, '0')}`,
        demands: ['explanation'],
      },
    });
    if (res.statusCode !== 201) throw new Error(`HTTP ${res.statusCode}: ${res.body}`);
  }
  return app;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'kesu-follow-hold-'));
try {
  const one = await burst(dir, 'one');
  let t0 = performance.now();
  const events = await one.db.transaction().execute((tx) => follow(tx, one));
  console.log(
    `${which}, ${n} registrations (${same ? 'same' : 'varied'} body): one transaction: ${events} events, held ${(performance.now() - t0).toFixed(1)} ms`,
  );

  const job = await burst(dir, 'job');
  const holds: number[] = [];
  const begin = job.db.transaction.bind(job.db);
  // Time each transaction the job runs (from its first statement to its end, commit included).
  job.db.transaction = () => {
    const builder = begin();
    return {
      ...builder,
      execute: async <T>(fn: (tx: never) => Promise<T>) => {
        const start = performance.now();
        try {
          return await builder.execute(fn as never);
        } finally {
          holds.push(performance.now() - start);
        }
      },
    } as never;
  };
  t0 = performance.now();
  await enqueue(job.db, followJob, {}, { now: Date.now() });
  await runDueJobs(job, createJobRegistry().register(followJob));
  const longest = Math.max(...holds);
  console.log(
    `job: ${holds.length} transactions in ${(performance.now() - t0).toFixed(1)} ms, longest ${longest.toFixed(1)} ms, median ${holds.sort((a, b) => a - b)[Math.floor(holds.length / 2)]?.toFixed(1)} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

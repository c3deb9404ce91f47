import { tmpdir } from 'node:os';
/**
 * A job worker process for the multi-process tests: `node --import tsx test/jobs/worker-process.ts`
 * with DATABASE_URL, WORKER_ID, LEASE_MS and (for the process to be killed) HOLD=1.
 *
 * It handles one kind, `test.effect`: inside the job's own transaction it inserts a row into
 * `job_effects` (so the row and the job's `done` commit together), after `sleepMs` of work. A job
 * with `hold: true` makes a HOLD=1 process stop in the middle of that transaction — row written, not
 * committed — and print `HOLDING <id>`, so that the test can kill it there.
 * Prints `READY` once the loop runs; exits cleanly on SIGTERM, and at once when its stdin closes.
 */
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.js';
import { systemClock } from '../../src/lib/clock.js';
import { createJobRegistry, startWorker } from '../../src/modules/jobs/index.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const workerId = process.env.WORKER_ID ?? `worker-${process.pid}`;
const leaseMs = Number(process.env.LEASE_MS ?? 60_000);
const hold = process.env.HOLD === '1';

const handle = openDatabase(url, { poolSize: 6 });
const app = {
  db: handle.db,
  dialect: handle.dialect,
  clock: systemClock,
  config: {
    timeZone: 'Asia/Shanghai',
    secret: Buffer.alloc(32, 7),
    publicUrl: 'http://kesu.test',
    dataDir: tmpdir(),
  },
};

const registry = createJobRegistry().registerJob('test.effect', async (ctx, payload) => {
  const p = payload as { n: number; sleepMs?: number; hold?: boolean };
  await ctx.runInJobTransaction(async (tx) => {
    await sql`insert into job_effects (job_id, n, worker) values (${ctx.job.id}, ${p.n}, ${workerId})`.execute(
      tx,
    );
    if (p.sleepMs) await new Promise((r) => setTimeout(r, p.sleepMs));
    if (p.hold && hold) {
      process.stdout.write(`HOLDING ${ctx.job.id}\n`);
      await new Promise(() => {}); // until the test kills this process
    }
  });
});

const worker = startWorker(app, registry, {
  workerId,
  leaseMs,
  pollMs: 20,
  concurrency: 4,
  onEvent: (e) => {
    if (e.type !== 'done') process.stderr.write(`[${workerId}] ${e.type} ${'job' in e ? e.job?.id : ''}\n`);
  },
});
process.stdout.write('READY\n');

// The test holds our stdin: when it goes away (even killed), so do we — no stray workers.
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();

process.once('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    await handle.close();
    process.exit(0);
  })();
});

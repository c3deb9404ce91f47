/**
 * A `kesu worker` for the multi-process tests: the real job registry against DATABASE_URL, polling
 * fast, leases of LEASE_MS (default 60 s); stops on SIGTERM. (`node --import tsx test/sla/kesu-worker-process.ts`)
 */
import { openApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { kesuJobs } from '../../src/jobs/registry.js';
import { startWorker } from '../../src/modules/jobs/index.js';

const { app, handle } = await openApp(loadConfig());
const worker = startWorker(app, kesuJobs(), {
  pollMs: 50,
  concurrency: 4,
  workerId: process.env.WORKER_ID,
  leaseMs: Number(process.env.LEASE_MS ?? 60_000),
});
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await worker.stop();
  await handle.close();
  process.exit(0);
});

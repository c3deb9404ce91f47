import { createDatabase, type PostgresServer, startPostgres } from '../test/support/postgres-server.js';
import { mixedBench } from './mixed.js';
import { registration } from './registration.js';
import type { BenchContext } from './lib/context.js';
import { stopAll } from './lib/processes.js';
const started = Date.now();
let pg: Promise<PostgresServer> | undefined;
const ctx: BenchContext = {
  options: { durationSeconds: Number(process.env.D ?? 3), warmupSeconds: 1, connections: 50, databases: (process.env.DBS ?? 'sqlite').split(',') as never, profile: false, trial: true },
  root: process.cwd(), resultsDir: '/tmp/s5', log: (m) => console.log(`[${((Date.now()-started)/1000).toFixed(1)}] ${m}`),
  async postgresDatabase(name) { pg ??= startPostgres(); return createDatabase((await pg).url, name); },
};
const mod = process.env.M === 'registration' ? registration : mixedBench;
try {
  const out = await mod.run(ctx);
  console.log(JSON.stringify(out.section, null, 1).slice(0, 6000));
  for (const l of out.summary) console.log(l);
} finally { await stopAll(); if (pg) await (await pg).stop(); }

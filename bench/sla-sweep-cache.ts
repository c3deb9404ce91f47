/**
 * SLA_CACHE=<dir> (SQLite only, for experiments): the sweep worker keeps its database, as it is after
 * the setup, in <dir> and copies it on the next run with the same sizes, dataset generator, demo
 * organisation, SLA rules and migrations (writing 100,000 complaints takes one to two minutes).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cachedDatabasePath, restoreDatabase, storeDatabase } from './lib/database-cache.js';
import type { Dataset, DatasetSpec } from './lib/sla-dataset.js';

/** What the written rows depend on. */
const SOURCES = [
  'bench/lib/sla-dataset.ts',
  'src/seed/demo.ts',
  'src/db/migrate.ts',
  'src/modules/audit/chain.ts',
  'src/modules/sla/stages.ts',
  'src/modules/sla/settings.ts',
  'src/modules/sla/calendar',
  'src/db/migrations',
];

const cachedFile = (dir: string, spec: DatasetSpec) =>
  cachedDatabasePath(dir, `sla-${spec.open}-${spec.breaches}-${spec.warmup}`, JSON.stringify(spec), SOURCES);

/** The cached database copied to `file` (before it is opened) and its dataset, if there is one. */
export function restoreDataset(dir: string, spec: DatasetSpec, file: string): Dataset | undefined {
  const cached = cachedFile(dir, spec);
  if (!existsSync(`${cached}.json`) || !restoreDatabase(cached, file)) return undefined;
  return JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as Dataset;
}

/** Keep a copy of `file` (checkpointed: nothing in its WAL) and its dataset. */
export function storeDataset(dir: string, spec: DatasetSpec, file: string, data: Dataset): void {
  const cached = cachedFile(dir, spec);
  storeDatabase(cached, file);
  writeFileSync(`${cached}.json`, JSON.stringify(data));
}

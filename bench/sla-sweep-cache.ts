/**
 * SLA_CACHE=<dir> (SQLite only, for experiments): the sweep worker keeps its database, as it is after
 * the setup, in <dir> and copies it on the next run with the same sizes, dataset generator, demo
 * organisation, SLA rules and migrations (writing 100,000 complaints takes one to two minutes).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Dataset, DatasetSpec } from './lib/sla-dataset.js';

const ROOT = path.resolve(import.meta.dirname, '..');
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

function files(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (!existsSync(full)) return [];
  if (relative.endsWith('.ts')) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((f) => files(path.join(relative, f)));
}

function cachedFile(dir: string, spec: DatasetSpec): string {
  const hash = createHash('sha256').update(JSON.stringify(spec));
  for (const f of SOURCES.flatMap(files)) hash.update(f).update(readFileSync(path.join(ROOT, f)));
  return path.join(
    dir,
    `sla-${spec.open}-${spec.breaches}-${spec.warmup}-${hash.digest('hex').slice(0, 16)}.db`,
  );
}

/** The cached database copied to `file` (before it is opened) and its dataset, if there is one. */
export function restoreDataset(dir: string, spec: DatasetSpec, file: string): Dataset | undefined {
  const cached = cachedFile(dir, spec);
  if (!existsSync(cached) || !existsSync(`${cached}.json`)) return undefined;
  copyFileSync(cached, file);
  return JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as Dataset;
}

/** Keep a copy of `file` (checkpointed: nothing in its WAL) and its dataset. */
export function storeDataset(dir: string, spec: DatasetSpec, file: string, data: Dataset): void {
  const cached = cachedFile(dir, spec);
  mkdirSync(dir, { recursive: true });
  copyFileSync(file, `${cached}.tmp`);
  writeFileSync(`${cached}.json`, JSON.stringify(data));
  renameSync(`${cached}.tmp`, cached);
}

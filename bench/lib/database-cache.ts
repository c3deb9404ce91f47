/**
 * A generated SQLite database kept between bench runs (experiments only: `npm run bench` builds from
 * nothing unless a cache directory is given). The file's name holds a hash of what the rows depend
 * on, so a changed generator, seed or migration never reuses a stale copy.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every file under `relative` (a file or a directory of the repository), in a stable order. */
function files(relative: string): string[] {
  const full = path.join(ROOT, relative);
  if (!existsSync(full)) return [];
  if (relative.endsWith('.ts')) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((f) => files(path.join(relative, f)));
}

/** The cached copy's path in `dir`: `<name>-<hash of key and sources>.db`. */
export function cachedDatabasePath(dir: string, name: string, key: string, sources: string[]): string {
  const hash = createHash('sha256').update(key);
  for (const f of sources.flatMap(files)) hash.update(f).update(readFileSync(path.join(ROOT, f)));
  return path.join(dir, `${name}-${hash.digest('hex').slice(0, 16)}.db`);
}

/** Copy the cached database to `file` (before it is opened); false when there is none. */
export function restoreDatabase(cached: string, file: string): boolean {
  if (!existsSync(cached)) return false;
  copyFileSync(cached, file);
  return true;
}

/** Keep a copy of `file` (checkpointed: nothing in its WAL); atomic, so a killed run leaves no half copy. */
export function storeDatabase(cached: string, file: string): void {
  mkdirSync(path.dirname(cached), { recursive: true });
  copyFileSync(file, `${cached}.tmp`);
  renameSync(`${cached}.tmp`, cached);
}

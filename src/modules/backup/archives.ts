import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ARCHIVE_NAME } from './create-backup.js';

export interface ArchiveFile {
  file: string;
  size: number;
  createdAt: string;
}

/** The archives in a directory (only names `kesu backup` writes), newest first. */
export async function listArchives(dir: string): Promise<ArchiveFile[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const archives = await Promise.all(
    names
      .filter((n) => ARCHIVE_NAME.test(n))
      .map(async (file) => {
        const s = await stat(join(dir, file));
        return { file, size: s.size, createdAt: s.mtime.toISOString() };
      }),
  );
  // The names hold the time (UTC), so they sort as the archives were made.
  return archives.sort((a, b) => b.file.localeCompare(a.file));
}

/** Delete all but the newest `keep` archives; other files in the directory are never touched. */
export async function pruneArchives(dir: string, keep: number): Promise<string[]> {
  const old = (await listArchives(dir)).slice(keep).map((a) => a.file);
  for (const file of old) await rm(join(dir, file), { force: true });
  return old;
}

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { create, extract } from 'tar';
import { DATABASE_FILE, MANIFEST_FILE } from './manifest.js';

/** Evidence is kept in an archive by its content hash, as in the store. */
export const evidenceEntry = (sha256: string) => `evidence/${sha256}`;
const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{64})$/;
export const evidenceHashOf = (entry: string) => EVIDENCE_ENTRY.exec(entry)?.[1] ?? null;

const KNOWN_ENTRIES = new Set([MANIFEST_FILE, ...Object.values(DATABASE_FILE)]);

export async function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Pack `entries` (paths relative to `dir`) into one .tar.gz at `out`, which appears only when complete. */
export async function writeArchive(dir: string, entries: string[], out: string): Promise<void> {
  const partial = `${out}.partial`;
  try {
    await create({ gzip: true, file: partial, cwd: dir, portable: true, noDirRecurse: true }, entries);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * Unpack an archive into `dir`, taking only the files a Kesu archive holds (the manifest, the
 * database, evidence by hash): anything else (links, devices, other paths) is refused, not written.
 */
export async function readArchive(file: string, dir: string): Promise<string[]> {
  const taken: string[] = [];
  const refused: string[] = [];
  try {
    await extract({
      file,
      cwd: dir,
      strict: true,
      filter: (path, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const ok = type === 'File' && (KNOWN_ENTRIES.has(path) || EVIDENCE_ENTRY.test(path));
        if (ok) taken.push(path);
        else if (!(type === 'Directory' && /^evidence\/?$/.test(path))) refused.push(path);
        return ok;
      },
    });
  } catch (error) {
    throw new Error(`${file} is not a readable backup archive (${(error as Error).message})`);
  }
  if (refused.length) throw new Error(`${file} holds entries a Kesu backup does not: ${refused.join(', ')}`);
  return taken;
}

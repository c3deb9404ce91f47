import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { evidenceStore } from '../evidence/index.js';
import { keyFingerprint } from '../privacy/index.js';
import { evidenceEntry, sha256File, writeArchive } from './archive.js';
import { dialectOf, dumpDatabase } from './database-copy.js';
import { DATABASE_FILE, MANIFEST_FILE, type Manifest } from './manifest.js';
import { kesuVersion } from './version.js';

export interface BackupOptions {
  databaseUrl: string;
  dataDir: string;
  secret: Buffer;
  /** The archive to write (.tar.gz); it appears only when complete. */
  out: string;
  now: () => number;
  env?: NodeJS.ProcessEnv;
}

/** `kesu-backup-20261203-023000.tar.gz` (UTC): sorts by time, and is what pruning recognises. */
export const archiveName = (at: number) =>
  `kesu-backup-${new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}.tar.gz`;
export const ARCHIVE_NAME = /^kesu-backup-\d{8}-\d{6}\.tar\.gz$/;

/** Copy one evidence file out of the store, checking on the way that its bytes are still those of its hash. */
async function copyEvidence(dataDir: string, sha256: string, to: string): Promise<number | null> {
  const store = evidenceStore({ dataDir });
  if (!(await store.has(sha256))) return null;
  const hash = createHash('sha256');
  let size = 0;
  const source = await store.get(sha256);
  source.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  await pipeline(source, createWriteStream(to));
  if (hash.digest('hex') === sha256) return size;
  await rm(to, { force: true });
  return null;
}

/**
 * One archive of the installation: a consistent copy of the database, every evidence file that copy
 * names, and a manifest (version, dialect, migration, time, a sha256 per file, row counts, the chain
 * heads, the key's fingerprint). The secret key itself is never in it.
 */
export async function createBackup(options: BackupOptions): Promise<{ file: string; manifest: Manifest }> {
  const { databaseUrl, dataDir, out } = options;
  const dialect = dialectOf(databaseUrl);
  await mkdir(dataDir, { recursive: true });
  const work = await mkdtemp(join(dataDir, '.backup-'));
  try {
    const createdAt = new Date(options.now()).toISOString();
    const databaseFile = DATABASE_FILE[dialect];
    const summary = await dumpDatabase(databaseUrl, join(work, databaseFile), options.env ?? process.env);
    const files: Manifest['files'] = { [databaseFile]: await sha256File(join(work, databaseFile)) };
    const missingEvidence: string[] = [];
    await mkdir(join(work, 'evidence'));
    for (const sha256 of summary.evidence) {
      const entry = evidenceEntry(sha256);
      const size = await copyEvidence(dataDir, sha256, join(work, entry));
      if (size === null) missingEvidence.push(sha256);
      else files[entry] = { sha256, size };
    }
    const manifest: Manifest = {
      format: 1,
      kesuVersion: kesuVersion(),
      dialect,
      migration: summary.migration,
      createdAt,
      keyFingerprint: keyFingerprint(options.secret),
      rows: summary.rows,
      chainHeads: summary.chainHeads,
      files,
      missingEvidence,
    };
    await writeFile(join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeArchive(work, [MANIFEST_FILE, ...Object.keys(files)], out);
    return { file: out, manifest };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

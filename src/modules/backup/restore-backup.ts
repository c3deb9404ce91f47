import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { evidenceStore } from '../evidence/index.js';
import { keyFingerprint } from '../privacy/index.js';
import { evidenceHashOf, readArchive, sha256File } from './archive.js';
import { checkRestored } from './check-restored.js';
import { dialectOf, holdsData, stageDatabase } from './database-copy.js';
import { DATABASE_FILE, MANIFEST_FILE, type Manifest, parseManifest } from './manifest.js';

export interface RestoreOptions {
  archive: string;
  databaseUrl: string;
  dataDir: string;
  secret: Buffer;
  /** Replace a database that already holds data. */
  force: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface RestoreSummary {
  manifest: Manifest;
  complaints: number;
  events: number;
  evidenceFiles: number;
}

/** The configured secret key is not the one the archive was made with. */
export class KeyMismatchError extends Error {
  constructor(
    readonly archiveFingerprint: string,
    readonly configuredFingerprint: string,
  ) {
    super(
      `the archive was made with another secret key (fingerprint ${archiveFingerprint}; the configured key's is ${configuredFingerprint}): its personal data can only be read with the original key`,
    );
  }
}

const damaged = (entry: string) =>
  new Error(
    `the archive is damaged or was altered: ${entry} does not match its checksum in the manifest; nothing was restored`,
  );

/** Every file the manifest lists is in the archive with its sha256 and size, and nothing else is. */
async function verifyFiles(dir: string, entries: string[], manifest: Manifest): Promise<void> {
  const unlisted = entries.filter((e) => e !== MANIFEST_FILE && !(e in manifest.files));
  if (unlisted.length)
    throw new Error(
      `the archive holds files its manifest does not list (${unlisted.join(', ')}); nothing was restored`,
    );
  for (const [entry, expected] of Object.entries(manifest.files)) {
    if (!entries.includes(entry))
      throw new Error(`the archive lacks ${entry}, which its manifest lists; nothing was restored`);
    const actual = await sha256File(join(dir, entry));
    if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) throw damaged(entry);
    const named = evidenceHashOf(entry);
    if (named !== null && named !== actual.sha256) throw damaged(entry);
  }
}

/**
 * Restore an archive into the configured database and data directory. Everything is checked before
 * the target is touched: the archive's checksums, the key's fingerprint, an empty target (or
 * `force`), then the database restored aside (beside the SQLite file, or a scratch PostgreSQL
 * database) with every hash chain re-derived and sealed personal data opened. Only then are the
 * evidence files added to the store and the database put in place; a refusal leaves the target as it was.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const { databaseUrl, dataDir } = options;
  await mkdir(dataDir, { recursive: true });
  const work = await mkdtemp(join(dataDir, '.restore-'));
  try {
    const entries = await readArchive(options.archive, work);
    if (!entries.includes(MANIFEST_FILE))
      throw new Error(`${options.archive} has no ${MANIFEST_FILE}: it is not a Kesu backup`);
    const manifest = parseManifest(await readFile(join(work, MANIFEST_FILE), 'utf8'));
    await verifyFiles(work, entries, manifest);
    const dialect = dialectOf(databaseUrl);
    if (manifest.dialect !== dialect)
      throw new Error(
        `the archive holds a ${manifest.dialect} database and the configured one is ${dialect}; restore it into ${manifest.dialect}`,
      );
    const fingerprint = keyFingerprint(options.secret);
    if (manifest.keyFingerprint !== fingerprint)
      throw new KeyMismatchError(manifest.keyFingerprint, fingerprint);
    if (!options.force && (await holdsData(databaseUrl)))
      throw new Error(
        'the configured database already holds data (users, complaints or customers); nothing was restored. Restore with --force to replace it',
      );

    const env = options.env ?? process.env;
    const staged = await stageDatabase(databaseUrl, join(work, DATABASE_FILE[dialect]), env);
    let checked: Awaited<ReturnType<typeof checkRestored>>;
    try {
      checked = await checkRestored(staged.db, manifest, options.secret);
    } catch (error) {
      await staged.discard();
      throw error;
    }
    // Evidence first: content-addressed files added to the store change nothing the current database refers to.
    const store = evidenceStore({ dataDir });
    let evidenceFiles = 0;
    for (const entry of entries) {
      const sha256 = evidenceHashOf(entry);
      if (sha256 === null) continue;
      await store.put(sha256, join(work, entry));
      evidenceFiles++;
    }
    await staged.commit();
    return { manifest, complaints: checked.rows.complaints ?? 0, events: checked.events, evidenceFiles };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

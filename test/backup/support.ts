import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import type { Dialect } from '../../src/db/database.js';
import { type Manifest, parseManifest } from '../../src/modules/backup/index.js';
import { freshDatabase } from '../support/test-app.js';

/** The test app's secret (test-app.ts), as the key file `kesu` reads. */
export const TEST_SECRET = Buffer.alloc(32, 7);

const leftovers: Array<() => void> = [];

/** A new temp dir, removed by `removeScratch()`. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  leftovers.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Remove the temp dirs and SQLite files the backup tests made (in their `afterAll`). */
export function removeScratch(): void {
  for (const remove of leftovers.splice(0)) remove();
}

/** A data directory holding `secret` as its key file, as `kesu` would have written it. */
export function dataDirWithKey(secret: Buffer = TEST_SECRET): string {
  const dir = scratchDir('kesu-restore-');
  writeFileSync(join(dir, 'secret.key'), secret.toString('base64'), { mode: 0o600 });
  return dir;
}

/** An empty database and a data directory with the test key: where an installation is restored. */
export async function freshInstallation(dialect: Dialect) {
  const { url, cleanup } = await freshDatabase(dialect);
  leftovers.push(cleanup);
  const dataDir = dataDirWithKey();
  return { url, dataDir, env: { ...process.env, DATABASE_URL: url, KESU_DATA_DIR: dataDir } };
}

/** The manifest of an archive, read without restoring it. */
export async function readManifest(archive: string): Promise<Manifest> {
  const dir = mkdtempSync(join(tmpdir(), 'kesu-manifest-'));
  try {
    await extract({ file: archive, cwd: dir, filter: (path) => path === 'manifest.json' });
    return parseManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

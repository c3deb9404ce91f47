import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import { archiveName, createBackup } from './create-backup.js';
import { KeyMismatchError, restoreBackup } from './restore-backup.js';

/** Where the configured secret key comes from (config.ts reads it the same way). */
function keySource(env: NodeJS.ProcessEnv, dataDir: string): { env: true } | { file: string } {
  return env.KESU_SECRET ? { env: true } : { file: env.KESU_SECRET_FILE ?? join(dataDir, 'secret.key') };
}
const describeKey = (source: ReturnType<typeof keySource>) =>
  'env' in source ? 'KESU_SECRET' : `the key file ${source.file}`;

/** `kesu backup [--out FILE]`: writes the archive and says what is in it and what is not (the key). */
export async function runBackupCommand(
  config: Config,
  options: { out?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const out = resolve(options.out ?? archiveName(Date.now()));
  const { manifest } = await createBackup({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    secret: config.secret,
    out,
    now: Date.now,
    env,
  });
  const evidence = Object.keys(manifest.files).length - 1;
  const lines = [
    `backup written to ${out}`,
    `  ${manifest.dialect} database at ${manifest.migration ?? 'no migration'}: complaints ${manifest.rows.complaints}, events ${manifest.rows.events}, evidence files ${evidence}`,
  ];
  if (manifest.missingEvidence.length)
    lines.push(
      `  warning: ${manifest.missingEvidence.length} evidence files named by the database are missing or damaged in the store: ${manifest.missingEvidence.join(', ')}`,
    );
  lines.push(
    `The archive does not hold the secret key (${describeKey(keySource(env, config.dataDir))}): keep a copy of it apart from the archive; without it the personal data in the archive cannot be read.`,
  );
  return lines;
}

/**
 * `kesu restore FILE [--force]`. Reads the configuration itself: without KESU_SECRET or a key file,
 * reading it creates a new key, which cannot open the archive; that new key is removed again on
 * refusal, so that the original can be put in its place.
 */
export async function runRestoreCommand(
  loadConfig: (env: NodeJS.ProcessEnv) => Config,
  file: string,
  options: { force?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const dataDir = resolve(env.KESU_DATA_DIR ?? 'data');
  const source = keySource(env, dataDir);
  const keyWasThere = 'env' in source || existsSync(source.file);
  const config = loadConfig(env);
  try {
    const restored = await restoreBackup({
      archive: resolve(file),
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      secret: config.secret,
      force: Boolean(options.force),
      env,
    });
    const { manifest } = restored;
    return [
      `restored ${file} (made ${manifest.createdAt} by Kesu ${manifest.kesuVersion}) into the ${manifest.dialect} database and ${config.dataDir}`,
      `  complaints ${restored.complaints}, events ${restored.events} (every hash chain intact), evidence files ${restored.evidenceFiles}`,
      `  personal data opens with ${describeKey(source)}: keep using this key with this database`,
    ];
  } catch (error) {
    if (!(error instanceof KeyMismatchError)) throw error;
    if (!keyWasThere && 'file' in source) {
      await rm(source.file, { force: true });
      throw new Error(
        `${error.message}. No secret key was configured: put the original key file at ${source.file} (or set KESU_SECRET to the original secret) and run kesu restore again`,
      );
    }
    throw new Error(
      `${error.message}. The configured key is ${describeKey(source)}: replace it with the original (the secret.key of the installation that made the backup, or its KESU_SECRET) and run kesu restore again`,
    );
  }
}

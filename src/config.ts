import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  /** `sqlite:<file>` or `postgres://…` */
  databaseUrl: string;
  host: string;
  port: number;
  dataDir: string;
  /** Secret for keyed hashes and encryption; from KESU_SECRET or `<dataDir>/secret.key`. */
  secret: Buffer;
  timeZone: string;
  logLevel: string;
  /** Where customers reach Kesu (tracking links in notices). */
  publicUrl: string;
  /** KESU_TRUST_PROXY: true, or the proxy's addresses, when Kesu runs behind a reverse proxy. */
  trustProxy: boolean | string;
  /** KESU_DB_WAIT_SECONDS: how long start-up waits for the database to answer (default 60). */
  dbWaitSeconds: number;
}

function readSecret(dataDir: string, env: NodeJS.ProcessEnv): Buffer {
  if (env.KESU_SECRET) {
    if (env.KESU_SECRET.length < 32) throw new Error('KESU_SECRET must be at least 32 characters');
    return Buffer.from(env.KESU_SECRET, 'utf8');
  }
  const file = env.KESU_SECRET_FILE ?? join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** Read the environment once, validate it, and give the rest of the program a typed config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.KESU_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL ?? `sqlite:${join(dataDir, 'kesu.db')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with sqlite: or postgres://');
  }
  const dbWaitSeconds = Number(env.KESU_DB_WAIT_SECONDS ?? 60);
  if (!Number.isFinite(dbWaitSeconds) || dbWaitSeconds < 0)
    throw new Error(`KESU_DB_WAIT_SECONDS must be a number of seconds, got ${env.KESU_DB_WAIT_SECONDS}`);
  const timeZone = env.KESU_TIMEZONE ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`KESU_TIMEZONE is not a time zone: ${timeZone}`);
  }
  return {
    databaseUrl,
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    secret: readSecret(dataDir, env),
    timeZone,
    dbWaitSeconds,
    logLevel: env.LOG_LEVEL ?? 'warn',
    trustProxy:
      env.KESU_TRUST_PROXY === undefined || env.KESU_TRUST_PROXY === 'false'
        ? false
        : env.KESU_TRUST_PROXY === 'true' || env.KESU_TRUST_PROXY,
    publicUrl: (env.KESU_PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${port}`).replace(/\/$/, ''),
  };
}

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Config {
  /** `sqlite:<file>` or `postgres://…` */
  databaseUrl: string;
  host: string;
  port: number;
  dataDir: string;
  /** Secret for keyed hashes and encryption; from KESU_SECRET or `<dataDir>/secret.key`. */
  secret: Buffer;
  /** The key file the secret was read from (or created in); null when it came from KESU_SECRET. */
  secretFile: string | null;
  timeZone: string;
  logLevel: string;
  /** Where customers reach Kesu (tracking links in notices). */
  publicUrl: string;
  /** KESU_TRUST_PROXY: true, or the proxy's addresses, when Kesu runs behind a reverse proxy. */
  trustProxy: boolean | string;
  /** KESU_SHUTDOWN_SECONDS: on SIGTERM/SIGINT, the process exits within this long (default 30). */
  shutdownSeconds: number;
  /** KESU_METRICS_TOKEN: a bearer token for Prometheus at /metrics (else loopback, admin or auditor tokens). */
  metricsToken?: string;
  /** KESU_REQUEST_TIMEOUT (seconds, default 60): an ordinary request's time from first byte to answer (server/timeouts.ts). */
  requestTimeoutMs: number;
  /** KESU_ALLOWED_ORIGINS: more origins, besides Kesu's own, whose pages may send state-changing requests (server/csrf.ts). */
  allowedOrigins: string[];
  /** KESU_DB_WAIT_SECONDS: how long start-up waits for the database to answer (default 60). */
  dbWaitSeconds: number;
  /** KESU_SQLITE_CACHE_MB: SQLite's page cache of `kesu serve` and `kesu worker` (default 256). */
  sqliteCacheMiB: number;
}

/**
 * The driver's default (better-sqlite3: 16 MiB) is too small at a million complaints (1.3 GB): a search
 * that gathers ten thousand matches reads every page through the OS again. The cache fills only with
 * pages read.
 */
export const DEFAULT_SQLITE_CACHE_MIB = 256;

/**
 * Two processes may start on a new data dir at once (`kesu serve` and `kesu worker`): the key is written
 * whole to a file of this process, then linked into place, which fails if another process was first. Then
 * both read the one key, and neither can read a key half written.
 */
function createKeyFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const own = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(own, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(own, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(own);
  }
}

function readSecret(dataDir: string, env: NodeJS.ProcessEnv): Pick<Config, 'secret' | 'secretFile'> {
  if (env.KESU_SECRET) {
    if (env.KESU_SECRET.length < 32) throw new Error('KESU_SECRET must be at least 32 characters');
    return { secret: Buffer.from(env.KESU_SECRET, 'utf8'), secretFile: null };
  }
  const file = env.KESU_SECRET_FILE ?? join(dataDir, 'secret.key');
  if (!existsSync(file)) createKeyFile(file);
  chmodSync(file, 0o600);
  return { secret: Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'), secretFile: resolve(file) };
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
  const sqliteCacheMiB = Number(env.KESU_SQLITE_CACHE_MB ?? DEFAULT_SQLITE_CACHE_MIB);
  if (!Number.isFinite(sqliteCacheMiB) || sqliteCacheMiB < 1)
    throw new Error(
      `KESU_SQLITE_CACHE_MB must be a number of MiB (at least 1), got ${env.KESU_SQLITE_CACHE_MB}`,
    );
  const timeZone = env.KESU_TIMEZONE ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`KESU_TIMEZONE is not a time zone: ${timeZone}`);
  }
  const shutdownSeconds = Number(env.KESU_SHUTDOWN_SECONDS ?? 30);
  if (!(Number.isFinite(shutdownSeconds) && shutdownSeconds >= 1))
    throw new Error(
      `KESU_SHUTDOWN_SECONDS must be a number of seconds (at least 1), got ${env.KESU_SHUTDOWN_SECONDS}`,
    );
  const requestTimeout = Number(env.KESU_REQUEST_TIMEOUT ?? 60);
  if (!Number.isFinite(requestTimeout) || requestTimeout <= 0)
    throw new Error(`KESU_REQUEST_TIMEOUT must be a number of seconds, got ${env.KESU_REQUEST_TIMEOUT}`);
  const allowedOrigins = (env.KESU_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins)
    if (!URL.canParse(origin)) throw new Error(`KESU_ALLOWED_ORIGINS: not an origin: ${origin}`);
  return {
    databaseUrl,
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    ...readSecret(dataDir, env),
    timeZone,
    dbWaitSeconds,
    sqliteCacheMiB,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy:
      env.KESU_TRUST_PROXY === undefined || env.KESU_TRUST_PROXY === 'false'
        ? false
        : env.KESU_TRUST_PROXY === 'true' || env.KESU_TRUST_PROXY,
    shutdownSeconds,
    metricsToken: env.KESU_METRICS_TOKEN || undefined,
    requestTimeoutMs: Math.round(requestTimeout * 1000),
    allowedOrigins,
    publicUrl: (env.KESU_PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${port}`).replace(/\/$/, ''),
  };
}

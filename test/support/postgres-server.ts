/**
 * Throwaway PostgreSQL server for tests.
 *
 * `startPostgres()` runs initdb into a fresh temp dir and starts a private `postgres` on
 * 127.0.0.1:<free port>, tuned for speed (no fsync), and returns its URL and a `stop()`.
 * When we run as root (CI containers), every PostgreSQL binary is run as the `postgres`
 * OS user (or `KESU_PG_USER`), because PostgreSQL refuses to run as root.
 *
 * Safety nets so a crashed or killed test run does not leave a server behind:
 *  - a process 'exit' handler sends SIGQUIT (immediate shutdown) to the postmaster;
 *  - a tiny detached shell watchdog does the same if our process dies without running
 *    'exit' handlers (SIGKILL, OOM killer);
 *  - postgres stays in our process group, so a terminal Ctrl-C reaches it too.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { chown, mkdir, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

export interface PostgresServer {
  /** Admin URL (superuser `kesu`, database `postgres`). */
  url: string;
  /** Fast shutdown and removal of the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface RunAs {
  uid: number;
  gid: number;
}

const INSTALL_HINT =
  'Install the PostgreSQL server binaries (Debian/Ubuntu: `apt-get install postgresql`), ' +
  'or set KESU_PG_BIN to the directory holding initdb/pg_ctl/postgres, ' +
  'or set KESU_TEST_PG_URL to an existing server you may create databases on.';

function hasBinaries(dir: string): boolean {
  return ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(path.join(dir, b)));
}

/** Directory holding initdb, pg_ctl and postgres. */
export function findPgBinDir(): string {
  const fromEnv = process.env.KESU_PG_BIN;
  if (fromEnv) {
    if (!hasBinaries(fromEnv)) {
      throw new Error(`KESU_PG_BIN=${fromEnv} does not contain initdb, pg_ctl and postgres. ${INSTALL_HINT}`);
    }
    return fromEnv;
  }

  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const v of versions) {
      const dir = path.join(debianRoot, v, 'bin');
      if (hasBinaries(dir)) return dir;
    }
  }

  for (const entry of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!entry) continue;
    const candidate = path.join(entry, 'initdb');
    if (existsSync(candidate)) {
      const dir = path.dirname(realpathSync(candidate));
      if (hasBinaries(dir)) return dir;
    }
  }

  throw new Error(`No PostgreSQL server binaries (initdb, pg_ctl, postgres) found. ${INSTALL_HINT}`);
}

export async function resolveRunAs(): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const user = process.env.KESU_PG_USER ?? 'postgres';
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', user]).then((r) => Number.parseInt(r.stdout.trim(), 10)),
      execFileAsync('id', ['-g', user]).then((r) => Number.parseInt(r.stdout.trim(), 10)),
    ]);
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('bad id output');
    return { uid, gid };
  } catch {
    throw new Error(
      `Running as root, but PostgreSQL refuses to run as root and OS user "${user}" does not exist. ` +
        'Installing the Debian `postgresql` package creates it (`apt-get install postgresql`); ' +
        'or set KESU_PG_USER to another unprivileged user.',
    );
  }
}

export function spawnOptions(runAs: RunAs | undefined, cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  // PG* variables of the caller must not redirect pg_ctl or initdb.
  for (const key of Object.keys(env)) if (key.startsWith('PG')) delete env[key];
  return runAs ? { cwd, env, uid: runAs.uid, gid: runAs.gid } : { cwd, env };
}

export async function run(bin: string, args: string[], runAs: RunAs | undefined, cwd: string): Promise<void> {
  try {
    await execFileAsync(bin, args, { ...spawnOptions(runAs, cwd), maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `${path.basename(bin)} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`,
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not determine a free port'));
        return;
      }
      srv.close(() => resolve(addr.port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Resolves when `p` settles or after `ms`, without leaving a pending timer behind. */
async function within(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // An exited but not yet reaped child (zombie) still answers kill(pid, 0).
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: assume alive
  }
}

function readLogTail(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitForConnections(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      return { ok: false as const, exited: true, lastError };
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return { ok: true as const };
    } catch (err) {
      lastError = err;
    } finally {
      await client.end().catch(() => undefined);
    }
    await sleep(100);
  }
  return { ok: false as const, exited: false, lastError };
}

/** Server settings: loopback only, private socket dir, durability off (test data is throwaway). */
export function serverSettings(port: number, socketDir: string): Record<string, string> {
  return {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '300',
    shared_buffers: '128MB',
    logging_collector: 'off',
  };
}

/** Starts a private PostgreSQL server (with `extraSettings` beside the usual ones). See the module comment. */
export async function startPostgres(extraSettings: Record<string, string> = {}): Promise<PostgresServer> {
  const binDir = findPgBinDir();
  const runAs = await resolveRunAs();

  const baseDir = await mkdtemp(path.join(os.tmpdir(), 'kesu-pg-'));
  const removeBaseDir = () => rmSync(baseDir, { recursive: true, force: true });
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'postgres.log');

  try {
    await mkdir(dataDir, { mode: 0o700 });
    if (runAs) {
      await chown(baseDir, runAs.uid, runAs.gid);
      await chown(dataDir, runAs.uid, runAs.gid);
    }
    await run(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-A', 'trust', '-U', 'kesu', '--encoding=UTF8', '--locale=C', '--no-sync'],
      runAs,
      baseDir,
    );
  } catch (err) {
    removeBaseDir();
    throw err;
  }

  // The port is picked by binding to 0 and released before postgres binds it, so another
  // process can steal it in between; retry with a new port in that (rare) case.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const url = `postgres://kesu@127.0.0.1:${port}/postgres`;
    const logFd = openSync(logFile, 'a');
    const child = spawn(
      path.join(binDir, 'postgres'),
      [
        '-D',
        dataDir,
        ...Object.entries({ ...serverSettings(port, baseDir), ...extraSettings }).flatMap(([k, v]) => [
          '-c',
          `${k}=${v}`,
        ]),
      ],
      { ...spawnOptions(runAs, baseDir), stdio: ['ignore', logFd, logFd] },
    );
    closeSync(logFd);
    child.unref();
    const childExited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    child.once('error', () => undefined); // surfaced through waitForConnections/log

    const pid = child.pid;
    if (pid === undefined) {
      removeBaseDir();
      throw new Error(`could not spawn ${path.join(binDir, 'postgres')}`);
    }

    // Last-resort cleanup when our process goes away.
    const onExit = () => {
      if (isAlive(pid)) {
        try {
          process.kill(pid, 'SIGQUIT');
        } catch {
          // already gone
        }
        for (let i = 0; i < 50 && isAlive(pid); i++) sleepSync(20);
      }
      removeBaseDir();
    };
    process.on('exit', onExit);
    const watchdog = spawn(
      '/bin/sh',
      [
        '-c',
        'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
          'if kill -0 "$2" 2>/dev/null; then kill -QUIT "$2"; sleep 2; rm -rf "$3"; fi',
        'kesu-pg-watchdog',
        String(process.pid),
        String(pid),
        baseDir,
      ],
      { detached: true, stdio: 'ignore' },
    );
    watchdog.once('error', () => undefined);
    watchdog.unref();
    const killWatchdog = () => {
      if (watchdog.pid !== undefined && watchdog.exitCode === null) {
        try {
          process.kill(-watchdog.pid, 'SIGTERM'); // its whole process group (sh + sleep)
        } catch {
          // already gone
        }
      }
    };

    const ready = await waitForConnections(url, child, 30_000);
    if (ready.ok) {
      let stopped = false;
      return {
        url,
        async stop() {
          if (stopped) return;
          stopped = true;
          child.ref(); // keep the event loop alive until the postmaster is gone
          try {
            await run(
              path.join(binDir, 'pg_ctl'),
              ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30'],
              runAs,
              baseDir,
            );
          } catch {
            if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
          }
          await within(childExited, 10_000);
          process.off('exit', onExit);
          killWatchdog();
          removeBaseDir();
        },
      };
    }

    // Failed to come up: clean up this attempt.
    process.off('exit', onExit);
    killWatchdog();
    if (isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      await within(childExited, 5_000);
    }
    const log = readLogTail(logFile);
    if (
      ready.exited &&
      /could not (bind|create listen socket)|Address already in use/i.test(log) &&
      attempt < 5
    ) {
      continue;
    }
    removeBaseDir();
    const reason = ready.exited
      ? `postgres exited (code ${child.exitCode}, signal ${child.signalCode})`
      : `postgres did not accept connections within 30 s (last error: ${String(ready.lastError)})`;
    throw new Error(`${reason}. Server log:\n${log}`);
  }
}

/** Creates database `name` on the server at `adminUrl` and returns a URL pointing at it. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`invalid database name ${JSON.stringify(name)}: use [a-z_][a-z0-9_]*, at most 63 chars`);
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

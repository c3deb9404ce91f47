/**
 * A private PostgreSQL server that a fault test may stop, start and restart with `pg_ctl`, as an
 * operator would (the shared test server must never be restarted: other tests use it).
 * Safety nets as in ../support/postgres-server.ts: an 'exit' handler and a detached watchdog stop
 * it (`-m immediate`) if the test process goes away without `destroy()`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { chown, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createDatabase,
  findPgBinDir,
  freePort,
  resolveRunAs,
  run,
  serverSettings,
  spawnOptions,
} from '../support/postgres-server.js';

export interface RestartablePostgres {
  /** A database `kesu` on the server. */
  url: string;
  /** `pg_ctl stop -m fast`: connections are terminated (57P01), new ones refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** `pg_ctl restart -m fast`. */
  restart(): Promise<void>;
  /** Stop for good and remove the data directory. */
  destroy(): Promise<void>;
}

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const binDir = findPgBinDir();
  const runAs = await resolveRunAs();
  const baseDir = await mkdtemp(path.join(os.tmpdir(), 'kesu-pg-faults-'));
  const dataDir = path.join(baseDir, 'data');
  const logFile = path.join(baseDir, 'postgres.log');
  await mkdir(dataDir, { mode: 0o700 });
  if (runAs) {
    await chown(baseDir, runAs.uid, runAs.gid);
    await chown(dataDir, runAs.uid, runAs.gid);
  }
  const pgCtl = path.join(binDir, 'pg_ctl');
  await run(
    path.join(binDir, 'initdb'),
    ['-D', dataDir, '-A', 'trust', '-U', 'kesu', '--encoding=UTF8', '--locale=C', '--no-sync'],
    runAs,
    baseDir,
  );
  const port = await freePort();
  const settings = { ...serverSettings(port, baseDir), max_connections: '100' };
  appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    Object.entries(settings)
      .map(([k, v]) => `${k} = '${v}'\n`)
      .join(''),
  );
  const ctl = (...args: string[]) => run(pgCtl, [...args, '-D', dataDir, '-w', '-t', '60'], runAs, baseDir);

  const immediateStop = () => {
    try {
      execFileSync(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], {
        ...spawnOptions(runAs, baseDir),
        stdio: 'ignore',
      });
    } catch {
      // not running
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  process.on('exit', immediateStop);
  const watchdog = spawn(
    '/bin/sh',
    [
      '-c',
      'while [ -d "/proc/$1" ]; do sleep 1; done; "$2" stop -D "$3" -m immediate; rm -rf "$4"',
      'kesu-pg-faults-watchdog',
      String(process.pid),
      pgCtl,
      dataDir,
      baseDir,
    ],
    { ...spawnOptions(runAs, baseDir), detached: true, stdio: 'ignore' },
  );
  watchdog.once('error', () => undefined);
  watchdog.unref();

  const start = () => ctl('start', '-l', logFile);
  await start();
  const url = await createDatabase(`postgres://kesu@127.0.0.1:${port}/postgres`, 'kesu');
  return {
    url,
    start,
    stop: () => ctl('stop', '-m', 'fast'),
    restart: () => ctl('restart', '-m', 'fast', '-l', logFile),
    async destroy() {
      await ctl('stop', '-m', 'fast').catch(() => undefined);
      process.off('exit', immediateStop);
      if (watchdog.pid !== undefined && watchdog.exitCode === null) {
        try {
          process.kill(-watchdog.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      rmSync(baseDir, { recursive: true, force: true });
    },
  };
}

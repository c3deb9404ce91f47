import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { type Db, type Dialect, openDatabase } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { type DatabaseSummary, summariseDatabase } from './manifest.js';
import { runPgTool } from './postgres-tools.js';

export const dialectOf = (url: string): Dialect => (url.startsWith('sqlite:') ? 'sqlite' : 'postgres');
const sqliteFile = (url: string) => url.slice('sqlite:'.length);

/** More pages than any database has: the whole copy in one step of the backup API. */
const ALL_PAGES = 0x7fffffff;

/**
 * Write a consistent copy of the database to `file` and summarise that same copy. SQLite: the online
 * backup API in one step, a single read transaction that sees every committed write, those still in
 * the WAL included (a copy of the file alone loses them); step by step, a write by another process
 * would restart the copy. PostgreSQL: pg_dump in a snapshot exported by the transaction that is summarised.
 */
export async function dumpDatabase(
  url: string,
  file: string,
  env: NodeJS.ProcessEnv,
): Promise<DatabaseSummary> {
  if (dialectOf(url) === 'sqlite') {
    const source = new SQLite(sqliteFile(url), { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(file, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = new SQLite(file);
    // One self-contained file in the archive; the server turns WAL back on when it opens it.
    copy.pragma('journal_mode = DELETE');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: copy }) });
    try {
      return await summariseDatabase(db);
    } finally {
      await db.destroy();
    }
  }
  const handle = openDatabase(url, { poolSize: 1 });
  try {
    return await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const { rows } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(tx);
        const snapshot = rows[0]?.snapshot ?? '';
        await runPgTool(
          'pg_dump',
          url,
          ['--format=custom', `--snapshot=${snapshot}`, '--no-owner', '--no-privileges', `--file=${file}`],
          env,
        );
        return summariseDatabase(tx);
      });
  } finally {
    await handle.close();
  }
}

/** Does the configured database hold anything a restore would overwrite (users, complaints, customers)? */
export async function holdsData(url: string): Promise<boolean> {
  if (dialectOf(url) === 'sqlite' && !existsSync(sqliteFile(url))) return false;
  const handle = openDatabase(url, { poolSize: 1 });
  try {
    const tables = new Set((await handle.db.introspection.getTables()).map((t) => t.name));
    for (const table of ['users', 'complaints', 'customers'] as const) {
      if (!tables.has(table)) continue;
      if (await handle.db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return true;
    }
    return false;
  } finally {
    await handle.close();
  }
}

/** A restored copy of the database, open for checks; `commit` puts it in place of the configured one. */
export interface StagedDatabase {
  db: Db;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Restore the archived database beside the configured one (SQLite) or into a scratch database (PostgreSQL). */
export async function stageDatabase(
  url: string,
  archived: string,
  env: NodeJS.ProcessEnv,
): Promise<StagedDatabase> {
  return dialectOf(url) === 'sqlite'
    ? stageSqlite(sqliteFile(url), archived)
    : stagePostgres(url, archived, env);
}

const sqliteCompanions = (file: string) => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

async function stageSqlite(target: string, archived: string): Promise<StagedDatabase> {
  const staged = `${target}.restoring`;
  await mkdir(dirname(target), { recursive: true });
  await copyFile(archived, staged);
  const handle = openDatabase(`sqlite:${staged}`);
  const discard = async () => {
    await handle.close();
    for (const f of [staged, ...sqliteCompanions(staged)]) await rm(f, { force: true });
  };
  return {
    db: handle.db,
    discard,
    commit: async () => {
      await handle.close();
      // The old database's WAL must not be replayed onto the restored file.
      for (const f of sqliteCompanions(target)) await rm(f, { force: true });
      await rename(staged, target);
    },
  };
}

async function onDatabase<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const RESTORE_FLAGS = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'];

async function stagePostgres(url: string, archived: string, env: NodeJS.ProcessEnv): Promise<StagedDatabase> {
  const target = new URL(url);
  const name = `${decodeURIComponent(target.pathname.slice(1)).slice(0, 40)}_restore_${randomBytes(4).toString('hex')}`;
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  await onDatabase(url, (c) => c.query(`create database "${name.replaceAll('"', '""')}"`)).catch((error) => {
    throw new Error(
      `kesu restore checks the archive in a scratch database before it replaces yours, and could not create one (${(error as Error).message}): grant the database role CREATEDB, or restore by hand with pg_restore (README, "Operations: backup and restore")`,
    );
  });
  const drop = () =>
    onDatabase(url, (c) => c.query(`drop database if exists "${name.replaceAll('"', '""')}"`));
  try {
    await runPgTool('pg_restore', scratch.toString(), [...RESTORE_FLAGS, archived], env);
  } catch (error) {
    await drop();
    throw error;
  }
  const opened = openDatabase(scratch.toString(), { poolSize: 2 });
  return {
    db: opened.db,
    discard: async () => {
      await opened.close();
      await drop();
    },
    commit: async () => {
      await opened.close();
      try {
        // One transaction: the configured database is replaced whole, or left as it was.
        await runPgTool('pg_restore', url, [...RESTORE_FLAGS, '--clean', '--if-exists', archived], env);
      } finally {
        await drop();
      }
    },
  };
}

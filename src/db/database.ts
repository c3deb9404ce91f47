import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type KyselyPlugin,
  OperationNodeTransformer,
  PostgresAdapter,
  PostgresDialect,
  type RootOperationNode,
  type SelectQueryNode,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { NamingClient } from './named-statements.js';
import type { Database } from './schema.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** Whether `db` (a database or a transaction) is PostgreSQL's. */
export const isPostgres = (db: Db | Tx) => db.getExecutor().adapter instanceof PostgresAdapter;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// Epoch milliseconds and counts are bigint in PostgreSQL; they fit a JS number with room to spare.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * SQLite has no row locks (a write transaction holds the whole database), so `FOR UPDATE`, which the
 * commands use for PostgreSQL, is dropped from SQLite queries here rather than at every call site.
 */
const ROW_LOCKS = new Set(['ForUpdate', 'ForShare', 'ForKeyShare', 'ForNoKeyUpdate', 'SkipLocked', 'NoWait']);

class DropRowLocks extends OperationNodeTransformer {
  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const t = super.transformSelectQuery(node);
    return t.endModifiers
      ? { ...t, endModifiers: t.endModifiers.filter((m) => !ROW_LOCKS.has(m.modifier ?? '')) }
      : t;
  }
}
const sqliteRowLocks: KyselyPlugin = {
  transformQuery: (args) =>
    args.node.kind === 'SelectQueryNode' && args.node.endModifiers?.length
      ? (new DropRowLocks().transformNode(args.node) as RootOperationNode)
      : args.node,
  transformResult: async (args) => args.result,
};

/**
 * node-postgres emits 'error' on an idle pool client, and on a checked-out client between queries,
 * when the server goes away (57P01 on a restart); unhandled, that event ends the process. The
 * broken client is dropped by the pool; the query that needed it fails and is answered 503.
 */
function surviveConnectionErrors(pool: pg.Pool): void {
  const warn = (error: Error) =>
    console.warn(`[db] connection lost: ${(error as { code?: string }).code ?? ''} ${error.message}`.trim());
  pool.on('error', warn);
  pool.on('connect', (client) => client.on('error', () => undefined));
}

export function openDatabase(
  url: string,
  /**
   * `backgroundCheckpoints`: SQLite's WAL checkpoints in a thread of their own; `pageCacheMiB`: SQLite's
   * page cache (else the driver's 16 MiB). Both for long-running processes.
   */
  options: { poolSize?: number; backgroundCheckpoints?: boolean; pageCacheMiB?: number } = {},
): DatabaseHandle {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (options.pageCacheMiB) sqlite.pragma(`cache_size = -${Math.round(options.pageCacheMiB * 1024)}`);
    const db = new Kysely<Database>({
      dialect: new GroupCommitSqliteDialect(sqlite),
      plugins: [sqliteRowLocks],
    });
    const checkpointer =
      options.backgroundCheckpoints && file !== ':memory:' ? startCheckpointer(sqlite, file) : null;
    return {
      db,
      dialect: 'sqlite',
      close: async () => {
        await checkpointer?.stop();
        await db.destroy();
      },
    };
  }
  const pool = new pg.Pool({
    Client: NamingClient,
    connectionString: url,
    max: options.poolSize ?? 20,
    // An unreachable server fails a request quickly (answered 503) instead of holding it.
    connectionTimeoutMillis: 5000,
    // Kesu's reads are short top-k walks: starting parallel workers costs more than they save, and
    // on a busy server made a 35 ms search take a second (ADR 0019).
    options: '-c max_parallel_workers_per_gather=0',
  });
  surviveConnectionErrors(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';

/**
 * The reader thread: its own read-only connection to the file; runs the statements it is sent and
 * answers with their rows. Plain CommonJS: it runs from a string, from src/ and from dist/ alike.
 */
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      // A few shapes per scan (a full batch and the last one): keep the cache small all the same.
      if (statements.size >= 16) statements.clear();
      statement = db.prepare(sql).raw(true);
      statement.names = statement.columns().map((c) => c.name);
      statements.set(sql, statement);
    }
    // Rows as arrays: half the cost of sending objects, which repeat every column's name.
    parentPort.postMessage({ id, columns: statement.names, rows: statement.all(...parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

export interface ThreadReader {
  /** The rows of a compiled SELECT, read on the reader's thread. */
  all<R>(query: CompiledQuery<R>): Promise<R[]>;
  close(): Promise<void>;
}

/** Rows as the driver gives them on the main connection: an object per row, keyed by column name. */
function objects(columns: string[], rows: unknown[][]): Record<string, unknown>[] {
  return rows.map((row) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) o[columns[i] as string] = row[i];
    return o;
  });
}

type Waiting = { resolve: (rows: never[]) => void; reject: (error: Error) => void };

/**
 * A SQLite connection of its own in a worker thread, for a long scan (an export of a million rows):
 * the thread reads the next batch while the event loop turns the last one into a file, and the
 * server's one connection, which every request and commit shares, is not held by the scan. Each
 * statement is its own read transaction, as a keyset scan's batches are on the main connection.
 * Null for PostgreSQL (its server already reads in another process) and for a database in memory.
 */
export function openThreadReader(databaseUrl: string | undefined): ThreadReader | null {
  if (!databaseUrl?.startsWith('sqlite:')) return null;
  const file = databaseUrl.slice('sqlite:'.length);
  if (file === ':memory:' || file === '') return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { driver, file },
    // A batch of rows at a time: a small heap keeps the thread from adding tens of MiB to the process.
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
  });
  const waiting = new Map<number, Waiting>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure = error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; columns?: string[]; rows?: unknown[][]; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error !== undefined) w.reject(new Error(m.error));
    else w.resolve(objects(m.columns ?? [], m.rows ?? []) as never[]);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the reader thread exited (code ${code})`)));
  return {
    all<R>(query: CompiledQuery<R>) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<R[]>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (rows: never[]) => void, reject });
        worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

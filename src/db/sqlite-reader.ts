import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';

/**
 * The reader thread: its own read-only connection to the file; runs the statements it is sent and
 * answers with their rows. Plain CommonJS: it runs from a string, from src/ and from dist/ alike.
 */
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { createDecipheriv } = require('node:crypto');
const Database = require(workerData.driver);
const sealed = workerData.sealed;
// A sealed value in clear, as privacy/pii.ts open() does; null when it cannot be opened.
const openValue = (value) => {
  if (typeof value !== 'string' || !value.startsWith(sealed.prefix)) return value;
  try {
    const raw = Buffer.from(value.slice(sealed.prefix.length), 'base64');
    const decipher = createDecipheriv(sealed.cipher, sealed.key, raw.subarray(0, sealed.ivBytes));
    decipher.setAuthTag(raw.subarray(raw.length - sealed.tagBytes));
    const head = decipher.update(raw.subarray(sealed.ivBytes, raw.length - sealed.tagBytes));
    return Buffer.concat([head, decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
};
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters, open }) => {
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
    const rows = statement.all(...parameters);
    const opened = open && sealed ? statement.names.flatMap((name, i) => (open.includes(name) ? [i] : [])) : [];
    for (const i of opened) for (const row of rows) row[i] = openValue(row[i]);
    parentPort.postMessage({ id, columns: statement.names, rows });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/** How privacy/pii.ts seals a value, and its key: for columns the thread opens. */
export interface SealedValues {
  cipher: string;
  key: Buffer;
  prefix: string;
  ivBytes: number;
  tagBytes: number;
}

export interface ThreadReader {
  /**
   * The rows of a compiled SELECT, read on the reader's thread; the sealed values of the columns
   * named in `open` come back in clear (null when they cannot be opened), decrypted there too.
   */
  all<R>(query: CompiledQuery<R>, open?: readonly string[]): Promise<R[]>;
  close(): Promise<void>;
}

/** Runs a query: `execute()` on the connection, or by its compiled form elsewhere (a reader thread). */
export type RunQuery = <R>(query: { compile(): CompiledQuery<R>; execute(): Promise<R[]> }) => Promise<R[]>;

export const onConnection: RunQuery = (query) => query.execute();

type RowObject = (row: unknown[]) => Record<string, unknown>;

/**
 * Makes the object of a row as the driver gives it on the main connection, keyed by column name: an
 * object literal compiled once per list of columns. Keys assigned one by one in a loop cost ten times
 * as much for a row of thirty columns, and leave objects that are slower to read.
 */
function rowObject(columns: string[]): RowObject {
  const fields = columns.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ');
  // Safe to compile: the source holds only column names, each quoted by JSON.stringify.
  return new Function('row', `return { ${fields} };`) as RowObject;
}

type Waiting = { resolve: (rows: never[]) => void; reject: (error: Error) => void };

/**
 * A SQLite connection of its own in a worker thread, for a long scan (an export of a million rows):
 * the thread reads the next batch while the event loop turns the last one into a file, and the
 * server's one connection, which every request and commit shares, is not held by the scan. Each
 * statement is its own read transaction, as a keyset scan's batches are on the main connection.
 * Null for PostgreSQL (its server already reads in another process) and for a database in memory.
 */
export function openThreadReader(
  databaseUrl: string | undefined,
  sealed?: SealedValues,
): ThreadReader | null {
  if (!databaseUrl?.startsWith('sqlite:')) return null;
  const file = databaseUrl.slice('sqlite:'.length);
  if (file === ':memory:' || file === '') return null;
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { driver, file, sealed },
    // A batch of rows at a time: a small heap keeps the thread from adding tens of MiB to the process.
    resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
  });
  const waiting = new Map<number, Waiting>();
  const objects = new Map<string, RowObject>();
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
    else {
      const columns = m.columns ?? [];
      const key = columns.join('\u0000');
      let object = objects.get(key);
      if (!object) {
        object = rowObject(columns);
        objects.set(key, object);
      }
      w.resolve((m.rows ?? []).map(object) as never[]);
    }
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the reader thread exited (code ${code})`)));
  return {
    all<R>(query: CompiledQuery<R>, open?: readonly string[]) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise<R[]>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (rows: never[]) => void, reject });
        worker.postMessage({ id, sql: query.sql, parameters: query.parameters, open });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

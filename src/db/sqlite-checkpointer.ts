import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** SQLite's default: a commit that leaves the WAL above this many pages checkpoints it (on our one thread). */
const AUTOCHECKPOINT_PAGES = 1000;
const WAL_KEPT_BYTES = 64 * 1024 * 1024;

/**
 * The checkpointer thread: its own connection to the file, a PASSIVE checkpoint every `everyMs`. Only
 * PASSIVE: it copies what it can and never waits for or blocks the writer (a RESTART or FULL one
 * holds every writer back while it copies, which for a WAL grown by a bulk load is longer than the
 * writers' busy timeout). Once a checkpoint has caught up, the next commit starts the WAL from its
 * beginning. Plain CommonJS: it runs from a string.
 */
const THREAD_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 2000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  process.exit(0);
});
`;

export interface Checkpointer {
  /** Stop the thread (before the main connection closes, so that closing can remove the WAL). */
  stop(): Promise<void>;
}

/**
 * Moves SQLite's WAL checkpoints off the event loop (ADR 0023): with automatic checkpoints, the
 * commit that crosses 1,000 WAL pages copies them into the database file on the one thread that
 * also answers requests — a quarter of the SLA sweep's time, and a stall for every request behind
 * it. Here the main connection never checkpoints; a worker thread does, on its own connection. If
 * the thread fails or dies, the main connection checkpoints by itself again.
 */
export function startCheckpointer(
  sqlite: SQLite.Database,
  file: string,
  { everyMs = 200 }: { everyMs?: number } = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_SOURCE, {
    eval: true,
    workerData: { driver, file, everyMs },
  });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  // A WAL file that a burst made large is cut back to this size when it starts over.
  sqlite.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
  let stopping = false;
  const fallBack = (why: string) => {
    if (stopping || !sqlite.open) return;
    sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    console.warn(`[db] background checkpoints stopped (${why}); the server checkpoints by itself`);
  };
  let warned = false;
  worker.on('message', (message: { error?: string }) => {
    // A failed checkpoint (a full disk) is retried on the next tick; it is said once.
    if (message.error && !warned) {
      warned = true;
      console.warn(`[db] background checkpoint failed: ${message.error}`);
    }
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`thread exited with ${code}`));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

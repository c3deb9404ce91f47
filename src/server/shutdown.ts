import type { Worker } from '../modules/jobs/index.js';
import type { Http } from './http.js';

/** What a `kesu serve` or `kesu worker` process stops on SIGTERM/SIGINT. */
export interface Running {
  http?: Http;
  worker?: Worker | null;
  closeDatabase(): Promise<void>;
}

/** The part of the bound left to the forced exit once slow connections have been cut. */
const CUT_BEFORE_END_MS = 2_000;

/**
 * On SIGTERM or SIGINT: stop listening at once (new requests on open connections get 503, so a
 * readiness probe fails), hand running jobs back to the queue, let in-flight requests finish, and
 * exit. Idle connections close at once; connections still open (a slow upload) are cut shortly
 * before the bound, and the process exits within `seconds` whatever is left. A second signal
 * exits at once.
 */
export function shutDownOnSignals(running: Running, seconds: number): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      console.error(`kesu: ${signal} again, exiting now`);
      process.exit(1);
    }
    started = true;
    void shutDown(running, signal, seconds * 1000).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('kesu: shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

async function shutDown(running: Running, signal: NodeJS.Signals, boundMs: number): Promise<void> {
  const { http, worker } = running;
  console.error(`kesu: ${signal}: shutting down (at most ${boundMs / 1000} s)`);
  const forced = setTimeout(() => {
    console.error(`kesu: not stopped after ${boundMs / 1000} s (KESU_SHUTDOWN_SECONDS), exiting anyway`);
    process.exit(1);
  }, boundMs);
  const cut = setTimeout(
    () => {
      console.error('kesu: closing the connections still open');
      http?.server.closeAllConnections();
    },
    Math.max(boundMs - CUT_BEFORE_END_MS, boundMs / 2),
  );
  try {
    // Fastify stops listening, closes idle keep-alive connections and answers 503 meanwhile.
    await Promise.all([http?.close(), worker?.stop({ handBack: true })]);
    if (worker?.stats.handedBack)
      console.error(`kesu: ${worker.stats.handedBack} running job(s) handed back`);
    await running.closeDatabase();
  } finally {
    clearTimeout(cut);
    clearTimeout(forced);
  }
}

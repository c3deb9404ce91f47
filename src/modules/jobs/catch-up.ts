import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Tx } from '../../db/database.js';
import type { JobContext } from './define.js';

export interface CatchUpLimits {
  /** The fewest items one transaction follows: a busy server still gets on. */
  minBatch: number;
  /** The most items one transaction follows. */
  maxBatch: number;
  /**
   * How long one transaction should hold the database: on SQLite it holds the one connection, so
   * registrations wait behind it (ADR 0037). The batch is sized to fit.
   */
  txBudgetMs: number;
  /** How long one run keeps catching up before it leaves the rest to the next run. */
  runBudgetMs: number;
}

/**
 * A job that follows a log behind a watermark (the history, for the statistics and the early
 * warnings), in short transactions: `step` follows at most `batch` items and moves the watermark
 * with its effects, returning how many it followed. The batch halves when a transaction took longer
 * than the budget and doubles when it took under a third, and the requests that arrived meanwhile
 * get their turn before the next. A run cut short (time out, crash) loses nothing: the next run goes
 * on from the watermark.
 */
export async function catchUpInShortTransactions(
  ctx: JobContext,
  step: (tx: Tx, batch: number) => Promise<number>,
  limits: CatchUpLimits,
): Promise<void> {
  const started = performance.now();
  let batch = Math.min(limits.maxBatch, limits.minBatch * 4);
  while (!ctx.signal.aborted && performance.now() - started < limits.runBudgetMs) {
    let took = 0;
    const followed = await ctx.db.transaction().execute(async (tx) => {
      // The time it holds the database (on SQLite the commit may wait for others' work).
      const t0 = performance.now();
      const n = await step(tx, batch);
      took = performance.now() - t0;
      return n;
    });
    if (followed < batch) return;
    if (took > limits.txBudgetMs) batch = Math.max(limits.minBatch, batch >> 1);
    else if (took < limits.txBudgetMs / 3) batch = Math.min(limits.maxBatch, batch * 2);
    await yieldToRequests();
  }
}

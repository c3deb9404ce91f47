import type { Db, Tx } from '../../db/database.js';

/** The column's default too. */
export const DEFAULT_MAX_ATTEMPTS = 8;

export interface NewJob {
  /** The handler's name in the job registry, e.g. `sla.sweep` or `notify.send`. */
  kind: string;
  /** Any JSON value; the handler receives it parsed. Defaults to `{}`. */
  payload?: unknown;
  /** Epoch ms before which the job is not run; defaults to `now`. */
  runAt?: number;
  /** De-duplication key: while a job with this key exists, enqueueing the same key again does nothing. */
  key?: string;
  /** Attempts before the job is declared dead; default 8. */
  maxAttempts?: number;
}

/**
 * Add a job in the caller's transaction: it exists exactly when the change that causes it commits.
 * With a `key`, a second enqueue of the same key does nothing and returns null.
 */
export async function enqueue(tx: Tx | Db, job: NewJob, now: number): Promise<{ id: number } | null> {
  const row = await tx
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: job.payload === undefined ? '{}' : JSON.stringify(job.payload),
      state: 'pending',
      run_at: job.runAt ?? now,
      attempts: 0,
      max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      key: job.key ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: row.id } : null;
}

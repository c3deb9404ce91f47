import type { Static, TSchema } from 'typebox';
import type { Db, Tx } from '../../db/database.js';
import type { JobDefinition } from './define.js';

/** The column's default too. */
export const DEFAULT_MAX_ATTEMPTS = 8;

/** A job row to insert, of any kind: the untyped form under `enqueue` (cron slots and tests use it). */
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
 * Add a job row in the caller's transaction: it exists exactly when the change that causes it commits.
 * With a `key`, a second insert of the same key does nothing and returns null.
 */
export async function insertJob(tx: Tx | Db, job: NewJob, now: number): Promise<{ id: number } | null> {
  const row = await tx
    .insertInto('jobs')
    .values(jobRow(job, now))
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: row.id } : null;
}

/** The row of a new job. */
export function jobRow(job: NewJob, now: number) {
  return {
    kind: job.kind,
    payload: job.payload === undefined ? '{}' : JSON.stringify(job.payload),
    state: 'pending',
    run_at: job.runAt ?? now,
    attempts: 0,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    key: job.key ?? null,
    created_at: now,
  };
}

export interface EnqueueOptions {
  now: number;
  /** Epoch ms before which the job is not run; defaults to `now`. */
  runAt?: number;
  /** De-duplication key: while a job with this key exists, enqueueing the same key again does nothing. */
  key?: string;
}

/**
 * Queue a job of a declared kind in the caller's transaction; the payload must be of the kind's
 * schema type. The kind's `maxAttempts` is stored with the row. Returns null when `key` is taken.
 */
export function enqueue<S extends TSchema>(
  tx: Tx | Db,
  job: JobDefinition<S>,
  payload: NoInfer<Static<S>>,
  options: EnqueueOptions,
): Promise<{ id: number } | null> {
  const { now, runAt, key } = options;
  return insertJob(tx, { kind: job.kind, payload, runAt, key, maxAttempts: job.maxAttempts }, now);
}

import type { Static, TSchema } from 'typebox';
import { insertRows } from '../../db/batches.js';
import type { Tx } from '../../db/database.js';
import type { JobDefinition } from './define.js';
import { jobRow } from './enqueue.js';

/** One job of a batch: its payload, and optionally a run time and a de-duplication key. */
export interface BatchJob<P> {
  payload: P;
  runAt?: number;
  key?: string;
}

/**
 * enqueue for many jobs of one kind, in the caller's transaction, with multi-row inserts; as with
 * enqueue, a job whose `key` is taken is not added.
 */
export async function enqueueMany<S extends TSchema>(
  tx: Tx,
  job: JobDefinition<S>,
  jobs: ReadonlyArray<BatchJob<NoInfer<Static<S>>>>,
  now: number,
): Promise<void> {
  const rows = jobs.map((j) =>
    jobRow(
      { kind: job.kind, payload: j.payload, runAt: j.runAt, key: j.key, maxAttempts: job.maxAttempts },
      now,
    ),
  );
  await insertRows(tx, 'jobs', rows, 'on conflict ("key") do nothing');
}

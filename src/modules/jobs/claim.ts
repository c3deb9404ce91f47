import { type Db, isPostgres, type Tx } from '../../db/database.js';
import type { Job } from '../../db/schema.js';
import { type BackoffOptions, backoffDelay } from './backoff.js';

export type { Job };

/** The proof that a worker holds a job: its id, the worker and (optionally) the attempt it claimed. */
export interface JobLease {
  jobId: number;
  workerId: string;
  /** The `attempts` value of the claim; when given, a later claim of the same job by the same worker does not match. */
  attempts?: number;
}

/** The job is no longer held by this worker (its lease ran out and another worker took it, or it was failed). */
export class LeaseLostError extends Error {
  constructor(readonly jobId: number) {
    super(`job ${jobId}: lease lost, another worker holds the job now`);
    this.name = 'LeaseLostError';
  }
}

/** Thrown by a handler when retrying cannot help (bad payload, a record that no longer exists): the job dies at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

export interface ClaimOptions {
  workerId: string;
  /** At most this many jobs. */
  limit: number;
  now: number;
  /** How long the claim holds before another worker may take the job again. */
  leaseMs: number;
  /** Only these kinds (the worker passes the kinds it has handlers for); all kinds when absent. */
  kinds?: readonly string[];
}

/**
 * Atomically take due jobs: running ones whose lease ran out (their worker died mid-job) first, then
 * pending ones whose `run_at` has come, each in `(run_at, id)` order. Each taken job is `running`,
 * leased to `workerId` until `now + leaseMs`, with `attempts` counted up. PostgreSQL:
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)` lets concurrent claimers pass each other;
 * SQLite: the same UPDATE without the lock clause is atomic (one writer at a time).
 *
 * The two kinds of due job are taken by two statements rather than one with an OR, so that each
 * reads the (state, run_at) index in order instead of sorting every due row of a backlog.
 */
export async function claimJobs(db: Db, options: ClaimOptions): Promise<Job[]> {
  const { limit } = options;
  if (limit <= 0 || (options.kinds && options.kinds.length === 0)) return [];
  const expired = await claimWhere(db, options, 'running', limit);
  const pending =
    expired.length < limit ? await claimWhere(db, options, 'pending', limit - expired.length) : [];
  return [...expired, ...pending];
}

async function claimWhere(
  db: Db,
  { workerId, now, leaseMs, kinds }: ClaimOptions,
  state: 'pending' | 'running',
  limit: number,
): Promise<Job[]> {
  let due = db.selectFrom('jobs').select('id').where('state', '=', state);
  due = state === 'pending' ? due.where('run_at', '<=', now) : due.where('locked_until', '<', now);
  if (kinds) due = due.where('kind', 'in', kinds);
  due = due.orderBy('run_at').orderBy('id').limit(limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  const jobs = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      locked_by: workerId,
      locked_until: now + leaseMs,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return jobs.sort((a, b) => a.run_at - b.run_at || a.id - b.id);
}

/** Extend the leases of jobs this worker still runs (a heartbeat for jobs longer than the lease). */
export async function extendLeases(
  db: Db,
  {
    workerId,
    jobIds,
    now,
    leaseMs,
  }: { workerId: string; jobIds: readonly number[]; now: number; leaseMs: number },
): Promise<number> {
  if (jobIds.length === 0) return 0;
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: now + leaseMs })
    .where('id', 'in', jobIds)
    .where('locked_by', '=', workerId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Mark a job done; only the worker holding the lease may. Returns false when the lease was lost. */
export async function completeJob(db: Db | Tx, lease: JobLease, now: number): Promise<boolean> {
  const { jobId, workerId, attempts } = lease;
  let q = db
    .updateTable('jobs')
    .set({ state: 'done', finished_at: now, locked_until: null })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('state', '=', 'running');
  if (attempts !== undefined) q = q.where('attempts', '=', attempts);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Run `fn` in one transaction that also marks the job done, so that a job's database effects and
 * its completion commit together or not at all (exactly-once effects). The transaction first
 * re-asserts the lease with a write on the job row: on PostgreSQL that row lock keeps any other
 * worker from claiming the job until the transaction ends (their claim skips it); on SQLite it makes
 * the transaction a writer from its first statement. Throws LeaseLostError (nothing is written) when
 * the worker no longer holds the job.
 *
 * Inside `fn`, use `tx` only: on SQLite a query through the Db handle would wait for this transaction.
 */
export async function runInJobTransaction<T>(
  db: Db,
  lease: JobLease,
  now: number,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    let hold = tx
      .updateTable('jobs')
      .set({ locked_by: lease.workerId })
      .where('id', '=', lease.jobId)
      .where('locked_by', '=', lease.workerId)
      .where('state', '=', 'running');
    if (lease.attempts !== undefined) hold = hold.where('attempts', '=', lease.attempts);
    const held = await hold.executeTakeFirst();
    if (Number(held.numUpdatedRows) !== 1) throw new LeaseLostError(lease.jobId);
    const result = await fn(tx);
    await tx
      .updateTable('jobs')
      .set({ state: 'done', finished_at: now, locked_until: null })
      .where('id', '=', lease.jobId)
      .execute();
    return result;
  });
}

export type FailResult = { outcome: 'retry'; runAt: number } | { outcome: 'dead' } | { outcome: 'lost' };

export interface FailOptions {
  now: number;
  backoff?: BackoffOptions;
  /** The kind's limit from the registry; overrides the row's `max_attempts` when given. */
  maxAttempts?: number;
}

const MAX_ERROR_LENGTH = 8_000;

/** The text kept in `last_error`: the stack when there is one (it starts with the message). */
export function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.stack ?? `${error.name}: ${error.message}`;
  else if (typeof error === 'string') text = error;
  else {
    try {
      text = JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
  }
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

/**
 * A failed attempt: back to `pending` after an exponential backoff with jitter while attempts
 * remain, else `dead`; `last_error` keeps the error either way. A PermanentJobError dies at once.
 * Only the worker holding the lease (`job.locked_by`, same attempt) may fail the job: otherwise
 * nothing changes and the outcome is `lost`.
 */
export async function failJob(
  db: Db | Tx,
  job: Pick<Job, 'id' | 'attempts' | 'max_attempts' | 'locked_by'>,
  error: unknown,
  options: FailOptions,
): Promise<FailResult> {
  const { now } = options;
  if (job.locked_by === null) return { outcome: 'lost' };
  const maxAttempts = options.maxAttempts ?? job.max_attempts;
  const dead = error instanceof PermanentJobError || job.attempts >= maxAttempts;
  const runAt = now + backoffDelay(job.attempts, options.backoff);
  const last_error = describeError(error);
  const r = await db
    .updateTable('jobs')
    .set(
      dead
        ? { state: 'dead', last_error, finished_at: now, locked_until: null, max_attempts: maxAttempts }
        : {
            state: 'pending',
            run_at: runAt,
            last_error,
            locked_by: null,
            locked_until: null,
            max_attempts: maxAttempts,
          },
    )
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'running')
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return { outcome: 'lost' };
  return dead ? { outcome: 'dead' } : { outcome: 'retry', runAt };
}

/**
 * Hand a job this worker holds back to the queue (a shutdown stopped it): pending and due at once,
 * its lease released and the attempt not counted. Returns false when the lease was lost meanwhile.
 */
export async function releaseJob(db: Db | Tx, lease: Required<JobLease>, now: number): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'pending',
      run_at: now,
      locked_by: null,
      locked_until: null,
      attempts: eb('attempts', '-', 1),
    }))
    .where('id', '=', lease.jobId)
    .where('locked_by', '=', lease.workerId)
    .where('state', '=', 'running')
    .where('attempts', '=', lease.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Job } from '../../db/schema.js';

/** What a handler gets: the application context plus the job it runs and its lease. */
export interface JobContext extends AppContext {
  job: Job;
  workerId: string;
  /** Aborted when the job times out; a long handler should check it and give up. */
  signal: AbortSignal;
  /**
   * Do the job's database work in one transaction that also marks the job done: the effects and
   * the completion commit together or not at all, so a DB-only job takes effect exactly once even
   * when workers die or leases run out. Call it at most once, as the handler's last step (side
   * effects such as sending mail go before it: they are at-least-once). Throws LeaseLostError when
   * another worker has taken the job. Inside `fn`, use `tx` only, never `ctx.db`.
   * A handler that does not call it has its job completed by the worker when it returns.
   */
  runInJobTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export type JobHandler = (ctx: JobContext, payload: unknown, job: Job) => Promise<void>;

export interface JobOptions {
  /** Attempts before the job is dead; overrides the row's `max_attempts` (set at enqueue, default 8). */
  maxAttempts?: number;
  /** The handler is abandoned (and the attempt failed) after this long; default 10 minutes. */
  timeoutMs?: number;
}

export interface JobDefinition {
  kind: string;
  handler: JobHandler;
  maxAttempts: number | undefined;
  timeoutMs: number;
}

/** A job enqueued at every multiple of `everyMs` (UTC epoch), at most once per slot across all processes. */
export interface CronEntry {
  name: string;
  everyMs: number;
  kind: string;
  payload?: unknown;
}

export const DEFAULT_JOB_TIMEOUT_MS = 10 * 60_000;

export interface JobRegistry {
  registerJob(kind: string, handler: JobHandler, options?: JobOptions): JobRegistry;
  registerCron(entry: CronEntry): JobRegistry;
  get(kind: string): JobDefinition | undefined;
  /** Every kind with a handler: the worker claims only these. */
  kinds(): string[];
  cronEntries(): readonly CronEntry[];
}

/** A fresh registry; the application builds one listing every job, tests build their own. */
export function createJobRegistry(): JobRegistry {
  const jobs = new Map<string, JobDefinition>();
  const crons = new Map<string, CronEntry>();
  const registry: JobRegistry = {
    registerJob(kind, handler, options = {}) {
      if (!kind) throw new Error('a job kind is required');
      if (jobs.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
      if (
        options.maxAttempts !== undefined &&
        !(Number.isInteger(options.maxAttempts) && options.maxAttempts >= 1)
      )
        throw new Error(`job kind ${kind}: maxAttempts must be a positive integer`);
      const timeoutMs = options.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
      if (!(timeoutMs > 0)) throw new Error(`job kind ${kind}: timeoutMs must be positive`);
      jobs.set(kind, { kind, handler, maxAttempts: options.maxAttempts, timeoutMs });
      return registry;
    },
    registerCron(entry) {
      if (crons.has(entry.name)) throw new Error(`cron entry ${entry.name} is registered twice`);
      if (!(Number.isInteger(entry.everyMs) && entry.everyMs >= 1000))
        throw new Error(`cron entry ${entry.name}: everyMs must be an integer of at least 1000`);
      crons.set(entry.name, { ...entry });
      return registry;
    },
    get: (kind) => jobs.get(kind),
    kinds: () => [...jobs.keys()],
    cronEntries: () => [...crons.values()],
  };
  return registry;
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppContext } from '../../context.js';
import { storageFault } from '../../db/db-errors.js';
import type { Job } from '../../db/schema.js';
import { jobRunsTotal } from '../../lib/process-metrics.js';
import { runInContext } from '../../lib/request-context.js';
import type { BackoffOptions } from './backoff.js';
import {
  claimJobs,
  completeJob,
  extendLeases,
  failJob,
  type JobLease,
  LeaseLostError,
  PermanentJobError,
  releaseJob,
  runInJobTransaction,
} from './claim.js';
import { scheduleDueCron } from './cron.js';
import type { JobContext, JobDefinition } from './define.js';
import { pruneHeartbeats, writeHeartbeat } from './heartbeat.js';
import type { JobRegistry } from './registry.js';

/** How long the heartbeat row of a silent worker is kept (health pages show workers seen since). */
const HEARTBEAT_KEPT_MS = 24 * 60 * 60 * 1000;

/** What a worker reports; the default reporter writes failures to stderr. */
export type WorkerEvent =
  | { type: 'done'; job: Job }
  | { type: 'retry'; job: Job; error: unknown; runAt: number }
  | { type: 'dead'; job: Job; error: unknown }
  /** The job was taken by another worker (this one's lease ran out) or failed meanwhile; nothing of this attempt counts. */
  | { type: 'lost'; job: Job; error?: unknown }
  /** Stopped by a shutdown before it finished: back in the queue at once, the attempt not counted. */
  | { type: 'handed_back'; job: Job }
  /** An error outside any handler (database unreachable …), or a handler that failed after its job committed. */
  | { type: 'error'; error: unknown; job?: Job }
  /** The database stopped answering: reported once, then the worker polls less often until it answers. */
  | { type: 'outage'; error: unknown }
  /** The database answers again after an outage of `downMs`. */
  | { type: 'resumed'; downMs: number };

export interface WorkerOptions {
  /** Identifies the lease holder; default `<host>:<pid>:<random>`. */
  workerId?: string;
  /** Jobs run at the same time (default 4). */
  concurrency?: number;
  /** Sleep between polls when there is nothing to do (default 500 ms). */
  pollMs?: number;
  /** How long a claim holds; a running job's lease is renewed every third of it (default 60 s). */
  leaseMs?: number;
  /** Jobs claimed per query (default: the free slots, at most `concurrency`). */
  batch?: number;
  backoff?: BackoffOptions;
  /** How often the poll loop records its heartbeat in the database (default 5 s). */
  heartbeatMs?: number;
  onEvent?: (event: WorkerEvent) => void;
}

export interface WorkerStats {
  done: number;
  retried: number;
  dead: number;
  lost: number;
  handedBack: number;
  errors: number;
}

export interface StopOptions {
  /**
   * Shutting down: abort the running jobs (their `signal`) and hand them back to the queue at once,
   * lease released and attempt not counted, instead of waiting for them to finish.
   */
  handBack?: boolean;
}

export interface Worker {
  readonly workerId: string;
  readonly stats: Readonly<WorkerStats>;
  /**
   * Stop claiming, then wait for the running jobs (each at most its kind's timeout) or, with
   * `handBack`, hand them back to the queue; release the timers.
   */
  stop(options?: StopOptions): Promise<void>;
  /** Resolves once the worker has found nothing due and nothing running (for tests and the CLI). */
  drain(): Promise<void>;
}

export const defaultWorkerId = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

function defaultReporter(event: WorkerEvent): void {
  if (event.type === 'done') return;
  if (event.type === 'handed_back') {
    console.error(`[jobs] job ${event.job.id} (${event.job.kind}) handed back to the queue: shutting down`);
    return;
  }
  const job = 'job' in event && event.job ? ` job ${event.job.id} (${event.job.kind})` : '';
  const error = 'error' in event && event.error !== undefined ? event.error : '';
  if (event.type === 'resumed') console.error(`[jobs] the database answers again after ${event.downMs} ms`);
  else if (event.type === 'outage')
    console.error('[jobs] the database is unavailable; polling less often until it answers:', event.error);
  else if (event.type === 'retry')
    console.error(`[jobs]${job} failed, retry at ${new Date(event.runAt).toISOString()}:`, error);
  else console.error(`[jobs]${job} ${event.type}:`, error);
}

class JobTimeoutError extends Error {
  constructor(ms: number) {
    super(`job timed out after ${ms} ms`);
    this.name = 'JobTimeoutError';
  }
}

/** The abort reason of a job stopped by a shutdown. */
class HandBack extends Error {
  constructor() {
    super('the worker is shutting down');
    this.name = 'HandBack';
  }
}

class JobWorker implements Worker {
  readonly workerId: string;
  readonly stats: WorkerStats = { done: 0, retried: 0, dead: 0, lost: 0, handedBack: 0, errors: 0 };
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly report: (event: WorkerEvent) => void;
  /** Running attempts by a per-worker sequence number (the same job may, rarely, be claimed again). */
  private readonly running = new Map<
    number,
    { jobId: number; done: Promise<void>; controller: AbortController }
  >();
  private sequence = 0;
  /** Jobs inside their own transaction: its row lock (PostgreSQL) or write lock (SQLite) holds them. */
  private readonly inTransaction = new Set<number>();
  private readonly cronSeen = new Map<string, number>();
  private readonly drainWaiters: Array<{ after: number; resolve: () => void }> = [];
  private readonly heartbeat: NodeJS.Timeout;
  private heartbeatBusy = false;
  private iteration = 0;
  private stopping = false;
  private handingBack = false;
  private wake: (() => void) | null = null;
  /** A wake-up that came while the loop was not sleeping: the next sleep returns at once. */
  private woken = false;
  private readonly loop: Promise<void>;
  private stopped: Promise<void> | null = null;
  private readonly startedAt: number;
  private lastBeat = Number.NEGATIVE_INFINITY;
  /** Since when the database has not answered the poll loop, and how many polls failed since. */
  private outage: { since: number; failures: number } | null = null;
  /** Failed attempts whose failure could not be recorded during an outage: recorded once it ends. */
  private readonly unsettled: Array<{ job: Job; error: unknown }> = [];

  constructor(
    private readonly app: AppContext,
    private readonly registry: JobRegistry,
    private readonly options: WorkerOptions,
  ) {
    this.workerId = options.workerId ?? defaultWorkerId();
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.pollMs = options.pollMs ?? 500;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batch = Math.max(1, options.batch ?? this.concurrency);
    this.report = options.onEvent ?? defaultReporter;
    this.startedAt = app.clock.now();
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(20, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.loop = this.run();
  }

  stop(options: StopOptions = {}): Promise<void> {
    if (options.handBack) {
      this.handingBack = true;
      for (const r of this.running.values()) r.controller.abort(new HandBack());
    }
    if (!this.stopped) {
      this.stopping = true;
      this.wakeUp();
      this.stopped = (async () => {
        await this.loop;
        await Promise.all([...this.running.values()].map((r) => r.done));
        clearInterval(this.heartbeat);
        for (const w of this.drainWaiters.splice(0)) w.resolve();
      })();
    }
    return this.stopped;
  }

  drain(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      this.drainWaiters.push({ after: this.iteration, resolve });
      this.wakeUp();
    });
  }

  private emit(event: WorkerEvent): void {
    if ('job' in event && event.type !== 'error')
      jobRunsTotal.inc({ kind: event.job.kind, outcome: event.type });
    if (event.type === 'done') this.stats.done++;
    else if (event.type === 'retry') this.stats.retried++;
    else if (event.type === 'dead') this.stats.dead++;
    else if (event.type === 'lost') this.stats.lost++;
    else if (event.type === 'handed_back') this.stats.handedBack++;
    else if (event.type !== 'resumed') this.stats.errors++;
    try {
      this.report(event);
    } catch {
      // a reporter's failure is not the worker's
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    if (wake) wake();
    else this.woken = true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || ms <= 0) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    const kinds = this.registry.kinds();
    while (!this.stopping) {
      const iteration = ++this.iteration;
      this.woken = false;
      let idle = false;
      let more = false;
      let failed = false;
      try {
        const now = this.app.clock.now();
        await scheduleDueCron(this.app.db, this.registry, now, this.cronSeen);
        const free = this.concurrency - this.running.size;
        if (free > 0) {
          const limit = Math.min(this.batch, free);
          const jobs = this.stopping
            ? []
            : await claimJobs(this.app.db, {
                workerId: this.workerId,
                limit,
                now,
                leaseMs: this.leaseMs,
                kinds,
              });
          for (const job of jobs) this.start(job);
          more = jobs.length === limit;
          idle = jobs.length === 0 && this.running.size === 0;
        }
        await this.beat(now);
        await this.endOutage();
      } catch (error) {
        failed = true;
        this.pollFailed(error);
      }
      if (idle) {
        for (let i = this.drainWaiters.length - 1; i >= 0; i--) {
          const w = this.drainWaiters[i];
          if (w && w.after < iteration) {
            this.drainWaiters.splice(i, 1);
            w.resolve();
          }
        }
      }
      // A full batch means more may be due: claim again at once if there is room.
      if (more && this.running.size < this.concurrency) continue;
      if (this.stopping) break;
      // A finishing job, drain() or stop() wakes the loop early.
      const hurry = !failed && this.drainWaiters.length > 0 && this.running.size === 0;
      await this.sleep(hurry ? 0 : this.pollPause());
    }
  }

  private async beat(now: number): Promise<void> {
    if (now - this.lastBeat < (this.options.heartbeatMs ?? 5000)) return;
    await writeHeartbeat(this.app.db, this.workerId, this.startedAt, now);
    // Once per start: the rows of workers gone for a day go, so the table stays as small as the fleet.
    if (this.lastBeat === Number.NEGATIVE_INFINITY)
      await pruneHeartbeats(this.app.db, now - HEARTBEAT_KEPT_MS);
    this.lastBeat = now;
  }

  /** An unreachable database is one outage, reported once; any other error is reported each time. */
  private pollFailed(error: unknown): void {
    if (storageFault(error) !== 'unavailable') {
      this.emit({ type: 'error', error });
      return;
    }
    if (this.outage) this.outage.failures++;
    else {
      this.outage = { since: Date.now(), failures: 1 };
      this.emit({ type: 'outage', error });
    }
  }

  /** During an outage the pause doubles with each failed poll, up to 5 s (or the poll interval if longer). */
  private pollPause(): number {
    if (!this.outage) return this.pollMs;
    return Math.min(this.pollMs * 2 ** this.outage.failures, Math.max(5000, this.pollMs));
  }

  private async endOutage(): Promise<void> {
    for (const { job, error } of this.unsettled.splice(0)) await this.recordFailure(job, error);
    if (!this.outage) return;
    this.emit({ type: 'resumed', downMs: Date.now() - this.outage.since });
    this.outage = null;
  }

  private start(job: Job): void {
    const seq = ++this.sequence;
    const controller = new AbortController();
    // Claimed while a shutdown began: straight back to the queue.
    if (this.handingBack) controller.abort(new HandBack());
    // The job's own id goes into the history events it writes, as a request's id does.
    const done = runInContext({ jobId: job.id }, () => this.execute(job, controller)).finally(() => {
      this.running.delete(seq);
      this.wakeUp();
    });
    this.running.set(seq, { jobId: job.id, done, controller });
  }

  private async renewLeases(): Promise<void> {
    if (this.heartbeatBusy) return;
    const ids = [...this.running.values()].map((r) => r.jobId).filter((id) => !this.inTransaction.has(id));
    if (ids.length === 0) return;
    this.heartbeatBusy = true;
    try {
      await extendLeases(this.app.db, {
        workerId: this.workerId,
        jobIds: ids,
        now: this.app.clock.now(),
        leaseMs: this.leaseMs,
      });
    } catch (error) {
      // An unreachable database is reported by the poll loop, once per outage.
      if (storageFault(error) !== 'unavailable') this.emit({ type: 'error', error });
    } finally {
      this.heartbeatBusy = false;
    }
  }

  private async execute(job: Job, controller: AbortController): Promise<void> {
    const definition = this.registry.get(job.kind);
    let committed = false;
    const lease = { jobId: job.id, workerId: this.workerId, attempts: job.attempts };
    const ctx: JobContext = {
      ...this.app,
      job,
      workerId: this.workerId,
      signal: controller.signal,
      runInJobTransaction: async (fn) => {
        if (controller.signal.aborted) throw new LeaseLostError(job.id);
        if (committed) throw new Error(`job ${job.id}: runInJobTransaction called twice`);
        this.inTransaction.add(job.id);
        try {
          const result = await runInJobTransaction(this.app.db, lease, this.app.clock.now(), fn);
          committed = true;
          return result;
        } finally {
          this.inTransaction.delete(job.id);
        }
      },
    };
    let work: Promise<void> | undefined;
    try {
      if (!definition) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      let payload: unknown;
      try {
        payload = JSON.parse(job.payload);
      } catch (error) {
        throw new PermanentJobError('payload is not JSON', { cause: error });
      }
      const invalid = definition.invalidPayload(payload);
      if (invalid) throw new PermanentJobError(`payload does not fit job kind ${job.kind}: ${invalid}`);
      if (controller.signal.reason instanceof HandBack) throw controller.signal.reason;
      work = definition.handler(ctx, payload, job);
      await this.withTimeout(definition, work, controller);
      if (!committed) {
        const ok = await completeJob(this.app.db, lease, this.app.clock.now());
        if (!ok) {
          this.emit({ type: 'lost', job });
          return;
        }
      }
      this.emit({ type: 'done', job });
    } catch (error) {
      controller.abort();
      if (committed) {
        this.emit({ type: 'done', job });
        this.emit({ type: 'error', error, job });
        return;
      }
      if (error instanceof LeaseLostError) {
        this.emit({ type: 'lost', job, error });
        return;
      }
      if (controller.signal.reason instanceof HandBack) {
        await this.handBack(job, lease, work, () => committed);
        return;
      }
      await this.recordFailure(job, error);
    }
  }

  /** Record a failed attempt: retried later with backoff, or dead after its last attempt. */
  private async recordFailure(job: Job, error: unknown): Promise<void> {
    try {
      const result = await failJob(this.app.db, job, error, {
        now: this.app.clock.now(),
        backoff: this.options.backoff,
        maxAttempts: this.registry.get(job.kind)?.maxAttempts,
      });
      if (result.outcome === 'retry') this.emit({ type: 'retry', job, error, runAt: result.runAt });
      else if (result.outcome === 'dead') this.emit({ type: 'dead', job, error });
      else this.emit({ type: 'lost', job, error });
    } catch (failError) {
      // The job stays leased to us: recorded when the database answers again (or, should this
      // worker die first, taken by another worker when the lease runs out).
      if (storageFault(failError) === 'unavailable') this.unsettled.push({ job, error });
      else this.emit({ type: 'error', error: failError, job });
    }
  }

  /**
   * A job stopped by a shutdown goes back to the queue, due at once and its attempt uncounted. A
   * handler inside its job transaction is let finish first: that transaction holds the job row.
   */
  private async handBack(
    job: Job,
    lease: Required<JobLease>,
    work: Promise<void> | undefined,
    committed: () => boolean,
  ): Promise<void> {
    if (this.inTransaction.has(job.id)) await work?.catch(() => undefined);
    if (committed()) {
      this.emit({ type: 'done', job });
      return;
    }
    try {
      const released = await releaseJob(this.app.db, lease, this.app.clock.now());
      this.emit(released ? { type: 'handed_back', job } : { type: 'lost', job });
    } catch (error) {
      // Still leased to us: when the lease runs out, a worker takes it again.
      this.emit({ type: 'error', error, job });
    }
  }

  private async withTimeout(
    definition: JobDefinition,
    work: Promise<void>,
    controller: AbortController,
  ): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new JobTimeoutError(definition.timeoutMs));
        controller.abort();
      }, definition.timeoutMs);
      // A shutdown does not wait for a handler that ignores its signal.
      onAbort = () => reject(controller.signal.reason);
      controller.signal.addEventListener('abort', onAbort, { once: true });
    });
    // An abandoned handler may still reject later; that must not surface as an unhandled rejection.
    work.catch(() => undefined);
    stopped.catch(() => undefined);
    try {
      await Promise.race([work, stopped]);
    } finally {
      clearTimeout(timer);
      if (onAbort) controller.signal.removeEventListener('abort', onAbort);
    }
  }
}

/** Start the job loop: schedule due cron slots, claim due jobs, run them (at most `concurrency` at once). */
export function startWorker(app: AppContext, registry: JobRegistry, options: WorkerOptions = {}): Worker {
  return new JobWorker(app, registry, options);
}

/** Process jobs until nothing is due and nothing runs, then stop; for tests and the CLI. */
export async function runDueJobs(
  app: AppContext,
  registry: JobRegistry,
  options: Omit<WorkerOptions, 'pollMs'> = {},
): Promise<WorkerStats> {
  const worker = new JobWorker(app, registry, { ...options, pollMs: 250 });
  try {
    await worker.drain();
  } finally {
    await worker.stop();
  }
  return { ...worker.stats };
}

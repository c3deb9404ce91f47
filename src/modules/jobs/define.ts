import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
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

export type JobHandler<P = unknown> = (ctx: JobContext, payload: P, job: Job) => Promise<void>;

export interface JobOptions {
  /** Attempts before the job is dead; overrides the row's `max_attempts` (set at enqueue, default 8). */
  maxAttempts?: number;
  /** The handler is abandoned (and the attempt failed) after this long; default 10 minutes. */
  timeoutMs?: number;
}

export const DEFAULT_JOB_TIMEOUT_MS = 10 * 60_000;

/** One kind of job, declared once: its name, the schema of its payload, its handler and limits. */
export interface JobDefinition<S extends TSchema = TSchema> {
  readonly kind: string;
  readonly payload: S;
  /** Method syntax on purpose: a registry holds definitions of any payload type. */
  handler(ctx: JobContext, payload: Static<S>, job: Job): Promise<void>;
  readonly maxAttempts: number | undefined;
  readonly timeoutMs: number;
  /** Null when `payload` fits the schema, else what is wrong with it (`/path: message; …`). */
  invalidPayload(payload: unknown): string | null;
}

export interface JobSpec<S extends TSchema> extends JobOptions {
  kind: string;
  /** The payload's schema, checked when the job is claimed; keep it compatible with rows already queued. */
  payload: S;
  handler: JobHandler<Static<S>>;
}

/**
 * Declare a job kind. `enqueue(tx, job, payload, …)` then only accepts payloads of the schema's
 * type, and the worker checks the stored payload against the schema before running the handler:
 * a payload that does not fit kills the job at once (retrying cannot help).
 */
export function defineJob<S extends TSchema>(spec: JobSpec<S>): JobDefinition<S> {
  const { kind, maxAttempts } = spec;
  if (!kind) throw new Error('a job kind is required');
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1))
    throw new Error(`job kind ${kind}: maxAttempts must be a positive integer`);
  const timeoutMs = spec.timeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new Error(`job kind ${kind}: timeoutMs must be positive`);
  let validator: ReturnType<typeof Compile<S>> | undefined;
  return {
    kind,
    payload: spec.payload,
    handler: spec.handler,
    maxAttempts,
    timeoutMs,
    invalidPayload(payload) {
      validator ??= Compile(spec.payload);
      if (validator.Check(payload)) return null;
      return validator
        .Errors(payload)
        .map((e) => `${e.instancePath || '/'}: ${e.message}`)
        .join('; ');
    },
  };
}

import { type TSchema, Type } from 'typebox';
import { defineJob, type JobDefinition, type JobHandler, type JobOptions } from './define.js';

/** A job enqueued at every multiple of `everyMs` (UTC epoch), at most once per slot across all processes. */
export interface CronEntry {
  name: string;
  everyMs: number;
  kind: string;
  payload?: unknown;
}

export interface JobRegistry {
  /** Add a job kind declared with defineJob. */
  register<S extends TSchema>(job: JobDefinition<S>): JobRegistry;
  /** Shorthand for a kind whose payload is free-form (tests, one-off kinds): no payload check. */
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
    register(job) {
      if (jobs.has(job.kind)) throw new Error(`job kind ${job.kind} is registered twice`);
      jobs.set(job.kind, job);
      return registry;
    },
    registerJob: (kind, handler, options = {}) =>
      // Free-form payload: the handler receives whatever JSON was queued.
      registry.register(defineJob({ kind, payload: Type.Unknown(), handler, ...options })),
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

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What ties a piece of work to its logs: the HTTP request's id, or the job being run. The server
 * and the job worker set it around their work; the history (audit module) copies it into every
 * event the work appends, so an operator can go from a log line to the history and back.
 */
export interface WorkContext {
  requestId?: string;
  jobId?: number;
}

const storage = new AsyncLocalStorage<WorkContext>();

/** Run `fn` (and everything it starts) inside `context`. */
export const runInContext = <T>(context: WorkContext, fn: () => T): T => storage.run(context, fn);

/** The context of the work running now; empty outside a request or job (CLI, tests). */
export const currentContext = (): WorkContext => storage.getStore() ?? {};

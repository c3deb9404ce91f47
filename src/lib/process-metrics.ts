import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Metrics of this process, counted where things happen (the job worker, the notice sender): one
 * registry per process, which `GET /metrics` of the server in the same process exposes beside the
 * figures it reads from the database at scrape time. Default collectors (CPU, memory, event loop,
 * handles) start with the first server that asks for them.
 */
export const processRegistry = new Registry();

export const jobRunsTotal = new Counter({
  name: 'kesu_job_runs_total',
  help: 'Job attempts run by this process, by kind and outcome (done, retry, dead, lost)',
  labelNames: ['kind', 'outcome'] as const,
  registers: [processRegistry],
});

export const noticeSendFailuresTotal = new Counter({
  name: 'kesu_notice_send_failures_total',
  help: 'Notices whose sending failed in this process, by channel; retryable failures are tried again',
  labelNames: ['channel', 'retryable'] as const,
  registers: [processRegistry],
});

let collecting = false;

/** Start the default process collectors once, however many servers the process builds (tests build many). */
export function collectProcessMetrics(): void {
  if (collecting) return;
  collecting = true;
  collectDefaultMetrics({ register: processRegistry });
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppContext } from '../context.js';
import { hasRole } from '../domain/actor.js';
import { forbidden, unauthenticated } from '../lib/errors.js';
import { collectProcessMetrics, processRegistry } from '../lib/process-metrics.js';
import { jobQueueCounts, oldestWaitingMs } from '../modules/jobs/index.js';
import { openBreachCounts } from '../modules/sla/index.js';
import type { Http } from './http.js';

export interface MetricsOptions {
  /** KESU_METRICS_TOKEN: a bearer token for the scraper. Without it, anonymous scrapes come only from loopback. */
  token?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
const isLoopback = (ip: string) => /^(127\.|::1$|::ffff:127\.)/.test(ip);

/** The metrics token, an admin's or auditor's API token, or (with no metrics token set) a scraper on this host. */
function authorise(req: FastifyRequest, token: string | undefined): void {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  if (bearer !== null && token && timingSafeEqual(digest(bearer), digest(token))) return;
  if (bearer !== null && req.actor) {
    if (hasRole(req.actor, 'admin', 'auditor')) return;
    throw forbidden('forbidden', { action: 'read_metrics' });
  }
  // req.ip is the visitor's address behind a trusted proxy, so a proxy on this host does not open the door.
  if (!token && bearer === null && isLoopback(req.ip)) return;
  throw unauthenticated();
}

/** Figures read from the database at scrape time, each with a query that an index answers. */
function databaseGauges(registry: Registry, app: AppContext): void {
  new Gauge({
    name: 'kesu_jobs',
    help: 'Jobs waiting (pending), running or dead, by kind and state',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await jobQueueCounts(app.db)) this.set({ kind: r.kind, state: r.state }, r.count);
    },
  });
  new Gauge({
    name: 'kesu_jobs_oldest_waiting_seconds',
    help: 'How long the oldest due job has waited for a worker',
    registers: [registry],
    async collect() {
      this.set((await oldestWaitingMs(app.db, app.clock.now())) / 1000);
    },
  });
  new Gauge({
    name: 'kesu_sla_open_breaches',
    help: 'Time limits breached and not yet met, by stage (complaints overdue now)',
    labelNames: ['stage'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await openBreachCounts(app.db)) this.set({ stage: r.stage }, r.count);
    },
  });
}

/**
 * Prometheus metrics at `GET /metrics` (text format, not in the API contract): requests and their
 * latency by route pattern, the job queue and open SLA breaches from the database, and this
 * process's own counters (jobs run, notices failed, CPU, memory, event loop).
 */
export function registerMetrics(http: Http, app: AppContext, options: MetricsOptions = {}): void {
  collectProcessMetrics();
  const registry = new Registry();
  const requests = new Counter({
    name: 'kesu_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'kesu_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route pattern and method',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  databaseGauges(registry, app);

  http.addHook('onResponse', async (req, reply) => {
    // The pattern, never the URL: numbers and tokens in paths would make a series per complaint.
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: req.method, status: String(reply.statusCode) });
    latency.observe({ route, method: req.method }, reply.elapsedTime / 1000);
  });
  http.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    authorise(req, options.token);
    const text = `${await processRegistry.metrics()}\n${await registry.metrics()}`;
    return reply.type(registry.contentType).send(text);
  });
}

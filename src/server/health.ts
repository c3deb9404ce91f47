import { statfs } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { pendingMigrations } from '../db/migrate.js';
import { lastHeartbeat } from '../modules/jobs/index.js';
import type { Http } from './http.js';

export interface HealthOptions {
  /** The job worker this process runs, whose heartbeat readiness requires; none: not checked. */
  workerId?: string;
  /** A heartbeat older than this means the worker's loop is stuck (default 30 s). */
  heartbeatMaxAgeMs?: number;
  /** Less free space than this where the data directory lives (evidence, SQLite) is not ready (default 16 MiB). */
  minFreeBytes?: number;
}

/** A check that does not answer within this long has failed (a load balancer must not hang on us). */
const CHECK_TIMEOUT_MS = 3000;

type Outcome = { ok: true; detail?: string } | { ok: false; detail: string };

async function within(check: () => Promise<Outcome>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      // The error's code only: the probe is public, and a message may name hosts and ports.
      check().catch((error: unknown) => ({
        ok: false as const,
        detail: String((error as { code?: unknown } | null)?.code ?? 'error'),
      })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/health/live`: the process answers (restart it if not). `/health/ready` (and `/health`): it can
 * serve — the database answers, its schema is current, and this process's job worker is alive.
 * 503 with the failed checks named. Outside the API contract, like any probe.
 */
export function registerHealth(http: Http, app: AppContext, options: HealthOptions = {}): void {
  const maxAge = options.heartbeatMaxAgeMs ?? 30_000;
  const minFree = options.minFreeBytes ?? 16 * 1024 * 1024;
  const checks: Array<[string, () => Promise<Outcome>]> = [
    [
      'database',
      async () => {
        await sql`select 1`.execute(app.db);
        return { ok: true };
      },
    ],
    [
      'migrations',
      async () => {
        const pending = await pendingMigrations(app.db);
        return pending.length ? { ok: false, detail: `pending: ${pending.join(', ')}` } : { ok: true };
      },
    ],
    [
      'storage',
      async () => {
        const fs = await statfs(app.config.dataDir);
        const free = fs.bavail * fs.bsize;
        return free >= minFree
          ? { ok: true }
          : { ok: false, detail: `${free} bytes free in the data directory` };
      },
    ],
  ];
  const { workerId } = options;
  if (workerId)
    checks.push([
      'worker',
      async () => {
        const at = await lastHeartbeat(app.db, workerId);
        const age = at === null ? null : app.clock.now() - at;
        return age !== null && age <= maxAge
          ? { ok: true }
          : { ok: false, detail: age === null ? 'no heartbeat yet' : `last heartbeat ${age} ms ago` };
      },
    ]);

  const ready = async (_req: FastifyRequest, reply: FastifyReply) => {
    const outcomes = await Promise.all(
      checks.map(async ([name, check]) => ({ name, ...(await within(check)) })),
    );
    const failed = outcomes.filter((o) => !o.ok).map((o) => o.name);
    reply.code(failed.length ? 503 : 200);
    return {
      status: failed.length ? 'unavailable' : 'ok',
      failed,
      checks: Object.fromEntries(outcomes.map(({ name, ...outcome }) => [name, outcome])),
    };
  };
  http.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  http.get('/health/ready', { schema: { hide: true } }, ready);
  http.get('/health', { schema: { hide: true } }, ready);
}

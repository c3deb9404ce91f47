import type { ActorContext } from '../../context.js';
import type { Db, Tx } from '../../db/database.js';
import type { Job } from '../../db/schema.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { requireAdmin } from '../org/index.js';
import type { JobListInput, JobView } from './schemas.js';
import { toJobView } from './view.js';

export interface JobList {
  items: JobView[];
  nextCursor: string | null;
}

const encodeCursor = (id: number) => Buffer.from(JSON.stringify([id])).toString('base64url');
function decodeCursor(value: string): number {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(c) && c.length === 1 && Number.isSafeInteger(c[0]) && c[0] > 0) return c[0] as number;
  } catch {}
  throw badRequest('validation_failed', [{ path: '/cursor', source: 'querystring', code: 'invalid_cursor' }]);
}

/** The job row, or undefined. */
export function findJob(db: Db | Tx, id: number): Promise<Job | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Jobs newest first, filtered by state (`failed` = pending after a failed attempt) and kind; admin only. */
export async function listJobs(ctx: ActorContext, input: JobListInput): Promise<JobList> {
  requireAdmin(ctx.actor);
  const limit = input.limit ?? 50;
  let q = ctx.db.selectFrom('jobs').selectAll();
  if (input.state === 'failed') q = q.where('state', '=', 'pending').where('last_error', 'is not', null);
  else if (input.state) q = q.where('state', '=', input.state);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.cursor) q = q.where('id', '<', decodeCursor(input.cursor));
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toJobView),
    nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
  };
}

/** One job; admin only; 404 `job_not_found`. */
export async function getJob(ctx: ActorContext, id: number): Promise<JobView> {
  requireAdmin(ctx.actor);
  const job = await findJob(ctx.db, id);
  if (!job) throw notFound('job_not_found', { id });
  return toJobView(job);
}

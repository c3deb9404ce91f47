import type { ActorContext } from '../../context.js';
import { conflict, notFound } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import { findJob } from './queries.js';
import type { JobView } from './schemas.js';
import { toJobView } from './view.js';

/**
 * An admin sends a dead job, or a failed one waiting for its retry, back to run now with its
 * attempts reset. Who did it, and the state and error it had, go to the audit log (stream `job`).
 * 404 `job_not_found`; 409 `job_not_retryable` for a job that is running, done or never failed.
 */
export async function retryJob(ctx: ActorContext, id: number): Promise<JobView> {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const job = await tx.selectFrom('jobs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!job) throw notFound('job_not_found', { id });
    const failed = job.state === 'pending' && job.last_error !== null;
    if (job.state !== 'dead' && !failed) throw conflict('job_not_retryable', { id, state: job.state });
    await tx
      .updateTable('jobs')
      .set({
        state: 'pending',
        run_at: now,
        attempts: 0,
        last_error: null,
        locked_by: null,
        locked_until: null,
        finished_at: null,
      })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, {
      streamType: 'job',
      streamId: id,
      actorId: ctx.actor.userId,
      at: now,
      kind: 'job_retried',
      data: {
        kind: job.kind,
        before: { state: job.state, attempts: job.attempts, lastError: job.last_error },
      },
    });
    const after = await findJob(tx, id);
    if (!after) throw notFound('job_not_found', { id });
    return toJobView(after);
  });
}

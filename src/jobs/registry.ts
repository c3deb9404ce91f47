import { TRAIN_FROM_COMPLAINTS_JOB, trainFromComplaints } from '../modules/classifier/index.js';
import { CLOSE_UNREACHABLE_JOB, closeIfUnreachable } from '../modules/complaints/contact-customer.js';
import { createJobRegistry, type JobRegistry, pruneJobs } from '../modules/jobs/index.js';
import { MAIL_POLL_JOB, MIN_POLL_SECONDS, pollMailbox } from '../modules/mail/index.js';
import { SEND_NOTICE_JOB } from '../modules/notify/index.js';
import { sendNotice } from '../modules/notify/send-notice.js';
import { sweepBreaches, sweepReminders } from '../modules/sla/sweep.js';

export const SLA_SWEEP_JOB = 'sla.sweep';
export const PRUNE_JOBS_JOB = 'jobs.prune';
const KEEP_DONE_JOBS_MS = 7 * 24 * 3600_000;

/** Every job Kesu runs, and its timetable. `kesu worker` and the worker inside `kesu serve` use this. */
export function kesuJobs(): JobRegistry {
  return createJobRegistry()
    .registerJob(SEND_NOTICE_JOB, async (ctx, payload) =>
      sendNotice(ctx, (payload as { notificationId: number }).notificationId),
    )
    .registerJob(
      SLA_SWEEP_JOB,
      async (ctx) => {
        await sweepReminders(ctx);
        await sweepBreaches(ctx);
      },
      // A missed sweep is made up by the next slot; no point piling up retries.
      { maxAttempts: 2 },
    )
    .registerJob(CLOSE_UNREACHABLE_JOB, async (ctx, payload) => {
      const p = payload as { complaintId: number; attemptAt: number };
      await closeIfUnreachable(ctx, p.complaintId, p.attemptAt);
    })
    .registerJob(PRUNE_JOBS_JOB, async (ctx) => {
      await pruneJobs(ctx.db, ctx.clock.now() - KEEP_DONE_JOBS_MS);
    })
    .registerJob(
      MAIL_POLL_JOB,
      async (ctx, _payload, job) => {
        // A retry polls at once; a cron tick polls when the admin's interval (pollSeconds) has passed.
        await pollMailbox(ctx, { force: job.attempts > 1, signal: ctx.signal });
      },
      // An outage fails the poll: retried with backoff, and the next ticks keep trying after that.
      { maxAttempts: 4, timeoutMs: 5 * 60_000 },
    )
    .registerJob(
      TRAIN_FROM_COMPLAINTS_JOB,
      async (ctx, payload) => {
        const p = payload as { model: string; by: number | null };
        await trainFromComplaints(ctx, p.model, p.by);
      },
      { maxAttempts: 2, timeoutMs: 30 * 60_000 },
    )
    .registerCron({ name: 'sla-sweep', everyMs: 30_000, kind: SLA_SWEEP_JOB })
    .registerCron({ name: 'mail-poll', everyMs: MIN_POLL_SECONDS * 1000, kind: MAIL_POLL_JOB })
    .registerCron({ name: 'prune-jobs', everyMs: 3600_000, kind: PRUNE_JOBS_JOB });
}

import { CLOSE_UNREACHABLE_JOB, closeIfUnreachable } from '../modules/complaints/contact-customer.js';
import { createJobRegistry, type JobRegistry } from '../modules/jobs/index.js';
import { SEND_NOTICE_JOB } from '../modules/notify/index.js';
import { sendNotice } from '../modules/notify/send-notice.js';
import { sweepBreaches, sweepReminders } from '../modules/sla/sweep.js';

export const SLA_SWEEP_JOB = 'sla.sweep';

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
    .registerCron({ name: 'sla-sweep', everyMs: 30_000, kind: SLA_SWEEP_JOB });
}

import { Type } from 'typebox';
import { sweepOverdueAppeals } from '../modules/appeals/index.js';
import { verifyHistoryJob } from '../modules/audit/index.js';
import {
  BACKUP_SCHEDULE_EVERY_MS,
  BACKUP_SCHEDULE_JOB,
  backupScheduleJob,
  createBackupJob,
} from '../modules/backup/index.js';
import { trainFromComplaintsJob } from '../modules/classifier/index.js';
import { closeUnreachableJob } from '../modules/complaints/index.js';
import {
  ACTION_REMINDERS_EVERY_MS,
  ACTION_REMINDERS_JOB,
  actionRemindersJob,
} from '../modules/corrective-actions/index.js';
import {
  REFRESH_FORECASTS_EVERY_MS,
  REFRESH_FORECASTS_JOB,
  refreshForecastsJob,
} from '../modules/forecast/index.js';
import { createJobRegistry, defineJob, type JobRegistry, pruneJobs } from '../modules/jobs/index.js';
import { MAIL_POLL_JOB, MIN_POLL_SECONDS, pollMailbox } from '../modules/mail/index.js';
import { sendNoticeJob } from '../modules/notify/index.js';
import { pruneSignInThrottles } from '../modules/org/index.js';
import {
  generateReportJob,
  REPORTS_SCHEDULE_EVERY_MS,
  SCHEDULE_REPORTS_JOB,
  scheduleReportsJob,
} from '../modules/reports/index.js';
import { sweepBreaches, sweepProgressNotices, sweepReminders } from '../modules/sla/index.js';
import { FOLLOW_EVERY_MS, FOLLOW_HISTORY_JOB, followHistoryJob } from '../modules/stats/index.js';
import { REFRESH_TOPICS_EVERY_MS, REFRESH_TOPICS_JOB, refreshTopicsJob } from '../modules/topics/index.js';
import {
  FOLLOW_EVENTS_EVERY_MS,
  FOLLOW_EVENTS_JOB,
  followEventsJob,
  NEAR_BREACH_EVERY_MS,
  NEAR_BREACH_JOB,
  nearBreachJob,
  SPIKES_EVERY_MS,
  SPIKES_JOB,
  spikesJob,
} from '../modules/warnings/index.js';
import {
  DISPATCH_EVERY_MS,
  DISPATCH_WEBHOOKS_JOB,
  deliverWebhookJob,
  dispatchWebhooksJob,
} from '../modules/webhooks/index.js';

export const SLA_SWEEP_JOB = 'sla.sweep';
export const PRUNE_JOBS_JOB = 'jobs.prune';
const KEEP_DONE_JOBS_MS = 7 * 24 * 3600_000;

/** The jobs the cron entries below queue: they take no payload (`{}`). */
const NO_PAYLOAD = Type.Object({});

export const slaSweepJob = defineJob({
  kind: SLA_SWEEP_JOB,
  payload: NO_PAYLOAD,
  handler: async (ctx) => {
    await sweepReminders(ctx);
    await sweepBreaches(ctx);
    await sweepProgressNotices(ctx);
  },
  // A missed sweep is made up by the next slot; no point piling up retries.
  maxAttempts: 2,
});

export const APPEALS_SWEEP_JOB = 'appeals.sweep';
export const appealsSweepJob = defineJob({
  kind: APPEALS_SWEEP_JOB,
  payload: NO_PAYLOAD,
  handler: async (ctx) => {
    await sweepOverdueAppeals(ctx);
  },
  maxAttempts: 2,
});

export const pruneJobsJob = defineJob({
  kind: PRUNE_JOBS_JOB,
  payload: NO_PAYLOAD,
  handler: async (ctx) => {
    await pruneJobs(ctx.db, ctx.clock.now() - KEEP_DONE_JOBS_MS);
  },
});

export const PRUNE_SIGN_IN_JOB = 'org.prune-sign-in';
export const pruneSignInJob = defineJob({
  kind: PRUNE_SIGN_IN_JOB,
  payload: NO_PAYLOAD,
  handler: async (ctx) => {
    await pruneSignInThrottles(ctx.db, ctx.clock.now());
  },
});

export const mailPollJob = defineJob({
  kind: MAIL_POLL_JOB,
  payload: NO_PAYLOAD,
  handler: async (ctx, _payload, job) => {
    // A retry polls at once; a cron tick polls when the admin's interval (pollSeconds) has passed.
    await pollMailbox(ctx, { force: job.attempts > 1, signal: ctx.signal });
  },
  // An outage fails the poll: retried with backoff, and the next ticks keep trying after that.
  maxAttempts: 4,
  timeoutMs: 5 * 60_000,
});

/** Every job Kesu runs, and its timetable. `kesu worker` and the worker inside `kesu serve` use this. */
export function kesuJobs(): JobRegistry {
  return createJobRegistry()
    .register(sendNoticeJob)
    .register(slaSweepJob)
    .register(closeUnreachableJob)
    .register(pruneJobsJob)
    .register(pruneSignInJob)
    .register(mailPollJob)
    .register(trainFromComplaintsJob)
    .register(dispatchWebhooksJob)
    .register(deliverWebhookJob)
    .register(backupScheduleJob)
    .register(createBackupJob)
    .register(verifyHistoryJob)
    .register(actionRemindersJob)
    .register(appealsSweepJob)
    .register(followHistoryJob)
    .register(scheduleReportsJob)
    .register(generateReportJob)
    .register(refreshTopicsJob)
    .register(refreshForecastsJob)
    .register(spikesJob)
    .register(followEventsJob)
    .register(nearBreachJob)
    .registerCron({ name: 'sla-sweep', everyMs: 30_000, kind: SLA_SWEEP_JOB })
    .registerCron({ name: 'mail-poll', everyMs: MIN_POLL_SECONDS * 1000, kind: MAIL_POLL_JOB })
    .registerCron({ name: 'appeals-sweep', everyMs: 300_000, kind: APPEALS_SWEEP_JOB })
    .registerCron({ name: 'prune-jobs', everyMs: 3600_000, kind: PRUNE_JOBS_JOB })
    .registerCron({ name: 'webhooks-dispatch', everyMs: DISPATCH_EVERY_MS, kind: DISPATCH_WEBHOOKS_JOB })
    .registerCron({ name: 'stats-follow', everyMs: FOLLOW_EVERY_MS, kind: FOLLOW_HISTORY_JOB })
    .registerCron({
      name: 'reports-schedule',
      everyMs: REPORTS_SCHEDULE_EVERY_MS,
      kind: SCHEDULE_REPORTS_JOB,
    })
    .registerCron({ name: 'topics-refresh', everyMs: REFRESH_TOPICS_EVERY_MS, kind: REFRESH_TOPICS_JOB })
    .registerCron({
      name: 'forecast-refresh',
      everyMs: REFRESH_FORECASTS_EVERY_MS,
      kind: REFRESH_FORECASTS_JOB,
    })
    .registerCron({ name: 'prune-sign-in', everyMs: 3600_000, kind: PRUNE_SIGN_IN_JOB })
    .registerCron({ name: 'backup-schedule', everyMs: BACKUP_SCHEDULE_EVERY_MS, kind: BACKUP_SCHEDULE_JOB })
    .registerCron({
      name: 'corrective-action-reminders',
      everyMs: ACTION_REMINDERS_EVERY_MS,
      kind: ACTION_REMINDERS_JOB,
    })
    .registerCron({ name: 'warnings-spikes', everyMs: SPIKES_EVERY_MS, kind: SPIKES_JOB })
    .registerCron({ name: 'warnings-follow', everyMs: FOLLOW_EVENTS_EVERY_MS, kind: FOLLOW_EVENTS_JOB })
    .registerCron({ name: 'warnings-near-breach', everyMs: NEAR_BREACH_EVERY_MS, kind: NEAR_BREACH_JOB });
}

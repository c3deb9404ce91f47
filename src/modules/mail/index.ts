export { MailboxUnavailableError, type PollResult, pollMailbox } from './poll-mailbox.js';
export type { MailIntakeState } from './queries.js';
export { MIN_POLL_SECONDS } from './settings.js';

/** The job that polls the complaint mailbox; its cron ticks every MIN_POLL_SECONDS, the poll honours `pollSeconds`. */
export const MAIL_POLL_JOB = 'mail.poll';

import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { queueNotice } from '../notify/index.js';

/**
 * How the mailbox polls are going, kept in the settings table under its own key. It is operational
 * state rather than configuration, so it is written directly, without a `setting_changed` event.
 */
export const MAIL_STATUS_SETTING = 'mail_intake_status';

/** Consecutive failed polls after which the admins get an in-app notice (once per outage). */
export const OUTAGE_NOTICE_AFTER = 3;
/** How long a poll holds the mailbox against other workers' polls (a crashed poll frees it then). */
const POLL_LEASE_MS = 5 * 60_000;

export interface PollSummary {
  /** New complaints registered from mail. */
  complaints: number;
  /** Replies added to existing complaints as customer messages. */
  messages: number;
  /** Mail already taken in before (committed, then not flagged: a crash), now only flagged. */
  alreadyTaken: number;
  /** Mail that could not be taken in (left unprocessed on the server), with why. */
  failed: Array<{ uid: number; code: string }>;
}

export interface MailIntakeStatus {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  lastError: { code: string; message: string; at: number } | null;
  consecutiveFailures: number;
  outageNoticeSent: boolean;
  /** A poll is running until then (its lease). */
  runningUntil: number | null;
  /** The highest UID taken in, so that mail somebody read in a mail client before the poll is not missed. */
  mark: { mailbox: string; uidValidity: string; lastUid: number } | null;
  lastPoll: (PollSummary & { at: number }) | null;
}

const EMPTY: MailIntakeStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  consecutiveFailures: 0,
  outageNoticeSent: false,
  runningUntil: null,
  mark: null,
  lastPoll: null,
};

async function lockStatus(tx: Tx, now: number): Promise<MailIntakeStatus> {
  await tx
    .insertInto('settings')
    .values({ key: MAIL_STATUS_SETTING, value: JSON.stringify(EMPTY), updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await tx
    .selectFrom('settings')
    .select('value')
    .where('key', '=', MAIL_STATUS_SETTING)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { ...EMPTY, ...(JSON.parse(row.value) as Partial<MailIntakeStatus>) };
}

const saveStatus = (tx: Tx, status: MailIntakeStatus, now: number) =>
  tx
    .updateTable('settings')
    .set({ value: JSON.stringify(status), updated_at: now })
    .where('key', '=', MAIL_STATUS_SETTING)
    .execute();

export async function readMailStatus(app: AppContext): Promise<MailIntakeStatus> {
  const row = await app.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', MAIL_STATUS_SETTING)
    .executeTakeFirst();
  return { ...EMPTY, ...(row ? (JSON.parse(row.value) as Partial<MailIntakeStatus>) : {}) };
}

/**
 * Take the poll lease: `busy` when another poll holds it, `not_due` (unless `force`) when the last
 * poll began less than `everyMs` ago. Returns the status as it was, for its UID mark.
 */
export async function beginPoll(
  app: AppContext,
  options: { everyMs: number; force: boolean },
): Promise<MailIntakeStatus | 'busy' | 'not_due'> {
  const now = app.clock.now();
  return app.db.transaction().execute(async (tx) => {
    const status = await lockStatus(tx, now);
    if (status.runningUntil !== null && status.runningUntil > now) return 'busy';
    if (!options.force && status.lastAttemptAt !== null && now - status.lastAttemptAt < options.everyMs)
      return 'not_due';
    await saveStatus(tx, { ...status, lastAttemptAt: now, runningUntil: now + POLL_LEASE_MS }, now);
    return status;
  });
}

export async function pollSucceeded(
  app: AppContext,
  summary: PollSummary,
  mark: MailIntakeStatus['mark'],
): Promise<void> {
  const now = app.clock.now();
  await app.db.transaction().execute(async (tx) => {
    const status = await lockStatus(tx, now);
    await saveStatus(
      tx,
      {
        ...status,
        lastSuccessAt: now,
        consecutiveFailures: 0,
        outageNoticeSent: false,
        runningUntil: null,
        mark: mark ?? status.mark,
        lastPoll: { ...summary, at: now },
      },
      now,
    );
  });
}

/** Count a failed poll; at the threshold, tell the admins in their inbox, once per outage. */
export async function pollFailed(
  app: AppContext,
  error: { code: string; message: string },
  mailbox: string,
): Promise<MailIntakeStatus> {
  const now = app.clock.now();
  return app.db.transaction().execute(async (tx) => {
    const before = await lockStatus(tx, now);
    const status: MailIntakeStatus = {
      ...before,
      lastError: { ...error, at: now },
      consecutiveFailures: before.consecutiveFailures + 1,
      runningUntil: null,
    };
    if (status.consecutiveFailures >= OUTAGE_NOTICE_AFTER && !status.outageNoticeSent) {
      await noticeAdmins(tx, { failures: status.consecutiveFailures, error, mailbox, now });
      status.outageNoticeSent = true;
    }
    await saveStatus(tx, status, now);
    return status;
  });
}

/** The poll stopped for a reason other than the mailbox (the database …): free the lease for the retry. */
export async function releasePoll(app: AppContext): Promise<void> {
  const now = app.clock.now();
  await app.db.transaction().execute(async (tx) => {
    const status = await lockStatus(tx, now);
    await saveStatus(tx, { ...status, runningUntil: null }, now);
  });
}

async function noticeAdmins(
  tx: Tx,
  {
    failures,
    error,
    mailbox,
    now,
  }: { failures: number; error: { code: string; message: string }; mailbox: string; now: number },
): Promise<void> {
  const admins = await tx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('user_roles.role', '=', 'admin')
    .where('users.active', '=', 1)
    .execute();
  await queueNotice(
    tx,
    {
      event: 'mail_intake_failing',
      complaintId: null,
      vars: { mailbox, failures, error: `${error.code}: ${error.message}` },
      targets: admins.map(({ id }) => ({ userId: id })),
    },
    now,
  );
}

import type { ImapFlow, SearchObject } from 'imapflow';
import type { ParsedMail } from 'mailparser';
import type { AppContext } from '../../context.js';
import { DomainError } from '../../lib/errors.js';
import { messageKey } from './mail-rules.js';
import {
  intakeCategory,
  isConfigured,
  type MailIntakeSettings,
  openPassword,
  readMailIntakeSettings,
} from './settings.js';
import {
  beginPoll,
  type MailIntakeStatus,
  type PollSummary,
  pollFailed,
  pollSucceeded,
  releasePoll,
} from './status.js';
import { type TakenIn, takeInMail } from './take-in-mail.js';

export type PollResult =
  | { polled: false; reason: 'disabled' | 'not_due' | 'busy' }
  | ({ polled: true } & PollSummary);

/** The mailbox could not be read (connection refused, login failed, timeout …): the poll fails and is retried. */
export class MailboxUnavailableError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`mailbox unavailable (${code}): ${message}`, options);
    this.name = 'MailboxUnavailableError';
  }
}

const CONNECT_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;
/** The cron ticks a little after each slot: a poll due within this runs now rather than a whole tick later. */
const EARLY_MS = 5_000;
/** Messages taken in per poll; the rest wait for the next one, so that a poll holds its lease briefly. */
const BATCH = 200;

/** A failure on Kesu's side of a poll (its database), told apart from the mailbox's failures. */
class KesuSideError extends Error {
  constructor(override readonly cause: unknown) {
    super('kesu side of the mail poll failed', { cause });
  }
}

const kesuSide = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    throw new KesuSideError(error);
  }
};

/** The admin-facing name of the mailbox (no password in it). */
const mailboxName = (s: MailIntakeSettings) => `${s.user ?? ''}@${s.host ?? ''}:${s.port}/${s.mailbox}`;

/**
 * One poll of the complaint mailbox. Each unprocessed mail is taken in (complaint or customer
 * message, committed with its receipt) and only then marked processed on the server: \Seen, or
 * moved to the processed folder. A crash in between leaves the mail unprocessed; the receipt makes
 * the next poll only mark it. A mailbox that cannot be read fails the poll (MailboxUnavailableError)
 * after recording it in the status; nothing is marked that was not committed.
 */
export async function pollMailbox(
  app: AppContext,
  options: { force?: boolean; signal?: AbortSignal } = {},
): Promise<PollResult> {
  const settings = await readMailIntakeSettings(app.db);
  if (!isConfigured(settings)) return { polled: false, reason: 'disabled' };
  const status = await beginPoll(app, {
    everyMs: settings.pollSeconds * 1000 - EARLY_MS,
    force: options.force ?? false,
  });
  if (typeof status === 'string') return { polled: false, reason: status };
  let summary: PollSummary;
  let mark: MailIntakeStatus['mark'];
  try {
    ({ summary, mark } = await readMailbox(app, settings, status.mark, options.signal));
  } catch (error) {
    if (error instanceof KesuSideError) {
      // Not the mailbox (the database …): free the lease; the job system retries.
      await releasePoll(app);
      throw error.cause;
    }
    const failure = describeMailboxError(error);
    await pollFailed(app, failure, mailboxName(settings));
    throw new MailboxUnavailableError(failure.code, failure.message, { cause: error });
  }
  await pollSucceeded(app, summary, mark);
  return { polled: true, ...summary };
}

async function readMailbox(
  app: AppContext,
  settings: MailIntakeSettings,
  previousMark: MailIntakeStatus['mark'],
  signal: AbortSignal | undefined,
): Promise<{ summary: PollSummary; mark: MailIntakeStatus['mark'] }> {
  const summary: PollSummary = { complaints: 0, messages: 0, alreadyTaken: 0, failed: [] };
  const categoryId = await kesuSide(() => intakeCategory(app.db, settings));
  // The IMAP client and the MIME parser are loaded when a mailbox is first read (tens of MiB).
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: settings.host ?? '',
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user ?? '', pass: openPassword(app, settings) },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  // Errors also surface from the awaited calls; without a listener an 'error' event would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw error;
  }
  try {
    if (settings.processedMailbox) await client.mailboxCreate(settings.processedMailbox);
    const lock = await client.getMailboxLock(settings.mailbox);
    try {
      const box = client.mailbox;
      if (!box) throw new Error(`mailbox ${settings.mailbox} is not selected`);
      const uidValidity = String(box.uidValidity);
      const markUid =
        previousMark?.mailbox === settings.mailbox && previousMark.uidValidity === uidValidity
          ? previousMark.lastUid
          : null;
      const todo = (await unprocessed(client, settings, markUid)).slice(0, BATCH);
      let lastUid = markUid ?? 0;
      for (const uid of todo) {
        if (signal?.aborted) break;
        const head = await client.fetchOne(String(uid), { uid: true, envelope: true }, { uid: true });
        if (!head) continue; // expunged meanwhile
        const key = messageKey(head.envelope?.messageId, { mailbox: settings.mailbox, uidValidity, uid });
        const taken = await takeIn(app, client, { key, uid, mailbox: settings.mailbox }, categoryId);
        lastUid = Math.max(lastUid, uid);
        if ('failed' in taken) {
          // Left unseen on the server: the next poll tries it again, and the status shows it.
          summary.failed.push({ uid, code: taken.failed });
          continue;
        }
        await markProcessed(client, uid, settings);
        if (taken.outcome === 'complaint') summary.complaints++;
        else if (taken.outcome === 'message') summary.messages++;
        else summary.alreadyTaken++;
      }
      return { summary, mark: { mailbox: settings.mailbox, uidValidity, lastUid } };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * UIDs of unprocessed mail, oldest first. With a processed folder: everything still in the mailbox.
 * Otherwise: unseen mail, and mail above the mark (new since the last poll, even if somebody has
 * read it in a mail client already).
 */
async function unprocessed(
  client: ImapFlow,
  settings: MailIntakeSettings,
  markUid: number | null,
): Promise<number[]> {
  const search = async (query: SearchObject) => (await client.search(query, { uid: true })) || [];
  if (settings.processedMailbox) return (await search({ all: true })).sort((a, b) => a - b);
  const uids = new Set(await search({ seen: false }));
  if (markUid !== null) {
    // `N:*` always matches the newest mail, even below N: keep only what is really above the mark.
    for (const uid of await search({ uid: `${markUid + 1}:*` })) if (uid > markUid) uids.add(uid);
  }
  return [...uids].sort((a, b) => a - b);
}

/** Download, parse and take in one mail; a mail Kesu cannot take in is reported, not retried in a loop. */
async function takeIn(
  app: AppContext,
  client: ImapFlow,
  place: { key: string; uid: number; mailbox: string },
  categoryId: number | null,
): Promise<TakenIn | { failed: string }> {
  const known = await kesuSide(() =>
    app.db
      .selectFrom('mail_receipts')
      .select('message_key')
      .where('message_key', '=', place.key)
      .executeTakeFirst(),
  );
  if (known) return { outcome: 'already_taken' };
  const message = await client.fetchOne(String(place.uid), { source: true }, { uid: true });
  const source = message ? message.source : undefined;
  if (!source) return { failed: 'mail_vanished' };
  let parsed: ParsedMail;
  try {
    const { simpleParser } = await import('mailparser');
    parsed = await simpleParser(source, { skipTextToHtml: true, skipTextLinks: true });
  } catch {
    return { failed: 'mail_unreadable' };
  }
  try {
    return await takeInMail(app, { ...place, parsed }, { categoryId });
  } catch (error) {
    // A mail that breaks a rule (no sender …) stays on the server for a person to look at.
    if (error instanceof DomainError) return { failed: error.code };
    throw new KesuSideError(error);
  }
}

async function markProcessed(client: ImapFlow, uid: number, settings: MailIntakeSettings): Promise<void> {
  await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  if (settings.processedMailbox) {
    const moved = await client.messageMove(String(uid), settings.processedMailbox, { uid: true });
    if (!moved) throw new MailboxUnavailableError('mailbox_move_failed', `could not move mail ${uid}`);
  }
}

/** What went wrong with the mailbox, for the status and the admins. */
function describeMailboxError(error: unknown): { code: string; message: string } {
  if (error instanceof MailboxUnavailableError) return { code: error.code, message: error.message };
  if (!(error instanceof Error)) return { code: 'mailbox_error', message: String(error) };
  const e = error as Error & {
    code?: string;
    authenticationFailed?: boolean;
    responseText?: string;
    mailboxMissing?: boolean;
  };
  const detail = e.responseText || e.message;
  if (e.authenticationFailed) return { code: 'mailbox_auth_failed', message: detail };
  if (e.mailboxMissing) return { code: 'mailbox_missing', message: detail };
  if (e.code === 'ECONNREFUSED') return { code: 'mailbox_connection_refused', message: detail };
  if (e.code && /TIMEOUT|TIMEDOUT/i.test(e.code)) return { code: 'mailbox_timeout', message: detail };
  if (e.code) return { code: 'mailbox_connection_failed', message: `${e.code}: ${detail}` };
  return { code: 'mailbox_error', message: detail };
}

import type { ParsedMail } from 'mailparser';
import type { ActorContext, AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import type { Complaint } from '../../db/schema.js';
import { badRequest, conflict, DomainError, serviceUnavailable } from '../../lib/errors.js';
import { appendEvent } from '../audit/index.js';
import { COMPLAINT_STREAM, registerComplaint } from '../complaints/index.js';
import { MAX_CONTENT, type RegisterInput } from '../complaints/schemas.js';
import { insertEvidence, type StoredContent, storeContent } from '../evidence/index.js';
import { insertMessage, messagesOpen } from '../messages/index.js';
import { systemActor } from '../org/index.js';
import { blindIndex, piiKeys } from '../privacy/index.js';
import {
  clip,
  complaintNumbersIn,
  htmlToText,
  mailLocale,
  senderName,
  withoutQuotedReply,
} from './mail-rules.js';

const MAX_TITLE = 200;
const MAX_NAME = 100;
const NO_SUBJECT = '邮件投诉（无主题）';
const NO_BODY = '（邮件无正文）';

/** One mail read from the mailbox, with where it was found. */
export interface IncomingMail {
  key: string;
  mailbox: string;
  uid: number;
  parsed: ParsedMail;
}

export type TakenIn =
  | { outcome: 'complaint' | 'message'; number: string }
  /** A receipt for the mail exists: it was committed before (and its flag was lost). */
  | { outcome: 'already_taken' };

/** An attachment left out (type not allowed, too large, empty); the mail itself is still taken in. */
interface Skipped {
  filename: string;
  code: string;
}

interface Attachments {
  stored: Array<{ filename: string; content: StoredContent }>;
  skipped: Skipped[];
}

const hasReceipt = async (app: AppContext, key: string) =>
  Boolean(
    await app.db
      .selectFrom('mail_receipts')
      .select('message_key')
      .where('message_key', '=', key)
      .executeTakeFirst(),
  );

/**
 * Take one mail in: a reply carrying the number of a complaint by the same sender becomes a customer
 * message on it; anything else a new complaint. Attachments become evidence. Everything, with the
 * mail's receipt, commits in one transaction; the caller flags the mail on the server only after.
 */
export async function takeInMail(
  app: AppContext,
  mail: IncomingMail,
  options: { categoryId: number | null },
): Promise<TakenIn> {
  if (await hasReceipt(app, mail.key)) return { outcome: 'already_taken' };
  const ctx: ActorContext = { ...app, actor: await systemActor(app.db, 'mailbox') };
  const from = mail.parsed.from?.value.find((a) => a.address);
  const address = from?.address?.trim();
  if (!address) throw badRequest('mail_sender_missing');
  const sender = { name: from?.name ?? '', address };
  const attachments = await storeAttachments(ctx, mail.parsed);
  try {
    const target = await replyTarget(ctx, mail.parsed.subject ?? '', address);
    if (target) {
      await addCustomerMessage(ctx, mail, target, attachments);
      return { outcome: 'message', number: target.number };
    }
    const { number } = await registerComplaint(ctx, complaintInput(ctx, mail.parsed, sender, options), {
      // The configured default category only when the classifier is not sure of one.
      categoryGivesWay: 'any',
      within: async (tx, complaint) => {
        await recordAttachments(tx, ctx, attachments, { complaintId: complaint.id });
        await insertReceipt(tx, ctx, mail, { complaintId: complaint.id, outcome: 'complaint' });
      },
    });
    return { outcome: 'complaint', number };
  } catch (error) {
    // Another poll took the same mail in at the same moment: its receipt won, ours rolled back.
    if (await hasReceipt(app, mail.key)) return { outcome: 'already_taken' };
    throw error;
  }
}

/** Stored before the transaction: content-addressed bytes are harmless if it then rolls back. */
async function storeAttachments(ctx: ActorContext, parsed: ParsedMail): Promise<Attachments> {
  const result: Attachments = { stored: [], skipped: [] };
  for (const [i, a] of parsed.attachments.entries()) {
    const filename = a.filename?.trim() || `attachment-${i + 1}`;
    try {
      const content = await storeContent(ctx, a.content, { filename, mediaType: a.contentType });
      result.stored.push({ filename, content });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.skipped.push({ filename, code: error.code });
    }
  }
  return result;
}

/**
 * The complaint a reply belongs to: its number is in the subject AND the sender is its complainant,
 * and it still takes messages (an archived complaint does not: the mail opens a new one).
 */
async function replyTarget(ctx: ActorContext, subject: string, address: string): Promise<Complaint | null> {
  const numbers = complaintNumbersIn(subject);
  if (numbers.length === 0) return null;
  // A number from a stranger opens a new complaint: nobody writes into someone else's complaint.
  const index = blindIndex(piiKeys(ctx.config.secret), 'email', address);
  const found = await ctx.db
    .selectFrom('complaints')
    .selectAll()
    .where('number', 'in', numbers)
    .where('complainant_email_index', '=', index)
    .orderBy('id')
    .execute();
  return found.find(messagesOpen) ?? null;
}

function complaintInput(
  ctx: ActorContext,
  parsed: ParsedMail,
  sender: { name: string; address: string },
  options: { categoryId: number | null },
): RegisterInput {
  if (options.categoryId === null) throw serviceUnavailable('no_active_category');
  const date = parsed.date?.getTime();
  const subject = parsed.subject ?? '';
  const text = mailText(parsed);
  return {
    channel: 'email',
    // The Date header is the sender's clock: believed unless it lies in the future.
    ...(date !== undefined && Number.isFinite(date) && date <= ctx.clock.now()
      ? { receivedAt: new Date(date).toISOString() }
      : {}),
    complainant: {
      name: senderName(sender, MAX_NAME),
      email: sender.address,
      preferredContact: 'email',
      locale: mailLocale(subject, text),
    },
    title: clip(subject, MAX_TITLE) || NO_SUBJECT,
    content: clip(text, MAX_CONTENT) || NO_BODY,
    categoryId: options.categoryId,
  };
}

const mailText = (parsed: ParsedMail) => parsed.text || (parsed.html ? htmlToText(parsed.html) : '');

/**
 * The reply as a customer message, like a message on the portal (messages module: same event and
 * notices), but in one transaction with its evidence and the mail's receipt.
 */
async function addCustomerMessage(
  ctx: ActorContext,
  mail: IncomingMail,
  target: Complaint,
  attachments: Attachments,
): Promise<void> {
  const body = clip(withoutQuotedReply(mailText(mail.parsed)), MAX_CONTENT) || NO_BODY;
  await ctx.db.transaction().execute(async (tx) => {
    const c = await tx
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', target.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // Archived since it was chosen: the next poll finds no open complaint and registers a new one.
    if (!messagesOpen(c)) throw conflict('complaint_archived', { action: 'message' });
    const evidenceIds = await recordAttachments(tx, ctx, attachments, {
      complaintId: c.id,
      withSkippedEvent: false,
    });
    await insertMessage(tx, ctx, c, {
      body,
      source: 'email',
      author: 'customer',
      data: {
        evidenceIds,
        ...(attachments.skipped.length ? { attachmentsSkipped: attachments.skipped } : {}),
      },
    });
    await insertReceipt(tx, ctx, mail, { complaintId: c.id, outcome: 'message' });
  });
}

/** Evidence rows for the stored attachments; the skipped ones are noted in the history for the staff. */
async function recordAttachments(
  tx: Tx,
  ctx: ActorContext,
  attachments: Attachments,
  { complaintId, withSkippedEvent = true }: { complaintId: number; withSkippedEvent?: boolean },
): Promise<number[]> {
  const ids: number[] = [];
  for (const a of attachments.stored) {
    ids.push(
      await insertEvidence(tx, ctx, a.content, { complaintId, filename: a.filename, source: 'email' }),
    );
  }
  if (withSkippedEvent && attachments.skipped.length) {
    await appendEvent(tx, {
      streamType: COMPLAINT_STREAM,
      streamId: complaintId,
      actorId: ctx.actor.userId,
      at: ctx.clock.now(),
      kind: 'attachments_skipped',
      data: { source: 'email', attachments: attachments.skipped },
    });
  }
  return ids;
}

const insertReceipt = (
  tx: Tx,
  ctx: ActorContext,
  mail: IncomingMail,
  { complaintId, outcome }: { complaintId: number; outcome: 'complaint' | 'message' },
) =>
  tx
    .insertInto('mail_receipts')
    .values({
      message_key: mail.key,
      mailbox: mail.mailbox,
      uid: mail.uid,
      complaint_id: complaintId,
      outcome,
      received_at: ctx.clock.now(),
    })
    .execute();

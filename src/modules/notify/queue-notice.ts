import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database.js';
import { asLocale } from '../../i18n/index.js';
import { cachedOr, type TxCache } from '../../lib/tx-cache.js';
import { appendEvent, type NewEvent } from '../audit/index.js';
import { enqueue } from '../jobs/index.js';
import { readSetting } from '../settings/index.js';
import type { ChannelSettings } from './channel-settings.js';
import { markCustomersTold } from './progress-notices.js';
import { renderNotice } from './render.js';
import { sendNoticeJob } from './send-notice.js';
import { templateOverride } from './template-overrides.js';
import { defaultTemplate, type Locale, type NoticeChannel, type NoticeEvent } from './templates.js';

/** Who a notice goes to: the complainant (by their preferred channel), a staff member, or the staff group robots. */
/** `channel` pins a customer notice to one channel (a one-time code goes by SMS, whatever they prefer). */
export type NoticeTarget =
  | { customer: true; channel?: 'sms' | 'email' }
  | { userId: number }
  | { robots: true }
  /** An address that is no user's (a report's extra recipient): e-mail only. */
  | { email: string };

/** A file from the content store sent with the e-mail deliveries of a notice (other channels ignore it). */
export interface NoticeAttachment {
  filename: string;
  mediaType: string;
  sha256: string;
}

export interface Notice {
  event: NoticeEvent;
  complaintId: number | null;
  vars: Record<string, string | number | null | undefined>;
  targets: NoticeTarget[];
  locale?: Locale;
  attachments?: NoticeAttachment[];
}

interface Delivery {
  channel: NoticeChannel;
  recipient: string;
  userId: number | null;
  /** For robots: which configured robot. */
  robot?: string;
  /** A user's: the language they last used the console in; a complainant's: the complaint's. */
  locale?: Locale;
}

async function deliveriesFor(
  tx: Tx,
  notice: Notice,
  target: NoticeTarget,
  { channels, cache }: { channels: ChannelSettings; cache?: TxCache },
): Promise<Delivery[]> {
  if ('customer' in target) {
    if (notice.complaintId === null) return [];
    const c = await tx
      .selectFrom('complaints')
      .select(['complainant_phone', 'complainant_email', 'preferred_contact', 'complainant_locale'])
      .where('id', '=', notice.complaintId)
      .executeTakeFirstOrThrow();
    const locale = asLocale(c.complainant_locale);
    // The sealed addresses are copied as they are; the sending job opens them.
    const sms: Delivery[] = c.complainant_phone
      ? [{ channel: 'sms', recipient: c.complainant_phone, userId: null, locale }]
      : [];
    if (target.channel === 'sms') return sms;
    const wantsEmail = target.channel === 'email' || c.preferred_contact === 'email' || !c.complainant_phone;
    if (wantsEmail && c.complainant_email)
      return [{ channel: 'email', recipient: c.complainant_email, userId: null, locale }];
    return sms;
  }
  if ('email' in target) return [{ channel: 'email', recipient: target.email, userId: null }];
  if ('userId' in target) {
    const userId = target.userId;
    const u = await cachedOr(cache, `user:${userId}`, () =>
      tx
        .selectFrom('users')
        .select(['id', 'email', 'active', 'locale'])
        .where('id', '=', userId)
        .executeTakeFirst(),
    );
    if (!u?.active) return [];
    const locale = asLocale(u.locale);
    const out: Delivery[] = [{ channel: 'inbox', recipient: `user:${u.id}`, userId: u.id, locale }];
    if (u.email) out.push({ channel: 'email', recipient: u.email, userId: u.id, locale });
    return out;
  }
  return (channels.robots ?? []).map((r) => ({
    channel: 'robot',
    recipient: `robot:${r.name}`,
    userId: null,
    robot: r.name,
  }));
}

/** One delivery of a notice, rendered and ready to write. */
export interface PlannedDelivery extends Delivery {
  locale: Locale;
  subject: string;
  body: string;
}

/**
 * Who a notice reaches, by which channel, with what text (the reads it needs, no writes). The text is
 * in the notice's language when it has one (a report in the language its recipient was given), else
 * in its reader's own (a user's, the complainant's), else in Chinese.
 */
export async function planNotice(tx: Tx, notice: Notice, cache?: TxCache): Promise<PlannedDelivery[]> {
  const channels = await readSetting<ChannelSettings>(tx, 'notify_channels', {}, cache);
  const planned: PlannedDelivery[] = [];
  for (const target of notice.targets) {
    for (const d of await deliveriesFor(tx, notice, target, { channels, cache })) {
      const locale = notice.locale ?? d.locale ?? 'zh-CN';
      const override = await templateOverride(tx, notice.event, d.channel, locale);
      const template = override ?? defaultTemplate(notice.event, locale);
      planned.push({
        ...d,
        locale,
        subject: renderNotice(template.subject, notice.vars),
        body: renderNotice(template.body, notice.vars),
      });
    }
  }
  return planned;
}

/** The notification row of a delivery: an in-app one is sent as it is written, the others wait for their job. */
export function notificationRow(notice: Notice, d: PlannedDelivery, now: number) {
  const inbox = d.channel === 'inbox';
  return {
    complaint_id: notice.complaintId,
    event: notice.event,
    channel: d.robot ? `robot:${d.robot}` : d.channel,
    recipient: d.recipient,
    user_id: d.userId,
    locale: d.locale,
    subject: d.subject,
    body: d.body,
    status: inbox ? 'sent' : 'pending',
    attempts: 0,
    last_error: null,
    created_at: now,
    sent_at: inbox ? now : null,
    notice_key: randomUUID(),
    sending_at: null,
    attachments:
      d.channel === 'email' && notice.attachments?.length ? JSON.stringify(notice.attachments) : null,
  };
}

export function inboxItemRow(
  notice: Notice,
  d: PlannedDelivery,
  userId: number,
  notificationId: number,
  now: number,
) {
  return {
    user_id: userId,
    complaint_id: notice.complaintId,
    event: notice.event,
    title: d.subject,
    body: d.body,
    created_at: now,
    read_at: null,
    notification_id: notificationId,
  };
}

/** An in-app notice is delivered as it is written; the history records it like any other. */
export function noticeSentEvent(
  notice: Notice,
  complaintId: number,
  userId: number,
  notificationId: number,
  now: number,
): NewEvent {
  return {
    streamType: 'complaint',
    streamId: complaintId,
    actorId: null,
    at: now,
    kind: 'notice_sent',
    data: { notificationId, event: notice.event, channel: 'inbox', userId },
  };
}

/**
 * Write a notice for each target in the caller's transaction: in-app notices land in the inbox at
 * once; every other channel becomes a `notify.send` job, so a notice exists exactly when the change
 * that caused it committed.
 */
export async function queueNotice(tx: Tx, notice: Notice, now: number, cache?: TxCache): Promise<number> {
  const planned = await planNotice(tx, notice, cache);
  for (const d of planned) {
    const { id } = await tx
      .insertInto('notifications')
      .values(notificationRow(notice, d, now))
      .returning('id')
      .executeTakeFirstOrThrow();
    if (d.channel === 'inbox' && d.userId !== null) {
      await tx
        .insertInto('inbox_items')
        .values(inboxItemRow(notice, d, d.userId, id, now))
        .execute();
      if (notice.complaintId !== null)
        await appendEvent(tx, noticeSentEvent(notice, notice.complaintId, d.userId, id, now), cache);
    } else {
      await enqueue(tx, sendNoticeJob, { notificationId: id }, { now, key: `notice:${id}` });
    }
  }
  await markCustomersTold(tx, [notice], now);
  return planned.length;
}

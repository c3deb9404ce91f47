import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/database.js';
import { cachedOr, type TxCache } from '../../lib/tx-cache.js';
import { appendEvent } from '../audit/index.js';
import { enqueue } from '../jobs/index.js';
import { readSetting } from '../settings/index.js';
import type { ChannelSettings } from './channel-settings.js';
import { render } from './render.js';
import { sendNoticeJob } from './send-notice.js';
import { defaultTemplate, type Locale, type NoticeChannel, type NoticeEvent } from './templates.js';

/** Who a notice goes to: the complainant (by their preferred channel), a staff member, or the staff group robots. */
/** `channel` pins a customer notice to one channel (a one-time code goes by SMS, whatever they prefer). */
export type NoticeTarget =
  | { customer: true; channel?: 'sms' | 'email' }
  | { userId: number }
  | { robots: true };

export interface Notice {
  event: NoticeEvent;
  complaintId: number | null;
  vars: Record<string, string | number | null | undefined>;
  targets: NoticeTarget[];
  locale?: Locale;
}

interface Delivery {
  channel: NoticeChannel;
  recipient: string;
  userId: number | null;
  /** For robots: which configured robot. */
  robot?: string;
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
      .select(['complainant_phone', 'complainant_email', 'preferred_contact'])
      .where('id', '=', notice.complaintId)
      .executeTakeFirstOrThrow();
    // The sealed addresses are copied as they are; the sending job opens them.
    if (target.channel === 'sms')
      return c.complainant_phone ? [{ channel: 'sms', recipient: c.complainant_phone, userId: null }] : [];
    const wantsEmail = target.channel === 'email' || c.preferred_contact === 'email' || !c.complainant_phone;
    if (wantsEmail && c.complainant_email)
      return [{ channel: 'email', recipient: c.complainant_email, userId: null }];
    if (c.complainant_phone) return [{ channel: 'sms', recipient: c.complainant_phone, userId: null }];
    return [];
  }
  if ('userId' in target) {
    const userId = target.userId;
    const u = await cachedOr(cache, `user:${userId}`, () =>
      tx.selectFrom('users').select(['id', 'email', 'active']).where('id', '=', userId).executeTakeFirst(),
    );
    if (!u?.active) return [];
    const out: Delivery[] = [{ channel: 'inbox', recipient: `user:${u.id}`, userId: u.id }];
    if (u.email) out.push({ channel: 'email', recipient: u.email, userId: u.id });
    return out;
  }
  return (channels.robots ?? []).map((r) => ({
    channel: 'robot',
    recipient: `robot:${r.name}`,
    userId: null,
    robot: r.name,
  }));
}

/**
 * Write a notice for each target in the caller's transaction: in-app notices land in the inbox at
 * once; every other channel becomes a `notify.send` job, so a notice exists exactly when the change
 * that caused it committed.
 */
export async function queueNotice(tx: Tx, notice: Notice, now: number, cache?: TxCache): Promise<number> {
  const locale = notice.locale ?? 'zh-CN';
  const channels = await readSetting<ChannelSettings>(tx, 'notify_channels', {}, cache);
  let queued = 0;
  for (const target of notice.targets) {
    for (const d of await deliveriesFor(tx, notice, target, { channels, cache })) {
      const override = await cachedOr(cache, `template:${notice.event}:${d.channel}:${locale}`, () =>
        tx
          .selectFrom('notification_templates')
          .select(['subject', 'body'])
          .where('event', '=', notice.event)
          .where('channel', '=', d.channel)
          .where('locale', '=', locale)
          .executeTakeFirst(),
      );
      const template = override ?? defaultTemplate(notice.event, locale);
      const subject = render(template.subject, notice.vars);
      const body = render(template.body, notice.vars);
      const inbox = d.channel === 'inbox';
      const { id } = await tx
        .insertInto('notifications')
        .values({
          complaint_id: notice.complaintId,
          event: notice.event,
          channel: d.robot ? `robot:${d.robot}` : d.channel,
          recipient: d.recipient,
          user_id: d.userId,
          locale,
          subject,
          body,
          status: inbox ? 'sent' : 'pending',
          attempts: 0,
          last_error: null,
          created_at: now,
          sent_at: inbox ? now : null,
          notice_key: randomUUID(),
          sending_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (inbox && d.userId !== null) {
        await tx
          .insertInto('inbox_items')
          .values({
            user_id: d.userId,
            complaint_id: notice.complaintId,
            event: notice.event,
            title: subject,
            body,
            created_at: now,
            read_at: null,
            notification_id: id,
          })
          .execute();
        // An in-app notice is delivered as it is written; the history records it like any other.
        if (notice.complaintId !== null) {
          await appendEvent(
            tx,
            {
              streamType: 'complaint',
              streamId: notice.complaintId,
              actorId: null,
              at: now,
              kind: 'notice_sent',
              data: { notificationId: id, event: notice.event, channel: 'inbox', userId: d.userId },
            },
            cache,
          );
        }
      } else {
        await enqueue(tx, sendNoticeJob, { notificationId: id }, { now, key: `notice:${id}` });
      }
      queued++;
    }
  }
  return queued;
}

import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { noticeSendFailuresTotal } from '../../lib/process-metrics.js';
import { appendEvent } from '../audit/index.js';
import { evidenceStore } from '../evidence/index.js';
import { defineJob } from '../jobs/index.js';
import { isSealed, maskEmail, maskPhone, open, piiKeys } from '../privacy/index.js';
import { readSetting } from '../settings/index.js';
import type { ChannelSettings } from './channel-settings.js';
import { type ChannelConfig, ChannelError, createChannel } from './channels/index.js';
import type { NoticeAttachment } from './queue-notice.js';

function configFor(settings: ChannelSettings, channel: string): ChannelConfig | undefined {
  if (channel === 'email') return settings.email;
  if (channel === 'sms') return settings.sms;
  if (channel.startsWith('robot:')) return settings.robots?.find((r) => r.name === channel.slice(6))?.config;
  return undefined;
}

/** The history names the recipient masked: 138****0000, z***@example.com; robots by name. */
const maskedRecipient = (to: string) =>
  to.startsWith('robot:') || to.startsWith('user:') ? to : to.includes('@') ? maskEmail(to) : maskPhone(to);

/**
 * The `notify.send` job: deliver one queued notice through its channel. The notice is marked
 * `sending` before it leaves; one still `sending` after a crash (or a lost answer) has an unknown
 * outcome and goes again under the same id (`notice_key`), which the channel passes on so that the
 * provider drops the duplicate (SMS), the mail is the same message (Message-ID), or the resend is
 * recognisable (robots). Retryable failures throw (the job backs off and retries); permanent ones
 * are recorded and stop. `signal` gives up a send in flight (the worker is shutting down).
 */
export async function sendNotice(
  app: AppContext,
  notificationId: number,
  { create = createChannel, signal }: { create?: typeof createChannel; signal?: AbortSignal } = {},
): Promise<void> {
  const n = await app.db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', notificationId)
    .executeTakeFirst();
  if (!n || n.status === 'sent') return;
  // A customer's address is stored sealed, as on the complaint; staff addresses are not.
  const to = isSealed(n.recipient) ? open(piiKeys(app.config.secret), n.recipient) : n.recipient;
  const config = configFor(await readSetting<ChannelSettings>(app.db, 'notify_channels', {}), n.channel);
  const finish = async (status: string, error: string | null) => {
    const now = app.clock.now();
    await app.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('notifications')
        .set({ status, last_error: error, attempts: n.attempts + 1, sent_at: status === 'sent' ? now : null })
        .where('id', '=', n.id)
        .execute();
      if (status === 'sent' && n.complaint_id !== null) {
        await appendEvent(tx, {
          streamType: 'complaint',
          streamId: n.complaint_id,
          actorId: null,
          at: now,
          kind: 'notice_sent',
          data: { notificationId: n.id, event: n.event, channel: n.channel, recipient: maskedRecipient(to) },
        });
      }
    });
  };
  const failed = (retryable: boolean) =>
    noticeSendFailuresTotal.inc({ channel: n.channel, retryable: String(retryable) });
  if (!config) {
    failed(false);
    return finish('unconfigured', `no ${n.channel} channel is configured`);
  }
  await app.db
    .updateTable('notifications')
    .set({ status: 'sending', sending_at: app.clock.now() })
    .where('id', '=', n.id)
    .execute();
  try {
    const attachments = await readAttachments(app, n.attachments);
    await create(config, { signal }).send({
      id: n.notice_key,
      to,
      subject: n.subject,
      text: n.body,
      attachments,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryable = !(error instanceof ChannelError && !error.retryable);
    failed(retryable);
    if (!retryable) return finish('failed', message);
    await app.db
      .updateTable('notifications')
      .set({ status: 'pending', attempts: n.attempts + 1, last_error: message })
      .where('id', '=', n.id)
      .execute();
    throw error;
  }
  await finish('sent', null);
}

/** The files of an e-mail notice, read from the content store as it is sent. */
async function readAttachments(app: AppContext, stored: string | null) {
  if (!stored) return undefined;
  const store = evidenceStore(app.config);
  return Promise.all(
    (JSON.parse(stored) as NoticeAttachment[]).map(async (a) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await store.get(a.sha256)) chunks.push(chunk as Buffer);
      return { filename: a.filename, contentType: a.mediaType, content: Buffer.concat(chunks) };
    }),
  );
}

export const SEND_NOTICE_JOB = 'notify.send';

/** The `notify.send` job, queued by queueNotice once per notice to deliver. */
export const sendNoticeJob = defineJob({
  kind: SEND_NOTICE_JOB,
  payload: Type.Object({ notificationId: Type.Integer() }),
  handler: (ctx, payload) => sendNotice(ctx, payload.notificationId, { signal: ctx.signal }),
});

import type { ActorContext } from '../../context.js';
import { invalidating } from '../../db/reference-cache.js';
import { appendEvent } from '../audit/index.js';
import { requireAdmin } from '../org/index.js';
import { placeholders } from './render.js';
import { templateOverrides } from './template-overrides.js';
import {
  defaultTemplate,
  type Locale,
  NOTICE_CHANNELS,
  NOTICE_EVENTS,
  type NoticeChannel,
  type NoticeEvent,
} from './templates.js';

/** Every event × channel × language with the text in force and whether an admin changed it. */
export async function listTemplates(ctx: ActorContext) {
  requireAdmin(ctx.actor);
  const overrides = await ctx.db.selectFrom('notification_templates').selectAll().execute();
  const out = [];
  for (const event of NOTICE_EVENTS) {
    for (const channel of NOTICE_CHANNELS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const o = overrides.find((t) => t.event === event && t.channel === channel && t.locale === locale);
        const t = o ?? defaultTemplate(event, locale);
        out.push({
          event,
          channel,
          locale,
          subject: t.subject,
          body: t.body,
          customised: Boolean(o),
          variables: placeholders(`${t.subject} ${t.body}`),
        });
      }
    }
  }
  return out;
}

export async function saveTemplate(
  ctx: ActorContext,
  key: { event: NoticeEvent; channel: NoticeChannel; locale: Locale },
  text: { subject: string; body: string },
) {
  requireAdmin(ctx.actor);
  const now = ctx.clock.now();
  await invalidating(ctx.db, [templateOverrides], () =>
    ctx.db.transaction().execute(async (tx) => {
      const row = { ...key, ...text, updated_at: now };
      await tx
        .insertInto('notification_templates')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['event', 'channel', 'locale'])
            .doUpdateSet({ subject: text.subject, body: text.body, updated_at: now }),
        )
        .execute();
      await appendEvent(tx, {
        streamType: 'settings',
        streamId: 0,
        actorId: ctx.actor.userId,
        at: now,
        kind: 'template_changed',
        data: row,
      });
    }),
  );
  return { ...key, ...text, customised: true };
}

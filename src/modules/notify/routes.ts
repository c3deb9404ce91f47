import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { actorContext, type Http } from '../../server/http.js';
import { requireAdmin } from '../org/policy.js';
import { readSetting, writeSetting } from '../settings/index.js';
import type { ChannelSettings } from './channel-settings.js';
import {
  AliyunSmsChannelConfigSchema,
  DingtalkChannelConfigSchema,
  EmailChannelConfigSchema,
  FeishuChannelConfigSchema,
  GenericSmsChannelConfigSchema,
  WecomChannelConfigSchema,
} from './channels/index.js';
import { listInbox, markRead } from './inbox.js';
import { listTemplates, saveTemplate } from './manage-templates.js';
import { NOTICE_CHANNELS, NOTICE_EVENTS } from './templates.js';

// The fields the channel schemas mark writeOnly: passwords, secrets, and webhook URLs (their key is the credential).
const SECRET_KEYS = /secret|pass|token|key|webhook/i;

/** Channel settings as admins read them back: secrets replaced by a mark, never echoed. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) && typeof v === 'string' ? '********' : redact(v),
      ]),
    );
  }
  return value;
}

export function notifyRoutes(http: Http, app: AppContext): void {
  http.get(
    '/inbox',
    {
      schema: {
        tags: ['inbox'],
        querystring: Type.Object({
          unread: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          before: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
      },
    },
    async (req) =>
      listInbox(actorContext(app, req), {
        unreadOnly: req.query.unread,
        limit: req.query.limit,
        before: req.query.before,
      }),
  );
  http.post(
    '/inbox/:id/read',
    { schema: { tags: ['inbox'], params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) } },
    async (req) => ({
      updated: await markRead(actorContext(app, req), req.params.id),
    }),
  );
  http.post('/inbox/read-all', { schema: { tags: ['inbox'] } }, async (req) => ({
    updated: await markRead(actorContext(app, req), null),
  }));

  const tags = ['notifications'];
  http.get('/notification-templates', { schema: { tags } }, async (req) => ({
    items: await listTemplates(actorContext(app, req)),
  }));
  http.put(
    '/notification-templates/:event/:channel/:locale',
    {
      schema: {
        tags,
        params: Type.Object({
          event: Type.Enum(NOTICE_EVENTS),
          channel: Type.Enum(NOTICE_CHANNELS),
          locale: Type.Enum(['zh-CN', 'en']),
        }),
        body: Type.Object(
          {
            subject: Type.String({ minLength: 1, maxLength: 200 }),
            body: Type.String({ minLength: 1, maxLength: 5000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => saveTemplate(actorContext(app, req), req.params, req.body),
  );
  http.get('/settings/notify-channels', { schema: { tags } }, async (req) => {
    requireAdmin(actorContext(app, req).actor);
    return redact(await readSetting<ChannelSettings>(app.db, 'notify_channels', {}));
  });
  http.put(
    '/settings/notify-channels',
    {
      schema: {
        tags,
        summary: 'email (SMTP), SMS provider and staff group robots (WeCom, DingTalk, Feishu)',
        body: Type.Object(
          {
            email: Type.Optional(EmailChannelConfigSchema),
            sms: Type.Optional(Type.Union([GenericSmsChannelConfigSchema, AliyunSmsChannelConfigSchema])),
            robots: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    name: Type.String({ minLength: 1, maxLength: 50 }),
                    config: Type.Union([
                      WecomChannelConfigSchema,
                      DingtalkChannelConfigSchema,
                      FeishuChannelConfigSchema,
                    ]),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 20 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req) =>
      redact(
        await writeSetting<ChannelSettings>(
          actorContext(app, req),
          'notify_channels',
          req.body as ChannelSettings,
          {},
        ),
      ),
  );
}

import { type TObject, type TSchema, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { AppContext } from '../../context.js';
import { badRequest, type FieldProblem } from '../../lib/errors.js';
import { actorContext, type Http } from '../../server/http.js';
import { requireAdmin } from '../org/policy.js';
import { readSetting, writeSetting } from '../settings/index.js';
import {
  acceptingRedacted,
  type ChannelSettings,
  mergeChannelSecrets,
  REDACTED,
  redact,
} from './channel-settings.js';
import {
  AliyunSmsChannelConfigSchema,
  DingtalkChannelConfigSchema,
  EmailChannelConfigSchema,
  FeishuChannelConfigSchema,
  GenericSmsChannelConfigSchema,
  WecomChannelConfigSchema,
} from './channels/index.js';
import { listTemplates, saveTemplate } from './manage-templates.js';
import { NOTICE_CHANNELS, NOTICE_EVENTS } from './templates.js';

function channelSettingsBody(mask: boolean) {
  const m = <T extends TObject>(schema: T): TSchema => (mask ? acceptingRedacted(schema) : schema);
  return Type.Object(
    {
      email: Type.Optional(m(EmailChannelConfigSchema)),
      sms: Type.Optional(Type.Union([m(GenericSmsChannelConfigSchema), m(AliyunSmsChannelConfigSchema)])),
      robots: Type.Optional(
        Type.Array(
          Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 50 }),
              config: Type.Union([
                m(WecomChannelConfigSchema),
                m(DingtalkChannelConfigSchema),
                m(FeishuChannelConfigSchema),
              ]),
            },
            { additionalProperties: false },
          ),
          { maxItems: 20 },
        ),
      ),
    },
    { additionalProperties: false },
  );
}
/** What is stored once the secrets sent back as the mark are merged in. */
const strictChannelSettings = Compile(channelSettingsBody(false));

export function notifyRoutes(http: Http, app: AppContext): void {
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
        description: `Secrets read back as ${REDACTED} (or omitted) keep the stored value; robots are matched by name.`,
        body: channelSettingsBody(true),
      },
    },
    async (req) => {
      const ctx = actorContext(app, req);
      requireAdmin(ctx.actor);
      const stored = await readSetting<ChannelSettings>(app.db, 'notify_channels', {});
      const next = mergeChannelSecrets(req.body as ChannelSettings, stored);
      if (!strictChannelSettings.Check(next)) {
        const problems: FieldProblem[] = [...strictChannelSettings.Errors(next)].map((e) => ({
          path: `/body${e.instancePath}`,
          code: e.keyword,
        }));
        throw badRequest('validation_failed', problems);
      }
      return redact(await writeSetting<ChannelSettings>(ctx, 'notify_channels', next, {}));
    },
  );
}

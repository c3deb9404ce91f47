import { type Static, type TObject, type TSchema, Type } from 'typebox';
import { LOCALES } from '../../i18n/index.js';
import { acceptingRedacted, type ChannelSettings } from './channel-settings.js';
import {
  AliyunSmsChannelConfigSchema,
  DingtalkChannelConfigSchema,
  EmailChannelConfigSchema,
  FeishuChannelConfigSchema,
  GenericSmsChannelConfigSchema,
  WecomChannelConfigSchema,
} from './channels/schemas.js';
import { NOTICE_CHANNELS, NOTICE_EVENTS } from './templates.js';

export { LOCALES };

export const TemplateParams = Type.Object({
  event: Type.Enum(NOTICE_EVENTS),
  channel: Type.Enum(NOTICE_CHANNELS),
  locale: Type.Enum(LOCALES),
});
export const TemplateBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export const SavedTemplateSchema = Type.Object({
  ...TemplateParams.properties,
  subject: Type.String(),
  body: Type.String(),
  customised: Type.Boolean({ description: 'an admin changed the shipped text' }),
});
export const TemplateSchema = Type.Object({
  ...SavedTemplateSchema.properties,
  variables: Type.Array(Type.String(), { description: 'the {placeholders} the text uses' }),
});
export type TemplateView = Static<typeof TemplateSchema>;

export function channelSettingsSchema(mask: boolean) {
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
/**
 * The channel settings as read and written by the admin: every secret may be the mark `********`
 * (read back for a stored secret; sent back to keep it). Typed as the stored settings, whose shape it is.
 */
export const MaskedChannelSettings = Type.Unsafe<ChannelSettings>(channelSettingsSchema(true));

import type { Db, Tx } from '../../db/database.js';
import { referenceCache } from '../../db/reference-cache.js';

/** The templates an admin changed, by `event:channel:locale` (the others are the defaults). */
export const templateOverrides = referenceCache(
  async (db, _all: 'all') =>
    new Map(
      (
        await db
          .selectFrom('notification_templates')
          .select(['event', 'channel', 'locale', 'subject', 'body'])
          .execute()
      ).map((t) => [`${t.event}:${t.channel}:${t.locale}`, { subject: t.subject, body: t.body }]),
    ),
);

/** The text an admin gave a notice's event, channel and language, if they changed it. */
export const templateOverride = async (db: Db | Tx, event: string, channel: string, locale: string) =>
  (await templateOverrides.get(db, 'all')).get(`${event}:${channel}:${locale}`);

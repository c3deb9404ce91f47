import type { Db } from '../../db/database.js';
import type { Locale } from '../../i18n/index.js';

/** Remember the language a user uses the console in: their notices are written in it. */
export async function rememberLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale })
    .where('id', '=', userId)
    .where('locale', '<>', locale)
    .execute();
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, updateRows } from '../../src/db/batches.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** Text that a VALUES list binds as it is and an array literal must quote. */
const AWKWARD = ['{a,b}', '"quoted"', 'back\\slash', 'NULL', '', '中文，逗号', '😀 emoji', "it's"];

for (const dialect of DIALECTS) {
  describe(`many rows updated at once on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    for (const count of [3, 1200]) {
      it(`sets each row found by its composite key to its own values, and no other row (${count} rows)`, async () => {
        const event = `test-update-${count}`;
        const rows = Array.from({ length: count }, (_, i) => ({
          event,
          channel: i % 2 ? 'sms' : 'email',
          locale: `l${i}`,
          subject: 'before',
          body: 'before',
          updated_at: 1,
        }));
        await insertRows(t.app.db, 'notification_templates', rows);
        // Every other row is updated; its twin on the other channel (same locale) is not.
        const changed = rows
          .filter((_, i) => i % 2 === 0)
          .map((r, i) => ({
            event,
            channel: r.channel,
            locale: r.locale,
            subject: AWKWARD[i % AWKWARD.length] as string,
            updated_at: 1_700_000_000_000 + i,
          }));
        await updateRows(t.app.db, 'notification_templates', ['event', 'channel', 'locale'], changed);
        const stored = await t.app.db
          .selectFrom('notification_templates')
          .select(['channel', 'locale', 'subject', 'body', 'updated_at'])
          .where('event', '=', event)
          .execute();
        const byKey = new Map(stored.map((r) => [`${r.channel}/${r.locale}`, r]));
        expect(stored).toHaveLength(count);
        for (const c of changed)
          expect(byKey.get(`${c.channel}/${c.locale}`)).toEqual({
            channel: c.channel,
            locale: c.locale,
            subject: c.subject,
            body: 'before',
            updated_at: c.updated_at,
          });
        const untouched = stored.filter((r) => r.subject === 'before' && r.updated_at === 1);
        expect(untouched).toHaveLength(count - changed.length);
      });
    }

    it('updates nothing for no rows', async () => {
      await expect(updateRows(t.app.db, 'notification_templates', ['event'], [])).resolves.toBeUndefined();
    });
  });
}

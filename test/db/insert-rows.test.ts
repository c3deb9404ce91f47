import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows } from '../../src/db/batches.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** Text that a VALUES list binds as it is and an array literal must quote: braces, quotes, backslashes, commas, NULL. */
const AWKWARD = [
  '{a,b}',
  '"quoted"',
  'back\\slash',
  'NULL',
  '',
  ' lead and trail ',
  '中文，逗号',
  '😀 emoji',
  "it's",
];

for (const dialect of DIALECTS) {
  describe(`many rows inserted at once on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    for (const count of [3, 40, 1200]) {
      it(`keeps every value and the rows' order (${count} rows)`, async () => {
        const rows = Array.from({ length: count }, (_, i) => ({
          stream_type: `test-${count}`,
          stream_id: i,
          seq: 1,
          at: 1_700_000_000_000 + i,
          actor_id: i % 3 === 0 ? null : i,
          kind: 'noted',
          data: JSON.stringify({ text: AWKWARD[i % AWKWARD.length], i }),
          comment: i % 4 === 0 ? null : (AWKWARD[i % AWKWARD.length] as string),
          prev_hash: '',
          hash: `h${i}`,
        }));
        const returned = await insertRows<'events', { id: number; stream_id: number }>(
          t.app.db,
          'events',
          rows,
          'returning "id", "stream_id"',
        );
        // Returned in the rows' order, ids given in that order.
        expect(returned.map((r) => r.stream_id)).toEqual(rows.map((r) => r.stream_id));
        const ids = returned.map((r) => r.id);
        expect([...ids].sort((a, b) => a - b)).toEqual(ids);
        const stored = await t.app.db
          .selectFrom('events')
          .select(['stream_id', 'at', 'actor_id', 'data', 'comment', 'hash'])
          .where('stream_type', '=', `test-${count}`)
          .orderBy('id')
          .execute();
        expect(stored).toEqual(
          rows.map(({ stream_id, at, actor_id, data, comment, hash }) => ({
            stream_id,
            at,
            actor_id,
            data,
            comment,
            hash,
          })),
        );
      });
    }

    it('runs the tail on the rows: an upsert updates those present and adds the others', async () => {
      const first = Array.from({ length: 30 }, (_, i) => ({ key: `ins-k${i}`, value: 'old', updated_at: 1 }));
      await insertRows(t.app.db, 'settings', first);
      const second = Array.from({ length: 40 }, (_, i) => ({
        key: `ins-k${i + 10}`,
        value: AWKWARD[i % AWKWARD.length] as string,
        updated_at: 2,
      }));
      const returned = await insertRows<'settings', { key: string }>(
        t.app.db,
        'settings',
        second,
        'on conflict ("key") do update set "value" = excluded."value", "updated_at" = excluded."updated_at" returning "key"',
      );
      expect(returned.map((r) => r.key)).toEqual(second.map((r) => r.key));
      const stored = await t.app.db
        .selectFrom('settings')
        .select(['key', 'value', 'updated_at'])
        .where('key', 'like', 'ins-k%')
        .execute();
      expect(stored).toHaveLength(50);
      const byKey = new Map(stored.map((s) => [s.key, s]));
      expect(byKey.get('ins-k0')).toMatchObject({ value: 'old', updated_at: 1 });
      for (const row of second) expect(byKey.get(row.key)).toEqual(row);
    });

    it('refuses rows that do not all give the same columns, and writes none of them', async () => {
      const rows = Array.from({ length: 20 }, (_, i) => ({ key: `odd${i}`, value: 'v', updated_at: 1 }));
      const odd = [...rows, { key: 'odd-extra', value: 'v' }] as typeof rows;
      await expect(insertRows(t.app.db, 'settings', odd)).rejects.toThrow(/other columns/);
      const stored = await t.app.db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', 'odd%')
        .execute();
      expect(stored).toEqual([]);
    });
  });
}

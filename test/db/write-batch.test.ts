import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WriteBatch } from '../../src/db/write-batch.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

// Registration's rows after the complaint's wait in a batch and go to the database together: every
// value must land in its own row and column, and a write refused at the flush undoes the transaction.
const setting = (key: string, value: string, at: number) => ({ key, value, updated_at: at });
const customer = (name: string, at: number) => ({
  name,
  level: 'regular',
  tags: '[]',
  addresses: null,
  note: `note of ${name}`,
  repeat_complainant: 0 as const,
  created_at: at,
  updated_at: at,
});

for (const dialect of DIALECTS)
  describe(`writes batched until the flush on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
    });
    afterAll(() => t.close());

    const settingsLike = (prefix: string) =>
      t.app.db
        .selectFrom('settings')
        .select(['key', 'value', 'updated_at'])
        .where('key', 'like', `${prefix}%`)
        .orderBy('key')
        .execute();

    it('writes every row with its own values, the parameters of later writes numbered on', async () => {
      const texts = await t.app.db.transaction().execute(async (tx) => {
        const batch = new WriteBatch(tx);
        batch.insertRow('settings', setting('batch.a', '"a"', 1));
        // Two rows of eight values each: parameters $9… and $17… in the combined statement.
        batch.insertRows('customers', [customer('甲', 2), customer('乙', 3)]);
        batch.insertRow('settings', setting('batch.b', '"b"', 4), 'on conflict ("key") do nothing');
        await batch.flush();
        if (dialect === 'sqlite') return [];
        const { rows } = await sql<{
          statement: string;
        }>`select statement from pg_prepared_statements`.execute(tx);
        return rows.map((r) => r.statement).filter((s) => s.includes('"batch') || s.startsWith('with w1'));
      });
      expect(await settingsLike('batch.')).toEqual([
        { key: 'batch.a', value: '"a"', updated_at: 1 },
        { key: 'batch.b', value: '"b"', updated_at: 4 },
      ]);
      const customers = await t.app.db
        .selectFrom('customers')
        .select(['name', 'note', 'created_at'])
        .where('name', 'in', ['甲', '乙'])
        .orderBy('created_at')
        .execute();
      expect(customers).toEqual([
        { name: '甲', note: 'note of 甲', created_at: 2 },
        { name: '乙', note: 'note of 乙', created_at: 3 },
      ]);
      // PostgreSQL: the three writes went as one statement.
      if (dialect === 'postgres') expect(texts).toHaveLength(1);
    });

    it('writes nothing before the flush and starts afresh after it', async () => {
      await t.app.db.transaction().execute(async (tx) => {
        const batch = new WriteBatch(tx);
        batch.insertRow('settings', setting('later.a', '1', 1));
        const before = await tx.selectFrom('settings').select('key').where('key', '=', 'later.a').execute();
        expect(before).toEqual([]);
        await batch.flush();
        batch.insertRow('settings', setting('later.b', '2', 2));
        await batch.flush();
        await batch.flush();
      });
      expect((await settingsLike('later.')).map((r) => r.key)).toEqual(['later.a', 'later.b']);
    });

    it('undoes the whole transaction when a batched write is refused at the flush', async () => {
      await t.app.db
        .insertInto('settings')
        .values(setting('taken.x', '"first"', 1))
        .execute();
      await expect(
        t.app.db.transaction().execute(async (tx) => {
          await tx
            .insertInto('settings')
            .values(setting('taken.before', '1', 1))
            .execute();
          const batch = new WriteBatch(tx);
          batch.insertRow('settings', setting('taken.y', '"y"', 2));
          batch.insertRow('settings', setting('taken.x', '"second"', 2));
          await batch.flush();
        }),
      ).rejects.toThrow(/unique|duplicate/i);
      expect(await settingsLike('taken.')).toEqual([{ key: 'taken.x', value: '"first"', updated_at: 1 }]);
    });
  });

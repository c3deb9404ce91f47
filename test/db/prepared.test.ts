import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRow } from '../../src/db/batches.js';
import { inIds, prepared, runFixed } from '../../src/db/prepared.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

// The registration's statements are compiled once and run again with other values: each run must
// answer for its own values, with the constants the statement was written with still in place.
const settingOf = prepared((db, { key, since }: { key: string; since: number }) =>
  db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', '=', key)
    .where('updated_at', '>=', since)
    .where('value', '!=', 'hidden'),
);
const bump = prepared((db, { key, value }: { key: string; value: string }) =>
  db.updateTable('settings').set({ value, updated_at: sql<number>`updated_at + 1` }).where('key', '=', key),
);

for (const dialect of DIALECTS)
  describe(`statements prepared once on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      for (const [key, value, at] of [
        ['test.a', '"a"', 100],
        ['test.b', '"b"', 200],
        ['test.hidden', 'hidden', 300],
      ] as const)
        await insertRow(t.app.db, 'settings', { key, value, updated_at: at });
    });
    afterAll(() => t.close());

    it('answers each run with its own values, the written constants kept', async () => {
      expect(await settingOf(t.app.db, { key: 'test.a', since: 0 })).toEqual([
        { key: 'test.a', value: '"a"' },
      ]);
      expect(await settingOf(t.app.db, { key: 'test.b', since: 150 })).toEqual([
        { key: 'test.b', value: '"b"' },
      ]);
      expect(await settingOf(t.app.db, { key: 'test.a', since: 150 })).toEqual([]);
      // 'hidden' is the statement's own constant, not a value of the first run.
      expect(await settingOf(t.app.db, { key: 'test.hidden', since: 0 })).toEqual([]);
      await t.app.db.transaction().execute(async (tx) => {
        await bump(tx, { key: 'test.b', value: '"b2"' });
        await bump(tx, { key: 'test.a', value: '"a2"' });
      });
      const rows = await t.app.db
        .selectFrom('settings')
        .select(['key', 'value', 'updated_at'])
        .where('key', 'in', ['test.a', 'test.b'])
        .orderBy('key')
        .execute();
      expect(rows).toEqual([
        { key: 'test.a', value: '"a2"', updated_at: 101 },
        { key: 'test.b', value: '"b2"', updated_at: 201 },
      ]);
    });

    it('inserts a row with the columns it defines, returning what is asked', async () => {
      const written = await insertRow<'customers', { id: number; level: string }>(
        t.app.db,
        'customers',
        {
          name: '王女士',
          level: 'regular',
          tags: '[]',
          addresses: undefined,
          note: null,
          repeat_complainant: 0,
          created_at: 1,
          updated_at: 1,
        },
        'returning "id", "level"',
      );
      expect(written?.level).toBe('regular');
      const stored = await t.app.db
        .selectFrom('customers')
        .select(['name', 'addresses', 'note'])
        .where('id', '=', written?.id ?? 0)
        .executeTakeFirst();
      expect(stored).toEqual({ name: '王女士', addresses: null, note: null });
    });

    if (dialect === 'postgres')
      it('is parsed and planned once per connection, then run by name', async () => {
        const onConnection = await t.app.db.transaction().execute(async (tx) => {
          for (const since of [0, 50, 150]) await settingOf(tx, { key: 'test.a', since });
          return sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(tx);
        });
        const settings = onConnection.rows.filter((r) => r.statement.includes('from "settings"'));
        expect(settings).toHaveLength(1);
      });

    it('reads the rows of any number of ids with one statement', async () => {
      const all = await t.app.db.selectFrom('categories').select(['id', 'code']).orderBy('id').execute();
      expect(all.length).toBeGreaterThan(3);
      const some = [all[2], all[0], all.at(-1)].map((c) => c?.id ?? 0);
      const texts = await t.app.db.transaction().execute(async (tx) => {
        const read = (ids: number[]) =>
          runFixed(
            tx,
            tx
              .selectFrom('categories')
              .select(['id', 'code'])
              .where(inIds(tx, 'id', ids))
              .orderBy('id'),
          );
        expect(await read([all[1]?.id ?? 0])).toEqual([all[1]]);
        expect(await read(some)).toEqual(all.filter((c) => some.includes(c.id)));
        expect(await read([])).toEqual([]);
        if (dialect === 'sqlite') return [];
        const { rows } = await sql<{
          statement: string;
        }>`select statement from pg_prepared_statements`.execute(tx);
        return rows.map((r) => r.statement).filter((s) => s.includes('from "categories"'));
      });
      // PostgreSQL: one statement for every list, prepared on the connection.
      if (dialect === 'postgres') expect(texts).toHaveLength(1);
    });

    if (dialect === 'postgres')
      it('prepares a statement again after a migration changes its table under the running server', async () => {
        await sql`create table named_shape (id integer primary key)`.execute(t.app.db);
        await sql`insert into named_shape values (1)`.execute(t.app.db);
        // biome-ignore lint/suspicious/noExplicitAny: a table the schema does not know.
        const db = t.app.db as any;
        const read = (conn: typeof t.app.db) =>
          runFixed<Record<string, unknown>>(
            conn,
            db.selectFrom('named_shape').selectAll().where('id', '=', 1),
          );
        await t.app.db.connection().execute(async (conn) => {
          expect(await read(conn)).toEqual([{ id: 1 }]);
          await sql`alter table named_shape add column note text default 'new'`.execute(conn);
          // PostgreSQL refuses the statement prepared before the change once…
          await expect(read(conn)).rejects.toThrow(/cached plan must not change result type/);
          // …and the next request on the same connection gets the new columns.
          expect(await read(conn)).toEqual([{ id: 1, note: 'new' }]);
          expect(await read(conn)).toEqual([{ id: 1, note: 'new' }]);
        });
      });
  });

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCondition, type WalkFilter } from '../../src/modules/search/index.js';
import { parseSearch } from '../../src/modules/search/query.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

// A list search is answered by one of several plans, chosen by how many complaints match: gathered
// from the index (few), walked in list order trying each row against the search run once into a set
// (a middle band) or against the index (many); several statuses are passed by the walk. Whatever the
// plan, every page must hold what the filters select, in order, and the pages together all of it.
const COMPLAINTS = 300;
const STATUS_OF = ['closed', 'investigating', 'received'] as const;

for (const dialect of DIALECTS)
  describe(`list search plans on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let damage: number;

    /** Every page of a list, in order, by its cursor. */
    const allPages = async (params: Record<string, string>) => {
      const numbers: string[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ ...params, limit: '50', ...(cursor ? { cursor } : {}) });
        const res = await manager.get(`/api/v1/complaints?${query}`);
        expect(res.status).toBe(200);
        numbers.push(...(res.body.items as Array<{ number: string }>).map((i) => i.number));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return numbers;
    };

    /** What the filters select, read plainly, newest first. */
    const expected = async (filter: { statuses: string[]; category?: number; wine?: boolean }) => {
      let q = t.app.db
        .selectFrom('complaints')
        .select(['number', 'title'])
        .where('status', 'in', filter.statuses)
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc');
      if (filter.category) q = q.where('category_id', '=', filter.category);
      const rows = await q.execute();
      // 红酒 is in every tenth registration: titles ending in 0.
      return rows.filter((r) => !filter.wine || r.title.endsWith('0')).map((r) => r.number);
    };

    const plan = (q: string, severalValues: boolean, categoryId?: number, filter?: WalkFilter) =>
      searchCondition(t.app.db, dialect, parseSearch(q), [], {
        inSortOrder: !severalValues,
        severalValues,
        categoryId,
        filter,
      });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      manager = await login(t.http, 'manager');
      damage = t.org.categoryIds.get('damage.packaging') as number;
      const delay = t.org.categoryIds.get('delay.transit') as number;
      for (let i = 1; i <= COMPLAINTS; i++)
        await manager.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(t.org, {
            title: `包裹破损 ${i}`,
            content: i % 10 === 0 ? '外箱破损，里面的红酒碎了。' : '外箱破损，里面的杯子有裂纹。',
            categoryId: i % 2 ? delay : damage,
            // One in fifty is handled at the Pudong station, whose handler sees no other.
            ...(i % 50 === 0 ? { unitId: t.org.unitIds.get('pudong') } : {}),
          }),
        );
      // Statuses spread over the complaints (set directly: only the list's reading is under test).
      const complaints = await t.app.db.selectFrom('complaints').select('id').execute();
      for (const { id } of complaints)
        await t.app.db
          .updateTable('complaints')
          .set({ status: STATUS_OF[Number(id) % 3] })
          .where('id', '=', id)
          .execute();
    });
    afterAll(() => t.close());

    it('walks past several statuses, trying each row against the search, and pages through all of it', async () => {
      // 破损 is in every complaint: above the break-even, so SQLite walks the list (PostgreSQL gathers).
      expect((await plan('破损', true)).walks).toBe(dialect === 'sqlite');
      const want = await expected({ statuses: ['received', 'closed'] });
      expect(want.length).toBeGreaterThan(150);
      expect(await allPages({ q: '破损', status: 'received,closed' })).toEqual(want);
    });

    it('walks in list order with the search run into a set, with and without a category', async () => {
      expect((await plan('破损', false)).walks).toBe(true);
      expect(await allPages({ q: '破损', status: 'closed' })).toEqual(
        await expected({ statuses: ['closed'] }),
      );
      expect(
        await allPages({ q: '破损', categoryId: String(damage), status: 'received,investigating' }),
      ).toEqual(await expected({ statuses: ['received', 'investigating'], category: damage }));
    });

    it('reads a rare word through its few matches, past several statuses and a category', async () => {
      const rare = await plan('红酒', true);
      expect(rare.walks).toBe(false);
      expect(rare.fewMatches).toBe(dialect === 'sqlite');
      expect(await allPages({ q: '红酒', status: 'received,closed' })).toEqual(
        await expected({ statuses: ['received', 'closed'], wine: true }),
      );
      expect(
        await allPages({ q: '红酒 碎了', categoryId: String(damage), status: 'closed,investigating' }),
      ).toEqual(await expected({ statuses: ['closed', 'investigating'], category: damage, wine: true }));
    });

    it('passes over what a station handler may not see: PostgreSQL gathers a word every complaint holds', async () => {
      const pudong = t.org.unitIds.get('pudong') as number;
      // A walk for the handler would read fifty complaints for each they see; gathering reads 300 matches.
      const theirs: WalkFilter = (eb) => eb('complaints.unit_id', '=', pudong);
      expect((await plan('破损', false, undefined, theirs)).walks).toBe(dialect === 'sqlite');
      expect((await plan('破损', false)).walks).toBe(true);
      const handler = await login(t.http, 'handler');
      const pages = async (params: Record<string, string>) => {
        const res = await handler.get(
          `/api/v1/complaints?${new URLSearchParams({ ...params, limit: '50' })}`,
        );
        expect(res.status).toBe(200);
        return (res.body.items as Array<{ number: string }>).map((i) => i.number);
      };
      const seen = await pages({});
      expect(seen.length).toBeGreaterThanOrEqual(COMPLAINTS / 50);
      expect(await pages({ q: '破损' })).toEqual(seen);
    });
  });

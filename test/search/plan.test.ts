import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { matchesSearch } from '../../src/modules/search/match.js';
import { probedOnEachRow } from '../../src/modules/search/plan.js';
import { parseSearch } from '../../src/modules/search/query.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

// A list search is either gathered from the index (rare words) or tried on each row in list order
// (common words): both plans must find the same complaints.
for (const dialect of DIALECTS)
  describe(`both search plans on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;

    const register = (overrides: Partial<RegisterInput>) =>
      manager.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides));
    const ids = async (plan: 'gathered' | 'probed', q: string) => {
      const query = parseSearch(q);
      const condition = plan === 'gathered' ? matchesSearch(dialect, query) : probedOnEachRow(dialect, query);
      const rows = await t.app.db
        .selectFrom('complaints')
        .select('id')
        .where(condition)
        .orderBy('id')
        .execute();
      return rows.map((r) => Number(r.id));
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      manager = await login(t.http, 'manager');
      await register({ title: '快递外包装破损', content: '包裹外包装破损，杯子有裂纹。运单 SF8812345678。' });
      await register({ title: '箱子破损', content: '纸箱破损，瓷碗破碎了。' });
      await register({ title: '包裹延误', content: '物流五天没有更新，一直延误，要求赔偿。' });
      await register({ title: '外包装破损', content: '外包装破损，要求赔偿。' });
    });
    afterAll(() => t.close());

    it('finds the same complaints by words, phrases, exclusions and fragments', async () => {
      const queries = [
        '破损',
        '包装',
        '破',
        '破损 -破碎',
        '破损 -"瓷碗破碎"',
        '"外包装破损" 赔偿',
        '5678',
        '火箭',
      ];
      for (const q of queries) {
        const gathered = await ids('gathered', q);
        expect(await ids('probed', q), q).toEqual(gathered);
      }
      expect(await ids('probed', '破损')).toHaveLength(3);
    });
  });

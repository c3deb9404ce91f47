import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { insertMessage } from '../../src/modules/messages/index.js';
import { loadActor } from '../../src/modules/org/actor.js';
import { indexComplaint } from '../../src/modules/search/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of DIALECTS)
  describe(`full-text search on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let handler: Client;
    const n = {} as Record<'packaging' | 'shattered' | 'delayed' | 'elsewhere', string>;

    const register = async (overrides: Partial<RegisterInput>) =>
      (await manager.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides))).number as string;
    const search = async (who: Client, q: string, filters = '') => {
      const res = await who.get(`/api/v1/complaints?q=${encodeURIComponent(q)}${filters}`);
      expect(res.status).toBe(200);
      return res.body.items as Array<{
        number: string;
        snippet: { text: string; marks: Array<[number, number]> } | null;
      }>;
    };
    const numbers = async (q: string, filters = '', who = manager) =>
      (await search(who, q, filters)).map((i) => i.number).sort();

    beforeAll(async () => {
      t = await startTestApp(dialect);
      manager = await login(t.http, 'manager');
      handler = await login(t.http, 'handler');
      const damage = t.org.categoryIds.get('damage.packaging');
      n.packaging = await register({
        title: '快递外包装破损',
        content: '今天收到的包裹外包装破损，里面的杯子有裂纹。订单号 DD20261122998877。',
        categoryId: damage,
        waybillNo: 'SF8812345678',
        unitId: t.org.unitIds.get('pudong'),
      });
      n.shattered = await register({
        title: '箱子破损',
        content: '纸箱破损，瓷碗破碎了。',
        categoryId: damage,
        unitId: t.org.unitIds.get('pudong'),
      });
      n.delayed = await register({ title: '包裹延误', content: '物流五天没有更新，一直延误。' });
      n.elsewhere = await register({
        title: '外包装破损',
        content: '南山收到的外包装破损。',
        categoryId: damage,
        unitId: t.org.unitIds.get('nanshan'),
      });
    });
    afterAll(() => t.close());

    it('finds 外包装破损 by 破损 and by 包装, not by 破碎', async () => {
      expect(await numbers('破损')).toEqual([n.packaging, n.shattered, n.elsewhere].sort());
      expect(await numbers('包装')).toEqual([n.packaging, n.elsewhere].sort());
      expect(await numbers('破碎')).toEqual([n.shattered]);
      expect(await numbers('延误')).toEqual([n.delayed]);
      expect(await numbers('外包装破损 杯子')).toEqual([n.packaging]);
    });

    it('matches a quoted phrase only verbatim', async () => {
      expect(await numbers('"外包装破损"')).toEqual([n.packaging, n.elsewhere].sort());
      expect(await numbers('"破损外包装"')).toEqual([]);
    });

    it('drops what an exclusion names', async () => {
      expect(await numbers('破损 -破碎')).toEqual([n.packaging, n.elsewhere].sort());
      expect(await numbers('破损 -"瓷碗破碎"')).toEqual([n.packaging, n.elsewhere].sort());
    });

    it('finds waybill and order numbers by a fragment', async () => {
      expect(await numbers('12345678')).toEqual([n.packaging]);
      expect(await numbers('5678')).toEqual([n.packaging]);
      expect(await numbers('998877')).toEqual([n.packaging]);
      expect(await numbers('SF881')).toEqual([n.packaging]);
    });

    it('refuses a search of exclusions only', async () => {
      const res = await manager.get(`/api/v1/complaints?q=${encodeURIComponent('-破碎')}`);
      expect(res.status).toBe(400);
      expect(res.body.fields).toContainEqual(
        expect.objectContaining({ path: '/querystring/q', code: 'search_words_required' }),
      );
    });

    it('combines with the status and category filters', async () => {
      await manager.ok('POST', `/api/v1/complaints/${n.shattered}/accept`);
      expect(await numbers('破损', '&status=accepted')).toEqual([n.shattered]);
      expect(await numbers('破损', '&status=received')).toEqual([n.packaging, n.elsewhere].sort());
      expect(await numbers('破损', `&categoryId=${t.org.categoryIds.get('delay')}`)).toEqual([]);
      expect(await numbers('延误', `&categoryId=${t.org.categoryIds.get('delay')}`)).toEqual([n.delayed]);
    });

    it('keeps to a category subtree through the index, and follows a reclassification', async () => {
      const branch = (code: string) => `&categoryId=${t.org.categoryIds.get(code)}`;
      expect(await numbers('破损', branch('damage'))).toEqual([n.packaging, n.shattered, n.elsewhere].sort());
      expect(await numbers('破损 -纸箱', branch('damage.packaging'))).toEqual(
        [n.packaging, n.elsewhere].sort(),
      );
      await manager.ok('PATCH', `/api/v1/complaints/${n.elsewhere}`, {
        categoryId: t.org.categoryIds.get('delay.transit'),
      });
      expect(await numbers('破损', branch('delay'))).toEqual([n.elsewhere]);
      expect(await numbers('破损', branch('damage'))).toEqual([n.packaging, n.shattered].sort());
      await manager.ok('PATCH', `/api/v1/complaints/${n.elsewhere}`, {
        categoryId: t.org.categoryIds.get('damage.packaging'),
      });
      expect(await numbers('破损', branch('delay'))).toEqual([]);
    });

    it('shows a handler only the complaints of their unit', async () => {
      expect(await numbers('外包装破损', '', handler)).toEqual([n.packaging]);
    });

    it('marks the hit in the snippet', async () => {
      const [item] = await search(manager, '杯子');
      const s = item?.snippet;
      expect(s?.text).toContain('杯子有裂纹');
      expect(s?.marks.map(([a, b]) => s.text.slice(a, b))).toEqual(['杯子']);
      const plain = await manager.get(`/api/v1/complaints?q=${n.packaging}`);
      expect(plain.body.items[0].snippet).toBeUndefined();
    });

    it('finds a reply and a customer message right after they are written', async () => {
      const base = `/api/v1/complaints/${n.packaging}`;
      await manager.ok('POST', `${base}/accept`);
      await manager.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('handler') });
      await manager.ok('POST', `${base}/start`);
      await manager.ok('PUT', `${base}/judgement`, judgement);
      await manager.ok('POST', `${base}/remedies`, remedy(2000));
      await manager.ok('POST', `${base}/reply`, reply({ actions: '已为您更换防震泡沫箱重新寄出。' }));
      expect(await numbers('泡沫箱')).toEqual([n.packaging]);

      const actor = await loadActor(t.app.db, t.org.userIds.get('agent') ?? 0);
      if (!actor) throw new Error('no agent');
      const ctx = { ...t.app, actor };
      await t.app.db.transaction().execute(async (tx) => {
        const c = await tx
          .selectFrom('complaints')
          .selectAll()
          .where('number', '=', n.delayed)
          .executeTakeFirstOrThrow();
        await insertMessage(tx, ctx, c, {
          body: '快递员电话一直打不通',
          source: 'portal',
          author: 'customer',
        });
      });
      expect(await numbers('打不通')).toEqual([n.delayed]);
    });

    it('finds a complaint by its new title, not its old one, after an edit', async () => {
      await manager.ok('PATCH', `/api/v1/complaints/${n.shattered}`, { title: '瓷碗碎裂' });
      expect(await numbers('瓷碗碎裂')).toEqual([n.shattered]);
      expect(await numbers('箱子')).toEqual([]);
    });

    it('keeps no index change of a transaction that failed', async () => {
      const failed = t.app.db.transaction().execute(async (tx) => {
        await tx
          .updateTable('complaints')
          .set({ title: '火箭发射' })
          .where('number', '=', n.delayed)
          .execute();
        const { id } = await tx
          .selectFrom('complaints')
          .select('id')
          .where('number', '=', n.delayed)
          .executeTakeFirstOrThrow();
        await indexComplaint(tx, id);
        throw new Error('the change fails after indexing');
      });
      await expect(failed).rejects.toThrow('the change fails');
      expect(await numbers('火箭')).toEqual([]);
      expect(await numbers('五天')).toEqual([n.delayed]);
    });
  });

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of DIALECTS)
  describe(`similar complaints on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let handler: Client;
    let handler2: Client;
    const n = {} as Record<'pudongResolved' | 'nanshanResolved' | 'open' | 'delayed', string>;

    const register = async (overrides: Partial<RegisterInput>) =>
      (await manager.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides))).number as string;
    /** Registered, judged, compensated (the manager's own approval), answered and confirmed. */
    const resolved = async (overrides: Partial<RegisterInput>, amount: number, assignee: string) => {
      const number = await register(overrides);
      const base = `/api/v1/complaints/${number}`;
      await manager.ok('POST', `${base}/accept`);
      await manager.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get(assignee) });
      await manager.ok('POST', `${base}/start`);
      await manager.ok('PUT', `${base}/judgement`, judgement);
      await manager.ok('POST', `${base}/remedies`, remedy(amount));
      await manager.ok('POST', `${base}/reply`, reply({ summary: '您反映的外包装破损问题已核实。' }));
      await manager.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
      return number;
    };

    beforeAll(async () => {
      t = await startTestApp(dialect);
      manager = await login(t.http, 'manager');
      handler = await login(t.http, 'handler');
      handler2 = await login(t.http, 'handler2');
      const damage = t.org.categoryIds.get('damage.packaging');
      n.pudongResolved = await resolved(
        {
          title: '外包装破损，茶具碎了',
          content: '收到的包裹外包装破损严重，里面的陶瓷茶具碎了两个，要求赔偿。',
          categoryId: damage,
          unitId: t.org.unitIds.get('pudong'),
        },
        3000,
        'handler',
      );
      n.nanshanResolved = await resolved(
        {
          title: '陶瓷茶具破损',
          content: '外包装破损，陶瓷茶具碎了，要求赔偿。',
          categoryId: damage,
          unitId: t.org.unitIds.get('nanshan'),
        },
        5000,
        'handler2',
      );
      n.delayed = await register({ title: '包裹延误', content: '物流五天没有更新。' });
      n.open = await register({
        title: '茶具碎了',
        content: '今天收到快递，外包装破损，陶瓷茶具碎了一个。',
        categoryId: damage,
        unitId: t.org.unitIds.get('pudong'),
      });
    });
    afterAll(() => t.close());

    it('offers the resolved complaint with its remedy and a recommended remedy, never the complaint itself', async () => {
      const res = await handler.get(`/api/v1/complaints/${n.open}/similar`);
      expect(res.status).toBe(200);
      const numbers = res.body.items.map((i: { number: string }) => i.number);
      expect(numbers[0]).toBe(n.pudongResolved);
      expect(numbers).not.toContain(n.open);
      // The Nanshan complaint is outside the Pudong handler's units.
      expect(numbers).not.toContain(n.nanshanResolved);
      const [first] = res.body.items;
      expect(first).toMatchObject({
        status: 'resolved',
        isCase: false,
        category: { code: 'damage.packaging' },
        judgement: { liableParty: 'company', degree: 'full' },
        validity: { validity: 'valid' },
        remedies: [{ kinds: ['apology', 'compensation'], amount: 3000, status: 'approved' }],
        reply: { summary: '您反映的外包装破损问题已核实。' },
      });
      expect(first.score).toBeGreaterThan(0);
      expect(first.score).toBeLessThanOrEqual(1);
      expect(res.body.recommendedRemedy).toEqual({
        kinds: ['apology', 'compensation'],
        amount: 3000,
        basedOn: 1,
        numbers: [n.pudongResolved],
      });
    });

    it('recommends the median of the granted remedies the caller may see, best match first', async () => {
      const res = await manager.get(`/api/v1/complaints/${n.open}/similar?limit=3`);
      expect(res.status).toBe(200);
      const numbers = res.body.items.map((i: { number: string }) => i.number);
      expect(numbers.slice(0, 2).sort()).toEqual([n.pudongResolved, n.nanshanResolved].sort());
      const scores = res.body.items.map((i: { score: number }) => i.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(res.body.recommendedRemedy).toMatchObject({ amount: 4000, basedOn: 2 });
    });

    it('answers 404 for a complaint the caller may not see', async () => {
      expect((await handler2.get(`/api/v1/complaints/${n.open}/similar`)).status).toBe(404);
      expect((await handler.get(`/api/v1/complaints/${n.open}/similar?limit=21`)).status).toBe(400);
    });
  });

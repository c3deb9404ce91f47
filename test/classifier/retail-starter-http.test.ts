import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** Codes the retail preset shares with the express tree (kept when the express tree is retired). */
const SHARED = new Set(['other', 'other.misc']);

describe.each(DIALECTS)('a retail chain on %s: the retail starter model', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    admin = await login(t.http, 'admin');
    // The demo organisation switches to the retail tree: the preset loaded, the express categories retired.
    await admin.ok('POST', '/api/v1/categories/presets/retail');
    for (const [code, id] of t.org.categoryIds)
      if (!SHARED.has(code)) await admin.ok('PATCH', `/api/v1/categories/${id}`, { active: false });
  });
  afterAll(() => t.close());

  it('suggests with the retail model until an admin chooses another, naming the retail category', async () => {
    expect(await admin.ok('GET', '/api/v1/settings/classification')).toMatchObject({ model: 'retail' });
    const s = await agent.ok('POST', '/api/v1/classification/suggest', {
      title: '酸奶坏了',
      content: '昨天在你们超市买的酸奶，打开一股酸臭味，盒子都胀起来了',
    });
    expect(s.model).toBe('retail');
    expect(s.category.path.map((p: { code: string }) => p.code)).toEqual(['food', 'food.spoiled']);
    expect(s.category.path[0]).toMatchObject({ nameZh: '食品安全' });
  });

  it('fills in the category of a registration without one', async () => {
    const { categoryId: _, ...body } = buildComplaint(t.org, {
      title: '结账多收钱',
      content: '货架上标价12.9，结账的时候收银机按19.9收的，标价和结算价对不上',
    });
    const created = await agent.post('/api/v1/complaints', body);
    expect(created.status).toBe(201);
    expect(created.body.classification).toMatchObject({ model: 'retail', applied: { category: true } });
    const detail = await agent.ok('GET', `/api/v1/complaints/${created.body.number}`);
    expect(detail.category.path[0].code).toBe('price');
  });

  it("keeps an admin's choice of model over the fitting starter", async () => {
    const chosen = { enabled: true, model: 'express', autoApplyAt: 0.85 };
    await admin.ok('PUT', '/api/v1/settings/classification', chosen);
    expect(await admin.ok('GET', '/api/v1/settings/classification')).toMatchObject({ model: 'express' });
    await admin.ok('PUT', '/api/v1/settings/classification', { ...chosen, model: 'retail' });
    const s = await agent.ok('POST', '/api/v1/classification/suggest', {
      title: '保安搜包',
      content: '出门的时候警报响了，保安当着大家的面非要翻我的包，把我当小偷',
    });
    expect(s).toMatchObject({ model: 'retail', category: { code: 'service.security' } });
  });
});

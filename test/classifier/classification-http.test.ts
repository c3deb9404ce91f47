import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintSamples, trainFromComplaints } from '../../src/modules/classifier/train.js';
import { visitor, webForm } from '../portal/support.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { complaintIn } from '../support/states.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** A registration body without a category (and without priority): the classifier fills them in. */
function uncategorised(t: TestApp, title: string, content: string) {
  const { categoryId: _, ...body } = buildComplaint(t.org, { title, content });
  return body;
}

describe.each(DIALECTS)('classification on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let manager: Client;
  let admin: Client;
  const id = (code: string) => t.org.categoryIds.get(code) as number;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    manager = await login(t.http, 'manager');
    admin = await login(t.http, 'admin');
  });
  afterAll(() => t.close());

  it('suggests a category with its path, confidence and alternatives', async () => {
    const s = await agent.ok('POST', '/api/v1/classification/suggest', {
      title: '外包装破损',
      content: '收到的箱子破了个大洞，外包装全烂了',
    });
    expect(s.category).toMatchObject({ id: id('damage.packaging'), code: 'damage.packaging' });
    expect(s.category.path.map((p: { code: string }) => p.code)).toEqual(['damage', 'damage.packaging']);
    expect(s.category.path[0]).toMatchObject({ nameZh: '损毁', nameEn: 'Damaged' });
    expect(s.category.confidence).toBeGreaterThan(0.5);
    expect(s.alternatives.length).toBeLessThanOrEqual(3);
    expect(s).toMatchObject({ rule: null, model: 'express', autoApplyAt: 0.85 });
    expect(s.priority.value).toMatch(/^P[1-4]$/);
    const empty = await agent.post('/api/v1/classification/suggest', { title: ' ', content: '' });
    expect(empty.status).toBe(400);
  });

  it('applies a confident prediction when registering without a category, and stores it', async () => {
    const created = await agent.post(
      '/api/v1/complaints',
      uncategorised(t, '驿站取件收费', '去驿站取个快递还要交一块钱保管费，这是乱收费吧'),
    );
    expect(created.status).toBe(201);
    expect(created.body.classification).toMatchObject({
      category: { code: 'fees.extra.station' },
      applied: { category: true },
      model: 'express',
    });
    const detail = await agent.ok('GET', `/api/v1/complaints/${created.body.number}`);
    expect(detail.category.id).toBe(id('fees.extra.station'));
    expect(detail.classification).toMatchObject({
      category: { id: id('fees.extra.station'), code: 'fees.extra.station' },
      rule: null,
      model: 'express',
      applied: { category: true },
    });
    const timeline = await agent.ok('GET', `/api/v1/complaints/${created.body.number}/timeline`);
    const registered = timeline.items.find((e: { kind: string }) => e.kind === 'registered');
    expect(JSON.stringify(registered)).toContain('"classification"');
  });

  it("refines a portal customer's coarse category when sure, only inside the branch they chose", async () => {
    const content = '快递外包装破损严重，纸箱被压扁了，里面的东西也摔坏了';
    const within = await visitor(t, '198.51.100.61').post(
      '/complaints',
      webForm(t, { content, categoryId: id('damage') }),
    );
    expect(within.status).toBe(201);
    const refined = await admin.ok('GET', `/api/v1/complaints/${within.body.number}`);
    expect(refined.category.path[0].code).toBe('damage');
    expect(refined.category.id).not.toBe(id('damage'));
    expect(refined.classification.applied.category).toBe(true);

    const outside = await visitor(t, '198.51.100.62').post(
      '/complaints',
      webForm(t, { content, categoryId: id('delay') }),
    );
    expect(outside.status).toBe(201);
    const kept = await admin.ok('GET', `/api/v1/complaints/${outside.body.number}`);
    expect(kept.category.id).toBe(id('delay'));
    expect(kept.classification.applied.category).toBe(false);
  });

  it('keeps the category the caller gave, and still records the prediction', async () => {
    const created = await agent.post(
      '/api/v1/complaints',
      buildComplaint(t.org, { title: '驿站收费', content: '驿站取件收费两元', categoryId: id('other.misc') }),
    );
    expect(created.status).toBe(201);
    expect(created.body.classification.applied.category).toBe(false);
    const detail = await agent.ok('GET', `/api/v1/complaints/${created.body.number}`);
    expect(detail.category.id).toBe(id('other.misc'));
    expect(detail.classification.category.code).toBe('fees.extra.station');
  });

  it('refuses a registration without a category when the prediction is not sure enough', async () => {
    const refused = await agent.post('/api/v1/complaints', uncategorised(t, '咨询', '麻烦联系我一下'));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.fields).toContainEqual(
      expect.objectContaining({ path: '/body/categoryId', code: 'category_required' }),
    );
  });

  it('lets an admin keyword rule win over the model, and names it', async () => {
    expect((await agent.post('/api/v1/classification/rules', { name: 'x', words: ['x'] })).status).toBe(403);
    const rule = await admin.ok('POST', '/api/v1/classification/rules', {
      name: '安全事故',
      words: ['起火', '爆炸'],
      categoryId: id('other.misc'),
      priority: 'P1',
      major: true,
    });
    expect(rule).toMatchObject({ name: '安全事故', position: 0, active: true, major: true });
    const created = await agent.post(
      '/api/v1/complaints',
      uncategorised(t, '包裹延误', '快递三天没到，刚才看到网点的快递车起火了'),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ priority: 'P1', grade: 'major' });
    expect(created.body.classification).toMatchObject({
      rule: { id: rule.id, name: '安全事故' },
      category: { id: id('other.misc'), confidence: 1 },
      applied: { category: true, priority: true, grade: true },
    });
    const detail = await agent.ok('GET', `/api/v1/complaints/${created.body.number}`);
    expect(detail.classification.rule).toEqual({ id: rule.id, name: '安全事故' });
    expect((await admin.ok('GET', '/api/v1/classification/rules')).items).toHaveLength(1);
    expect(
      (await admin.ok('PATCH', `/api/v1/classification/rules/${rule.id}`, { active: false })).active,
    ).toBe(false);
    expect((await admin.request('DELETE', `/api/v1/classification/rules/${rule.id}`)).status).toBe(204);
  });

  it('keeps its settings, changed by the admin only', async () => {
    expect(await agent.ok('GET', '/api/v1/settings/classification')).toEqual({
      enabled: true,
      model: 'express',
      autoApplyAt: 0.85,
    });
    const body = { enabled: true, model: 'express', autoApplyAt: 0.9 };
    expect((await agent.put('/api/v1/settings/classification', body)).status).toBe(403);
    expect((await admin.put('/api/v1/settings/classification', { ...body, model: 'nope' })).status).toBe(400);
    expect(await admin.ok('PUT', '/api/v1/settings/classification', body)).toEqual(body);
    await admin.ok('PUT', '/api/v1/settings/classification', { ...body, autoApplyAt: 0.85 });
  });

  it("records a handler's correction and learns from it in the next training", async () => {
    const created = await agent.post(
      '/api/v1/complaints',
      uncategorised(t, '驿站取件收费', '驿站取件要收2元，不给钱不让拿'),
    );
    expect(created.body.classification.applied.category).toBe(true);
    const number = created.body.number;
    await manager.ok('PATCH', `/api/v1/complaints/${number}`, { categoryId: id('fees.freight') });
    const corrections = await t.app.db.selectFrom('classification_corrections').selectAll().execute();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      predicted_category_id: id('fees.extra.station'),
      corrected_category_id: id('fees.freight'),
      corrected_by: t.org.userIds.get('manager'),
    });
    const other = await agent.post(
      '/api/v1/complaints',
      uncategorised(t, '包裹在中转站', '包裹在中转站停了五天一直不动，什么时候能到'),
    );
    await manager.ok('PATCH', `/api/v1/complaints/${other.body.number}`, {
      categoryId: id('delay.lastmile'),
    });
    const samples = await complaintSamples(t.app.db);
    expect(samples.map((s) => s.label).sort()).toEqual(['delay.lastmile', 'fees.freight']);
    expect(samples.find((s) => s.label === 'fees.freight')?.text).toContain('驿站取件要收2元');
    const trained = await trainFromComplaints(t.app, 'own');
    // Its two complaints, joined by a share of the starter corpus (ADR 0040).
    expect(trained.model).toBe('own');
    expect(trained.rows).toBeGreaterThan(2);
    expect((await agent.post('/api/v1/classification/train', { model: 'own' })).status).toBe(403);
    const queued = await admin.post('/api/v1/classification/train', { model: 'own' });
    expect(queued.status).toBe(202);
    expect(queued.body).toEqual({ queued: true });
    expect((await admin.post('/api/v1/classification/train', { model: 'express' })).status).toBe(400);
    expect((await admin.post('/api/v1/classification/train', { model: 'retail' })).status).toBe(400);
    // The admin sees it among the models to choose from, beside the starters, with how it was trained.
    expect((await agent.get('/api/v1/classification/models')).status).toBe(403);
    const listed = (await admin.ok('GET', '/api/v1/classification/models')).items;
    expect(listed.map((m: { name: string; kind: string }) => [m.name, m.kind])).toEqual([
      ['express', 'starter'],
      ['retail', 'starter'],
      ['own', 'complaints'],
    ]);
    expect(listed.find((m: { active: boolean }) => m.active).name).toBe('express');
    expect(listed[2]).toMatchObject({ sampleCount: trained.rows, trainedAt: expect.any(String) });
    // The stored model can be chosen for registration.
    await admin.ok('PUT', '/api/v1/settings/classification', {
      enabled: true,
      model: 'own',
      autoApplyAt: 0.85,
    });
    const chosen = (await admin.ok('GET', '/api/v1/classification/models')).items;
    expect(chosen.filter((m: { active: boolean }) => m.active).map((m: { name: string }) => m.name)).toEqual([
      'own',
    ]);
    expect(
      (await agent.ok('POST', '/api/v1/classification/suggest', { title: '', content: '驿站取件收费' }))
        .model,
    ).toBe('own');
    await admin.ok('PUT', '/api/v1/settings/classification', {
      enabled: true,
      model: 'express',
      autoApplyAt: 0.85,
    });
  });

  it("reports how a model classifies the last month's confirmed categories, to the admin only", async () => {
    // Two complaints closed with their category confirmed (延误 / 中转延误), written alike.
    for (let i = 0; i < 2; i++) await complaintIn(t, 'closed', manager, agent);
    const report = await admin.ok('GET', '/api/v1/classification/performance?model=express');
    expect(report.model).toBe('express');
    expect(report.to - report.from).toBe(30 * 24 * 3600_000);
    // What the same model suggests for their text decides whether both count as right.
    const suggested = await agent.ok('POST', '/api/v1/classification/suggest', {
      title: '包裹延误 1',
      content: '我的快递三天没有物流更新，请尽快处理。',
    });
    const right = suggested.category?.path[0]?.code === 'delay' ? 2 : 0;
    const delay = report.classes.find((c: { code: string }) => c.code === 'delay');
    expect(delay).toMatchObject({ nameZh: '延误', rows: 2, correct: right, recall: right / 2 });
    expect(report.rows).toBeGreaterThanOrEqual(2);
    // One row per confirmed class, one column per class and one for "none of these".
    expect(report.confusion).toHaveLength(report.classes.length);
    for (const row of report.confusion) expect(row).toHaveLength(report.classes.length + 1);
    expect((await agent.get('/api/v1/classification/performance?model=express')).status).toBe(403);
    expect((await admin.get('/api/v1/classification/performance?model=nope')).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/modules/audit/index.js';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

/** Shanghai is UTC+8: these are instants of October 2026 there, and just outside it. */
const OCT = (day: number) => Date.UTC(2026, 9, day, 4);
const OCT_FIRST_MINUTE = Date.UTC(2026, 8, 30, 16, 30);
const NOV_FIRST_MINUTE = Date.UTC(2026, 9, 31, 16, 30);

interface Closing {
  assignee: string;
  closedAt: number;
  grade?: 'major';
  reopened?: boolean;
  unsatisfied?: boolean;
  breached?: boolean;
  category?: string;
  open?: boolean;
}

for (const dialect of DIALECTS) {
  describe(`quality checks (质检) on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let executive: Client;
    let auditor: Client;
    let manager: Client;
    let supervisor: Client;
    let shanghaiSupervisor: Client;
    let handler: Client;
    let handler2: Client;
    let agent: Client;
    const user = (name: string) => t.org.userIds.get(name) ?? 0;
    const numbers = new Map<string, string>();

    /** Register a complaint, then put it in the state a closure leaves (set directly: the draw reads only that). */
    async function closed(key: string, c: Closing): Promise<void> {
      const overrides: Partial<RegisterInput> = { unitId: t.org.unitIds.get('pudong') };
      if (c.category) overrides.categoryId = t.org.categoryIds.get(c.category) ?? 0;
      const { number } = await manager.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides));
      numbers.set(key, number);
      await t.app.db
        .updateTable('complaints')
        .set({
          status: c.open ? 'investigating' : 'closed',
          closed_at: c.open ? null : c.closedAt,
          assignee_id: user(c.assignee),
          grade: c.grade ?? 'general',
          reopen_count: c.reopened ? 1 : 0,
          customer_confirmation: c.unsatisfied ? 'unsatisfied' : 'satisfied',
        })
        .where('number', '=', number)
        .execute();
      if (c.breached) {
        const { id } = await t.app.db
          .selectFrom('complaints')
          .select('id')
          .where('number', '=', number)
          .executeTakeFirstOrThrow();
        await t.app.db
          .updateTable('complaint_deadlines')
          .set({ breached_at: c.closedAt })
          .where('complaint_id', '=', id)
          .execute();
      }
    }
    const keysOf = (picked: Array<{ complaint: { number: string } }>) =>
      picked.map((p) => [...numbers].find(([, n]) => n === p.complaint.number)?.[0]).sort();
    const draw = (as: Client, body: Record<string, unknown>) =>
      as.ok('POST', '/api/v1/quality-checks/draws', { period: '2026-10', ...body });

    beforeAll(async () => {
      t = await startTestApp(dialect);
      admin = await login(t.http, 'admin');
      executive = await login(t.http, 'executive');
      auditor = await login(t.http, 'auditor');
      manager = await login(t.http, 'manager');
      supervisor = await login(t.http, 'supervisor');
      handler = await login(t.http, 'handler');
      handler2 = await login(t.http, 'handler2');
      agent = await login(t.http, 'agent');
      await admin.ok('POST', '/api/v1/users', {
        username: 'shsup',
        displayName: '上海主管',
        password: PASSWORD,
        unitId: t.org.unitIds.get('shanghai'),
        roles: ['supervisor'],
      });
      shanghaiSupervisor = await login(t.http, 'shsup');
      // 刘处理 (Pudong, under Shanghai): six closed in October, one in November, one still open.
      await closed('h1', { assignee: 'handler', closedAt: OCT(15) });
      await closed('h2', { assignee: 'handler', closedAt: OCT_FIRST_MINUTE });
      await closed('h3', { assignee: 'handler', closedAt: OCT(20), grade: 'major' });
      await closed('h4', { assignee: 'handler', closedAt: OCT(22), reopened: true });
      await closed('h5', { assignee: 'handler', closedAt: OCT(25), unsatisfied: true });
      await closed('h6', { assignee: 'handler', closedAt: OCT(26), breached: true });
      await closed('h7', { assignee: 'handler', closedAt: NOV_FIRST_MINUTE });
      await closed('h8', { assignee: 'handler', closedAt: OCT(27), open: true });
      // 赵处理 (Nanshan, not under Shanghai).
      await closed('n1', { assignee: 'handler2', closedAt: OCT(10), category: 'damage.contents.fragile' });
      await closed('n2', { assignee: 'handler2', closedAt: OCT(11) });
      await closed('n3', { assignee: 'handler2', closedAt: OCT(12), grade: 'major' });
    });
    afterAll(() => t?.close());

    it('seeds the procedures’ checklist; an admin adds one, and a bad one is refused with the field', async () => {
      const { items } = await admin.ok('GET', '/api/v1/quality-checklists');
      expect(items).toHaveLength(1);
      expect(items[0].items.map((i: { labelZh: string }) => i.labelZh)).toEqual([
        '核实身份',
        '记录完整',
        '回复五要素齐全',
        '时限达标',
        '服务态度/用语规范',
      ]);
      const item = { key: 'courtesy', labelZh: '礼貌', labelEn: 'Courtesy', weight: 10, guidance: '' };
      const body = { nameZh: '简易清单', nameEn: 'Short list', active: false, items: [item] };
      const duplicate = await admin.request('POST', '/api/v1/quality-checklists', {
        ...body,
        items: [item, { ...item, labelZh: '礼貌2' }],
      });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.fields).toEqual([
        expect.objectContaining({ path: '/body/items/1/key', code: 'duplicate' }),
      ]);
      const weightless = await admin.request('POST', '/api/v1/quality-checklists', {
        ...body,
        items: [{ ...item, weight: 0 }],
      });
      expect(weightless.status).toBe(400);
      expect(JSON.stringify(weightless.body.fields)).toContain('/body/items/0/weight');
      const empty = await admin.request('POST', '/api/v1/quality-checklists', { ...body, items: [] });
      expect(empty.status).toBe(400);
      const created = await admin.ok('POST', '/api/v1/quality-checklists', body);
      expect(created).toMatchObject({ nameZh: '简易清单', active: false });
      const renamed = await admin.ok('PUT', `/api/v1/quality-checklists/${created.id}`, {
        ...body,
        nameZh: '礼貌清单',
      });
      expect(renamed.nameZh).toBe('礼貌清单');
      expect((await supervisor.request('POST', '/api/v1/quality-checklists', body)).status).toBe(403);
    });

    it('draws by rules: every reopened, unsatisfied or overdue complaint of the period; a category subtree', async () => {
      const result = await draw(executive, {
        method: 'rule',
        rules: ['reopened', 'unsatisfied', 'overdue'],
        handlerIds: [user('handler')],
      });
      expect(keysOf(result.picked)).toEqual(['h4', 'h5', 'h6']);
      expect(result.seed).toBeNull();
      const byCategory = await draw(auditor, {
        method: 'rule',
        rules: ['category'],
        categoryId: t.org.categoryIds.get('damage'),
        handlerIds: [user('handler2')],
      });
      expect(keysOf(byCategory.picked)).toEqual(['n1']);
      const rows = await t.app.db.selectFrom('quality_checks').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.drawn_by, r.status, r.period, r.unit_id])).toEqual([
        ['rule', 'draft', '2026-10', t.org.unitIds.get('pudong')],
        ['rule', 'draft', '2026-10', t.org.unitIds.get('pudong')],
        ['rule', 'draft', '2026-10', t.org.unitIds.get('pudong')],
        ['rule', 'draft', '2026-10', t.org.unitIds.get('nanshan')],
      ]);
      expect(JSON.parse(rows[0]?.items ?? '[]')).toHaveLength(5);
    });

    it('draws at random within the subtree: reproducible by seed, only closed complaints of the period, never twice', async () => {
      const ask = { method: 'random', perHandler: 2, seed: 20261031 };
      const preview = await draw(shanghaiSupervisor, { ...ask, preview: true });
      expect(preview.drawId).toBeNull();
      const drawn = await draw(shanghaiSupervisor, ask);
      expect(drawn.seed).toBe(20261031);
      // The same seed on the same complaints draws the same sample; only 刘处理 is under Shanghai.
      expect(keysOf(drawn.picked)).toEqual(keysOf(preview.picked));
      expect(drawn.picked.every((p: { handler: { name: string } }) => p.handler.name === '刘处理')).toBe(
        true,
      );
      // What rules drew before is not drawn again; November's, the open one and Nanshan's never.
      const all = ['h1', 'h2', 'h3'];
      expect(keysOf(drawn.picked).every((k) => k && all.includes(k))).toBe(true);
      const rest = await draw(shanghaiSupervisor, { method: 'random', percent: 100 });
      expect(keysOf([...drawn.picked, ...rest.picked])).toEqual(all);
      expect((await draw(shanghaiSupervisor, { method: 'random', percent: 100 })).picked).toEqual([]);
      const record = await t.app.db
        .selectFrom('quality_draws')
        .selectAll()
        .where('id', '=', drawn.drawId)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(record.params)).toMatchObject({ seed: 20261031, perHandler: 2 });
      expect(JSON.parse(record.check_ids)).toEqual(drawn.picked.map((p: { checkId: number }) => p.checkId));
    });

    it('refuses a handler outside the caller’s units and a random draw without a size', async () => {
      const outside = await shanghaiSupervisor.request('POST', '/api/v1/quality-checks/draws', {
        period: '2026-10',
        method: 'random',
        perHandler: 1,
        handlerIds: [user('handler2')],
      });
      expect(outside.status).toBe(400);
      expect(outside.body.fields).toEqual([expect.objectContaining({ path: '/body/handlerIds/0' })]);
      const sizeless = await executive.request('POST', '/api/v1/quality-checks/draws', {
        period: '2026-10',
        method: 'random',
      });
      expect(sizeless.status).toBe(400);
      expect(sizeless.body.fields).toEqual([expect.objectContaining({ path: '/body/perHandler' })]);
      const noCategory = await executive.request('POST', '/api/v1/quality-checks/draws', {
        period: '2026-10',
        method: 'rule',
        rules: ['category'],
      });
      expect(noCategory.body.fields).toEqual([expect.objectContaining({ path: '/body/categoryId' })]);
    });

    it('scores a check by weight, with suggestions from the record, and finalises it once', async () => {
      const { items } = await shanghaiSupervisor.ok('GET', '/api/v1/quality-checks?period=2026-10');
      expect(items.map((c: { handler: { name: string } }) => c.handler.name)).toEqual(
        Array(6).fill('刘处理'),
      );
      const h6 = items.find(
        (c: { complaint: { number: string } }) => c.complaint.number === numbers.get('h6'),
      );
      const url = `/api/v1/quality-checks/${h6.id}`;
      const draft = await shanghaiSupervisor.ok('GET', url);
      expect(draft.mayScore).toBe(true);
      const suggestion = (key: string) => draft.items.find((i: { key: string }) => i.key === key)?.suggestion;
      expect(suggestion('time_limits_kept')).toBe(0);
      expect(suggestion('reply_complete')).toBe(0);
      expect(suggestion('tone')).toBeNull();
      const scores: Record<string, number> = {
        identity_checked: 1,
        record_complete: 1,
        reply_complete: 0.5,
        time_limits_kept: 0,
        tone: 1,
      };
      const scored = Object.entries(scores).map(([key, score]) => ({ key, score, note: `${key} 备注` }));
      const saved = await shanghaiSupervisor.ok('PUT', url, {
        items: scored.slice(0, 2),
        findings: '回复缺依据',
        finalise: false,
      });
      expect(saved).toMatchObject({ status: 'draft', score: null, findings: '回复缺依据' });
      const incomplete = await shanghaiSupervisor.request('PUT', url, {
        items: [],
        findings: '',
        finalise: true,
      });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.fields).toEqual([
        expect.objectContaining({ path: '/body/items/2/score', code: 'required' }),
      ]);
      const unknown = await shanghaiSupervisor.request('PUT', url, {
        items: [{ key: 'nope', score: 1, note: '' }],
        findings: '',
        finalise: false,
      });
      expect(unknown.body.fields).toEqual([expect.objectContaining({ path: '/body/items/0/key' })]);
      const final = await shanghaiSupervisor.ok('PUT', url, {
        items: scored,
        findings: '回复缺依据；超时未处理',
        finalise: true,
      });
      // (15·1 + 20·1 + 25·0.5 + 20·0 + 20·1) / 100
      expect(final).toMatchObject({ status: 'final', score: 67.5, mayScore: false });
      expect(final.scoredAt).not.toBeNull();
      const again = await shanghaiSupervisor.request('PUT', url, {
        items: scored,
        findings: '',
        finalise: true,
      });
      expect(again.status).toBe(409);
      expect(await verifyChain(t.app.db)).toMatchObject({ intact: true });
    });

    it('shows the handler their own scored checks and nobody else’s', async () => {
      const mine = await handler.ok('GET', '/api/v1/quality-checks/mine');
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({
        status: 'final',
        score: 67.5,
        complaint: { number: numbers.get('h6') },
      });
      const own = await handler.ok('GET', `/api/v1/quality-checks/${mine.items[0].id}`);
      expect(own).toMatchObject({ findings: '回复缺依据；超时未处理', mayScore: false });
      expect(own.items.find((i: { key: string }) => i.key === 'reply_complete')).toMatchObject({
        score: 0.5,
        note: 'reply_complete 备注',
        suggestion: null,
      });
      expect((await handler2.ok('GET', '/api/v1/quality-checks/mine')).items).toEqual([]);
      expect((await handler2.request('GET', `/api/v1/quality-checks/${mine.items[0].id}`)).status).toBe(404);
      const { items } = await shanghaiSupervisor.ok('GET', '/api/v1/quality-checks?status=draft');
      expect((await handler.request('GET', `/api/v1/quality-checks/${items[0].id}`)).status).toBe(404);
    });

    it('keeps checks to the checkers of the handler’s units; others are refused', async () => {
      // The service centre's manager is over neither station.
      expect((await manager.ok('GET', '/api/v1/quality-checks')).items).toEqual([]);
      expect((await auditor.ok('GET', '/api/v1/quality-checks')).items).toHaveLength(7);
      const { items } = await shanghaiSupervisor.ok('GET', '/api/v1/quality-checks?status=draft');
      const score = { items: [], findings: '', finalise: false };
      expect((await manager.request('PUT', `/api/v1/quality-checks/${items[0].id}`, score)).status).toBe(404);
      expect((await handler.request('PUT', `/api/v1/quality-checks/${items[0].id}`, score)).status).toBe(403);
      expect(
        (
          await handler.request('POST', '/api/v1/quality-checks/draws', {
            period: '2026-10',
            method: 'rule',
            rules: ['major'],
          })
        ).status,
      ).toBe(403);
      expect((await agent.request('GET', '/api/v1/quality-checks')).status).toBe(403);
      expect((await agent.request('GET', '/api/v1/quality-checklists')).status).toBe(403);
    });
  });
}

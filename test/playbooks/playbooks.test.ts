import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

interface Step {
  id: number;
  playbookNameZh: string;
  textZh: string;
  required: boolean;
  documents: Array<{ zh: string }>;
  doneAt: string | null;
  doneBy: { name: string } | null;
}

for (const dialect of DIALECTS) {
  describe(`playbooks (处置清单) on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let manager: Client;
    let handler: Client;
    let executive: Client;
    let auditor: Client;
    const category = (code: string) => t.org.categoryIds.get(code) ?? 0;
    const register = async (overrides: Partial<RegisterInput>): Promise<string> =>
      (
        await manager.ok(
          'POST',
          '/api/v1/complaints',
          buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), ...overrides }),
        )
      ).number;
    const checklist = async (number: string, as = manager): Promise<Step[]> =>
      (await as.ok('GET', `/api/v1/complaints/${number}/checklist`)).items;
    const timeline = async (
      number: string,
    ): Promise<Array<{ kind: string; data: Record<string, unknown> }>> =>
      (await manager.ok('GET', `/api/v1/complaints/${number}/timeline`)).items;
    const playbookNames = (steps: Step[]) => [...new Set(steps.map((s) => s.playbookNameZh))];
    /** Take a complaint to the point of the reply. */
    async function approved(number: string): Promise<string> {
      const base = `/api/v1/complaints/${number}`;
      await manager.ok('POST', `${base}/accept`);
      await manager.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('handler') });
      await manager.ok('POST', `${base}/start`);
      await manager.ok('PUT', `${base}/judgement`, judgement);
      await manager.ok('POST', `${base}/remedies`, remedy(2000));
      return base;
    }

    beforeAll(async () => {
      t = await startTestApp(dialect);
      admin = await login(t.http, 'admin');
      manager = await login(t.http, 'manager');
      handler = await login(t.http, 'handler');
      executive = await login(t.http, 'executive');
      auditor = await login(t.http, 'auditor');
    });
    afterAll(() => t?.close());

    it('attaches the injury playbook at registration, copied with its documents, and records it', async () => {
      const number = await register({ majorReasons: ['injury'], title: '快递员撞伤顾客' });
      const steps = await checklist(number);
      expect(playbookNames(steps)).toEqual(['人身伤害处置']);
      expect(steps[0]).toMatchObject({
        textZh: '征得顾客或家属同意后立即送医检查，并致歉慰问',
        required: true,
        doneAt: null,
      });
      expect(steps.find((s) => s.textZh.startsWith('拍照'))?.documents.map((d) => d.zh)).toEqual([
        '现场照片',
        '伤处照片',
      ]);
      const registered = (await timeline(number)).find((e) => e.kind === 'registered');
      expect(registered?.data.playbooks).toEqual([
        expect.objectContaining({ name: '人身伤害处置', steps: 6 }),
      ]);
    });

    it('attaches nothing to a complaint no playbook applies to', async () => {
      const number = await register({});
      expect(await checklist(number)).toEqual([]);
      expect((await timeline(number)).find((e) => e.kind === 'registered')?.data.playbooks).toBeUndefined();
    });

    it('attaches a playbook by category subtree; edits of the playbook do not rewrite attached steps', async () => {
      const created = await admin.ok('POST', '/api/v1/playbooks', {
        nameZh: '破损核查',
        nameEn: 'Damage check',
        categoryId: category('damage'),
        majorReason: null,
        steps: [{ textZh: '请客户拍照', textEn: 'Ask for photos', required: true, documents: [] }],
        active: true,
      });
      const number = await register({ categoryId: category('damage.packaging') });
      expect((await checklist(number)).map((s) => s.textZh)).toEqual(['请客户拍照']);
      await admin.ok('PUT', `/api/v1/playbooks/${created.id}`, {
        ...created,
        id: undefined,
        updatedAt: undefined,
        steps: [{ textZh: '请客户拍照并上传', textEn: 'Photos', required: false, documents: [] }],
      });
      expect((await checklist(number)).map((s) => s.textZh)).toEqual(['请客户拍照']);
      const moved = await register({});
      await manager.ok('PATCH', `/api/v1/complaints/${moved}`, { categoryId: category('damage.contents') });
      expect((await checklist(moved)).map((s) => s.textZh)).toEqual(['请客户拍照并上传']);
      const later = await register({ categoryId: category('damage.contents') });
      expect((await checklist(later)).map((s) => [s.textZh, s.required])).toEqual([
        ['请客户拍照并上传', false],
      ]);
      await admin.ok('PUT', `/api/v1/playbooks/${created.id}`, {
        ...created,
        id: undefined,
        updatedAt: undefined,
        active: false,
      });
      expect(await checklist(await register({ categoryId: category('damage.packaging') }))).toEqual([]);
    });

    it('attaches when graded major later, once, and more when another reason is added', async () => {
      const number = await register({});
      const base = `/api/v1/complaints/${number}`;
      await manager.ok('PATCH', base, { majorReasons: ['media_referral'] });
      expect(playbookNames(await checklist(number))).toEqual(['媒体曝光应对']);
      const updated = (await timeline(number)).filter((e) => e.kind === 'updated');
      expect(updated.at(-1)?.data.playbooks).toEqual([expect.objectContaining({ name: '媒体曝光应对' })]);
      await manager.ok('PATCH', base, { majorReasons: ['media_referral'], title: '媒体报道包裹延误' });
      await manager.ok('PATCH', base, { majorReasons: ['media_referral', 'court_summons'] });
      expect(playbookNames(await checklist(number))).toEqual(['媒体曝光应对', '法院传票应诉']);
      expect((await checklist(number)).length).toBe(8);
    });

    it('ticks and unticks steps with who and when, a history event for each, a reason to untick', async () => {
      const number = await register({ majorReasons: ['valuables_lost'] });
      const [first] = await checklist(number);
      const url = `/api/v1/complaints/${number}/checklist/${first?.id}`;
      const ticked = await handler.ok('PUT', url, { done: true });
      expect(ticked.items[0]).toMatchObject({ doneBy: { name: '刘处理' }, doneAt: expect.any(String) });
      expect((await handler.put(url, { done: true })).body.code).toBe('checklist_step_done');
      const noReason = await handler.put(url, { done: false });
      expect(noReason.status).toBe(400);
      expect(noReason.body.fields[0]).toMatchObject({ path: '/body/reason', code: 'required' });
      const unticked = await manager.ok('PUT', url, { done: false, reason: '回执号填错了' });
      expect(unticked.items[0]).toMatchObject({ doneBy: null, doneAt: null });
      const events = (await timeline(number)).filter((e) => e.kind.startsWith('checklist_step_'));
      expect(events.map((e) => [e.kind, (e.data.step as { textZh: string }).textZh])).toEqual([
        ['checklist_step_ticked', '通知值班经理，协助顾客报警'],
        ['checklist_step_unticked', '通知值班经理，协助顾客报警'],
      ]);
      expect((await timeline(number)).at(-1)).toMatchObject({ comment: '回执号填错了' });
    });

    it('lets only those who work the complaint tick; others may read the checklist', async () => {
      const number = await register({ majorReasons: ['court_summons'] });
      const [first] = await checklist(number, auditor);
      expect((await auditor.get(`/api/v1/complaints/${number}/checklist`)).body.mayTick).toBe(false);
      expect((await handler.get(`/api/v1/complaints/${number}/checklist`)).body.mayTick).toBe(true);
      for (const outsider of [auditor, executive, admin])
        expect(
          (await outsider.put(`/api/v1/complaints/${number}/checklist/${first?.id}`, { done: true })).status,
        ).toBe(403);
      const handler2 = await login(t.http, 'handler2');
      expect((await handler2.get(`/api/v1/complaints/${number}/checklist`)).status).toBe(404);
      expect(
        (await handler2.put(`/api/v1/complaints/${number}/checklist/${first?.id}`, { done: true })).status,
      ).toBe(404);
      const other = await register({});
      expect(
        (await manager.put(`/api/v1/complaints/${other}/checklist/${first?.id}`, { done: true })).status,
      ).toBe(404);
    });

    it('refuses the reply while a required step is open, naming the open steps', async () => {
      const number = await register({ majorReasons: ['government_referral'] });
      const base = await approved(number);
      const steps = await checklist(number);
      expect(steps.every((s) => s.required)).toBe(true);
      for (const s of steps.slice(0, 2)) await manager.ok('PUT', `${base}/checklist/${s.id}`, { done: true });
      const refused = await manager.post(`${base}/reply`, reply());
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'playbook_steps_open',
        params: { count: 1, steps: [{ id: steps[2]?.id, textZh: '留存答复函副本' }] },
      });
      expect(refused.body.detail).toContain('1');
      expect((await manager.ok('GET', base)).status).toBe('approved');
      await manager.ok('PUT', `${base}/checklist/${steps[2]?.id}`, { done: true });
      expect((await manager.ok('POST', `${base}/reply`, reply())).status).toBe('replied');
    });

    it('refuses to resolve on first contact while the playbook has required steps', async () => {
      const refused = await manager.post(
        '/api/v1/complaints',
        buildComplaint(t.org, {
          unitId: t.org.unitIds.get('pudong'),
          majorReasons: ['court_summons'],
          firstContact: { reply: reply() },
        }),
      );
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'playbook_steps_open', params: { count: 4 } });
    });

    it('does not wait for optional steps before the reply', async () => {
      const created = await admin.ok('POST', '/api/v1/playbooks', {
        nameZh: '收费核对',
        nameEn: 'Fee check',
        categoryId: category('fees'),
        majorReason: null,
        steps: [{ textZh: '核对支付记录', textEn: 'Check the payment', required: false, documents: [] }],
        active: true,
      });
      expect(created.id).toBeGreaterThan(0);
      const number = await register({ categoryId: category('fees.extra') });
      expect(await checklist(number)).toHaveLength(1);
      const base = await approved(number);
      expect((await manager.ok('POST', `${base}/reply`, reply())).status).toBe('replied');
    });

    it('validates playbooks and guidance, for the admin only', async () => {
      const body = {
        nameZh: '空',
        nameEn: 'Empty',
        categoryId: null,
        majorReason: null,
        steps: [{ textZh: '一步', textEn: 'One', required: true, documents: [] }],
        active: true,
      };
      const noTrigger = await admin.post('/api/v1/playbooks', body);
      expect(noTrigger.status).toBe(400);
      expect(noTrigger.body.fields).toEqual([
        expect.objectContaining({ path: '/body/majorReason', code: 'playbook_trigger_required' }),
      ]);
      const unknown = await admin.post('/api/v1/playbooks', { ...body, categoryId: 999999 });
      expect(unknown.body.fields[0]).toMatchObject({ path: '/body/categoryId', code: 'unknown_category' });
      expect((await admin.post('/api/v1/playbooks', { ...body, majorReason: 'bored' })).status).toBe(400);
      expect(
        (await admin.post('/api/v1/playbooks', { ...body, majorReason: 'injury', steps: [] })).status,
      ).toBe(400);
      const blank = await admin.post('/api/v1/playbooks', {
        ...body,
        majorReason: 'injury',
        steps: [{ textZh: ' ', textEn: 'x', required: true, documents: [] }],
      });
      expect(blank.body.fields[0]).toMatchObject({ path: '/body/steps/0/textZh', code: 'blank' });
      expect((await manager.post('/api/v1/playbooks', { ...body, majorReason: 'injury' })).status).toBe(403);
      expect((await manager.get('/api/v1/playbooks')).status).toBe(403);
      expect((await admin.put('/api/v1/playbooks/999999', { ...body, majorReason: 'injury' })).status).toBe(
        404,
      );
      const list = await admin.ok('GET', '/api/v1/playbooks');
      expect(list.items.map((p: { nameZh: string }) => p.nameZh)).toEqual(
        expect.arrayContaining([
          '人身伤害处置',
          '报警处置',
          '保险理赔',
          '法院传票应诉',
          '媒体曝光应对',
          '监管转办答复',
        ]),
      );
      expect(
        (await manager.put(`/api/v1/category-guidance/${category('delay')}`, { textZh: 'x', textEn: 'x' }))
          .status,
      ).toBe(403);
      expect(
        (await admin.put(`/api/v1/category-guidance/${category('delay')}`, { textZh: '   ', textEn: 'x' }))
          .body.fields[0],
      ).toMatchObject({ path: '/body/textZh', code: 'blank' });
    });

    it('shows the first-response guidance of the nearest category and the playbooks that will attach', async () => {
      const transit = category('delay.transit');
      const shown = await manager.ok(
        'GET',
        `/api/v1/first-response?categoryId=${transit}&majorReasons=injury,media_referral`,
      );
      expect(shown.guidance).toMatchObject({
        categoryId: category('delay'),
        textZh: expect.stringContaining('查询物流轨迹'),
      });
      expect(shown.playbooks.map((p: { nameZh: string }) => p.nameZh)).toEqual([
        '人身伤害处置',
        '媒体曝光应对',
      ]);
      await admin.ok('PUT', `/api/v1/category-guidance/${transit}`, {
        textZh: '先查中转站记录',
        textEn: 'Check the hub',
      });
      expect(
        (await manager.ok('GET', `/api/v1/first-response?categoryId=${transit}`)).guidance,
      ).toMatchObject({
        categoryId: transit,
        textZh: '先查中转站记录',
      });
      expect((await admin.ok('GET', '/api/v1/category-guidance')).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ categoryId: transit, textEn: 'Check the hub' })]),
      );
      expect((await admin.delete(`/api/v1/category-guidance/${transit}`)).status).toBe(204);
      expect(
        (await manager.ok('GET', `/api/v1/first-response?categoryId=${transit}`)).guidance.categoryId,
      ).toBe(category('delay'));
      expect(
        (await manager.ok('GET', `/api/v1/first-response?categoryId=${category('other')}`)).guidance,
      ).toBeNull();
    });
  });
}

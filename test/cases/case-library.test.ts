import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const packagingCase = {
  title: '外包装破损的处理',
  summary: '客户收到的纸箱外包装破损，内件完好。',
  lessons: '外包装破损时先请客户拍照留存，再联系网点核实交接记录。',
  scripts: [
    { title: '致歉', text: '非常抱歉您的包裹外包装受损，我们已安排网点核实。' },
    { title: '理赔说明', text: '如内件受损，请提供照片，我们将按保价规则赔付。' },
  ],
  tags: ['包装'],
};

const delayCase = {
  title: '中转延误的答复',
  lessons: '延误投诉先查中转记录，给出预计送达时间。',
  scripts: [{ title: '延误致歉', text: '您的包裹在中转环节延误，预计明天送达。' }],
};

for (const dialect of DIALECTS) {
  describe(`case library (案例库) on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let supervisor: Client;
    let agent: Client;
    let packaging: string;
    let delay: string;
    const category = (code: string) => t.org.categoryIds.get(code) ?? 0;
    const cases = (query = '') => supervisor.ok('GET', `/api/v1/cases${query}`);
    const numbersOf = (page: { items: Array<{ number: string }> }) => page.items.map((i) => i.number);

    /** A complaint the manager takes through to resolved (or only registers). */
    async function complaint(overrides: Partial<RegisterInput>, resolved = true): Promise<string> {
      const { number } = await manager.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), ...overrides }),
      );
      if (!resolved) return number;
      const base = `/api/v1/complaints/${number}`;
      await manager.ok('POST', `${base}/accept`);
      await manager.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('handler') });
      await manager.ok('POST', `${base}/start`);
      await manager.ok('PUT', `${base}/judgement`, judgement);
      await manager.ok('POST', `${base}/remedies`, remedy(2000));
      await manager.ok('POST', `${base}/reply`, reply());
      await manager.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
      return number;
    }

    beforeAll(async () => {
      t = await startTestApp(dialect);
      manager = await login(t.http, 'manager');
      supervisor = await login(t.http, 'supervisor');
      agent = await login(t.http, 'agent');
      packaging = await complaint({
        title: '纸箱破了',
        content: '收到的快递外包装破损，担心里面的东西。',
        categoryId: category('damage.packaging'),
      });
      delay = await complaint({ categoryId: category('delay.transit') });
    });
    afterAll(() => t?.close());

    it('lets a supervisor mark a resolved complaint as a case, not an agent', async () => {
      const base = `/api/v1/complaints/${packaging}`;
      expect((await agent.ok('GET', base)).allowedActions).not.toContain('curate_case');
      expect((await supervisor.ok('GET', base)).allowedActions).toContain('curate_case');
      const refused = await agent.put(`${base}/case`, packagingCase);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');

      const marked = await supervisor.ok('PUT', `${base}/case`, packagingCase);
      expect(marked.case).toMatchObject({
        title: '外包装破损的处理',
        lessons: packagingCase.lessons,
        scripts: packagingCase.scripts,
        tags: ['包装'],
        markedBy: { id: t.org.userIds.get('supervisor') },
      });
      expect((await agent.ok('GET', base)).case.title).toBe('外包装破损的处理');
      await supervisor.ok('PUT', `/api/v1/complaints/${delay}/case`, delayCase);
    });

    it('refuses a complaint not yet accepted and a blank title', async () => {
      const fresh = await complaint({}, false);
      const early = await supervisor.put(`/api/v1/complaints/${fresh}/case`, delayCase);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('illegal_transition');
      const blank = await supervisor.put(`/api/v1/complaints/${packaging}/case`, {
        ...delayCase,
        title: '  ',
      });
      expect(blank.status).toBe(400);
      expect((await supervisor.get(`/api/v1/complaints/${fresh}`)).body.case).toBeNull();
    });

    it('finds a case by a Chinese word of its lessons, not by an unrelated word', async () => {
      expect(numbersOf(await cases(`?q=${encodeURIComponent('拍照')}`))).toEqual([packaging]);
      expect(numbersOf(await cases(`?q=${encodeURIComponent('包装 网点')}`))).toEqual([packaging]);
      expect(numbersOf(await cases(`?q=${encodeURIComponent('破碎')}`))).toEqual([]);
      expect(numbersOf(await cases(`?q=${encodeURIComponent('拍照 延误')}`))).toEqual([]);
      const all = await agent.ok('GET', '/api/v1/cases');
      expect(numbersOf(all)).toEqual([delay, packaging]);
      expect(all.items[1]).toMatchObject({
        title: '外包装破损的处理',
        summary: packagingCase.summary,
        scripts: packagingCase.scripts,
        category: { id: category('damage.packaging'), code: 'damage.packaging', nameZh: expect.any(String) },
        markedBy: { id: t.org.userIds.get('supervisor') },
        markedAt: expect.any(String),
      });
    });

    it('filters by category branch and pages with a cursor', async () => {
      expect(numbersOf(await cases(`?categoryId=${category('damage')}`))).toEqual([packaging]);
      expect(numbersOf(await cases(`?categoryId=${category('delay')}`))).toEqual([delay]);
      expect(numbersOf(await cases(`?categoryId=${category('lost')}`))).toEqual([]);
      const first = await cases('?limit=1');
      expect(first.items).toHaveLength(1);
      const second = await cases(`?limit=1&cursor=${first.nextCursor}`);
      expect([...numbersOf(first), ...numbersOf(second)]).toEqual([delay, packaging]);
      expect(second.nextCursor).toBeNull();
    });

    it('offers the scripts of the same category branch first in the reply form', async () => {
      // A damaged item that also speaks of delay: the damage branch comes before the shared word.
      const fresh = await complaint(
        {
          title: '包裹延误而且破损',
          content: '快递延误了两天，内件也碎了。',
          categoryId: category('damage.contents.fragile'),
        },
        false,
      );
      const { items } = await agent.ok('GET', `/api/v1/complaints/${fresh}/scripts`);
      expect(items.map((i: { title: string }) => i.title)).toEqual(['致歉', '理赔说明', '延误致歉']);
      expect(items[0]).toMatchObject({ caseNumber: packaging, caseTitle: '外包装破损的处理' });
      const own = await agent.ok('GET', `/api/v1/complaints/${packaging}/scripts`);
      expect(own.items.map((i: { caseNumber: string }) => i.caseNumber)).not.toContain(packaging);
    });

    it('updates and unmarks a case, with every change in the history', async () => {
      const base = `/api/v1/complaints/${packaging}`;
      const updated = await supervisor.ok('PUT', `${base}/case`, {
        ...packagingCase,
        lessons: '先拍照再核实。',
      });
      expect(updated.case.lessons).toBe('先拍照再核实。');
      const unmarked = await supervisor.ok('DELETE', `${base}/case`);
      expect(unmarked.case).toBeNull();
      expect(numbersOf(await cases())).toEqual([delay]);
      const again = await supervisor.delete(`${base}/case`);
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('case_not_found');
      const kinds = (await supervisor.ok('GET', `${base}/timeline`)).items.map(
        (e: { kind: string }) => e.kind,
      );
      expect(kinds.filter((k: string) => k.startsWith('case_'))).toEqual([
        'case_marked',
        'case_updated',
        'case_unmarked',
      ]);
      const events = (await supervisor.ok('GET', `${base}/timeline`)).items;
      const update = events.find((e: { kind: string }) => e.kind === 'case_updated');
      expect(update.data.changes).toEqual({ lessons: { from: packagingCase.lessons, to: '先拍照再核实。' } });
    });

    it('marks an archived complaint too', async () => {
      await manager.ok('POST', `/api/v1/complaints/${delay}/archive`);
      const updated = await supervisor.ok('PUT', `/api/v1/complaints/${delay}/case`, {
        ...delayCase,
        tags: ['延误'],
      });
      expect(updated.status).toBe('closed');
      expect(updated.case.tags).toEqual(['延误']);
    });
  });
}

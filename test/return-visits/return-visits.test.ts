import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

interface Visit {
  id: number;
  complaintNumber: string;
  dueOn: string;
  status: string;
  delayDays: number;
  attempts: number;
  newComplaintNumber: string | null;
}

const HOUR = 3_600_000;
/** 10:00 on 1 December 2026 in Shanghai (UTC+8). */
const START = Date.parse('2026-12-01T02:00:00Z');
/** Midnight at the start of `day` in Shanghai, in epoch ms. */
const shanghaiMidnight = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
const survey = { speed: 5, effectiveness: 4, attitude: 5, transparency: 3, recommendation: 9 };

for (const dialect of DIALECTS) {
  describe(`return visits (回访) on ${dialect}`, () => {
    const clock = fixedClock(START);
    let t: TestApp;
    let admin: Client;
    let manager: Client;
    let agent: Client;
    let handler: Client;
    let auditor: Client;
    const category = (code: string) => t.org.categoryIds.get(code) ?? 0;

    /** Register (at the service centre, filed under Pudong), take through to the reply, confirm, archive. */
    async function closed(overrides: Partial<RegisterInput> = {}, outcome = 'satisfied'): Promise<string> {
      const { number } = await manager.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), ...overrides }),
      );
      const base = `/api/v1/complaints/${number}`;
      await manager.ok('POST', `${base}/accept`);
      await manager.ok('POST', `${base}/assign`, { assigneeId: t.org.userIds.get('handler') });
      await manager.ok('POST', `${base}/start`);
      await manager.ok('PUT', `${base}/judgement`, judgement);
      await manager.ok('POST', `${base}/remedies`, remedy(1000));
      await manager.ok('POST', `${base}/reply`, reply());
      if (outcome === 'unsatisfied') {
        // Not satisfied reopens; the second answer is accepted.
        await manager.ok('POST', `${base}/confirmation`, { outcome: 'unsatisfied', comment: '不满意' });
        await manager.ok('POST', `${base}/remedies`, remedy(1000));
        await manager.ok('POST', `${base}/reply`, reply());
      }
      await manager.ok('POST', `${base}/confirmation`, { outcome: 'satisfied' });
      await manager.ok('POST', `${base}/archive`);
      return number;
    }
    const visitsOf = async (number: string): Promise<Visit[]> =>
      (await agent.ok('GET', `/api/v1/complaints/${number}/return-visits`)).items;
    const queue = async (as = agent): Promise<{ today: string; items: Visit[] }> =>
      as.ok('GET', '/api/v1/return-visits?limit=100');
    const inQueue = async (number: string) => (await queue()).items.some((v) => v.complaintNumber === number);

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      // API tokens: the tests move the clock by months, past a session's life.
      admin = await tokenClient(t, 'admin');
      manager = await tokenClient(t, 'manager');
      agent = await tokenClient(t, 'agent');
      handler = await tokenClient(t, 'handler');
      auditor = await tokenClient(t, 'auditor');
    });
    afterAll(() => t?.close());

    it('closing schedules a visit after the configured delay: by grade, by category subtree, or none', async () => {
      clock.set(START);
      const general = await closed();
      expect(await visitsOf(general)).toEqual([
        expect.objectContaining({ dueOn: '2027-01-15', delayDays: 45, status: 'scheduled', attempts: 0 }),
      ]);
      const major = await closed({ majorReasons: ['malicious_claim'] });
      expect((await visitsOf(major))[0]).toMatchObject({ dueOn: '2026-12-31', delayDays: 30 });

      await admin.ok('PUT', '/api/v1/settings/return-visits', {
        majorDays: 20,
        generalDays: 60,
        sharePercent: 100,
        maxAttempts: 3,
        retryAfterDays: 2,
        rules: [
          { categoryId: category('delay'), grade: 'general', days: 14, never: false },
          { categoryId: category('lost'), grade: null, days: 1, never: true },
        ],
      });
      // The rule of 延误 reaches its subtree (中转延误); other categories take the grade's delay.
      expect((await visitsOf(await closed()))[0]).toMatchObject({
        dueOn: '2026-12-15',
        delayDays: 14,
        // The customer service centre calls back.
        unitId: t.org.unitIds.get('service'),
        unitName: '客服中心',
      });
      expect(
        (await visitsOf(await closed({ categoryId: category('damage.contents.fragile') })))[0],
      ).toMatchObject({ dueOn: '2027-01-30', delayDays: 60 });
      expect((await visitsOf(await closed({ majorReasons: ['malicious_claim'] })))[0]).toMatchObject({
        delayDays: 20,
      });
      // 丢失短少: never, whatever the grade.
      const lost = await closed({ categoryId: category('lost.whole') });
      expect(await visitsOf(lost)).toEqual([]);
      const archived = (await manager.ok('GET', `/api/v1/complaints/${general}/timeline`)).items.find(
        (e: { kind: string }) => e.kind === 'archived',
      );
      expect(archived.data.returnVisit).toMatchObject({ dueOn: '2027-01-15', delayDays: 45 });
    });

    it('samples a share of the satisfied general complaints; the unsatisfied and major ones always', async () => {
      clock.set(START);
      await admin.ok('PUT', '/api/v1/settings/return-visits', {
        majorDays: 30,
        generalDays: 45,
        sharePercent: 0,
        maxAttempts: 3,
        retryAfterDays: 2,
        rules: [],
      });
      expect(await visitsOf(await closed())).toEqual([]);
      expect(await visitsOf(await closed({}, 'unsatisfied'))).toHaveLength(1);
      expect(await visitsOf(await closed({ majorReasons: ['malicious_claim'] }))).toHaveLength(1);
      const refused = await admin.put('/api/v1/settings/return-visits', {
        majorDays: 30,
        generalDays: 45,
        sharePercent: 100,
        maxAttempts: 3,
        retryAfterDays: 2,
        rules: [{ categoryId: 999999, grade: null, days: 10, never: false }],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([expect.objectContaining({ path: '/body/rules/0/categoryId' })]);
      await admin.ok('PUT', '/api/v1/settings/return-visits', {
        ...(await admin.ok('GET', '/api/v1/settings/return-visits')),
        sharePercent: 100,
      });
    });

    it('a visit due on a given date appears in the queue that day and not before (the organisation’s day)', async () => {
      // Closed at 10:00 on 1 December in Shanghai: due 45 days later, 15 January.
      clock.set(START);
      const number = await closed();
      expect((await visitsOf(number))[0]?.dueOn).toBe('2027-01-15');

      clock.set(shanghaiMidnight('2027-01-15') - 1000); // 23:59:59 on the 14th in Shanghai, 15:59:59 UTC
      expect((await queue()).today).toBe('2027-01-14');
      expect(await inQueue(number)).toBe(false);

      clock.set(shanghaiMidnight('2027-01-15')); // midnight in Shanghai, still the 14th in UTC
      expect((await queue()).today).toBe('2027-01-15');
      expect(await inQueue(number)).toBe(true);
      clock.set(shanghaiMidnight('2027-02-01'));
      expect(await inQueue(number)).toBe(true);
    });

    it('pages the queue oldest first by cursor', async () => {
      clock.set(shanghaiMidnight('2027-03-01'));
      const all: Visit[] = (await queue()).items;
      expect(all.length).toBeGreaterThan(2);
      const keys = all.map((v) => `${v.dueOn}#${String(v.id).padStart(9, '0')}`);
      expect([...keys].sort()).toEqual(keys);
      const first = await agent.ok('GET', '/api/v1/return-visits?limit=2');
      expect(first.items.map((v: Visit) => v.id)).toEqual(all.slice(0, 2).map((v) => v.id));
      const second = await agent.ok('GET', `/api/v1/return-visits?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((v: Visit) => v.id)).toEqual(all.slice(2, 4).map((v) => v.id));
    });

    it('a reached call records the survey marked return_visit and a new problem opens a linked complaint', async () => {
      clock.set(START);
      const number = await closed();
      const [visit] = await visitsOf(number);
      clock.set(shanghaiMidnight('2027-01-16'));
      const result = await agent.ok('POST', `/api/v1/return-visits/${visit?.id}/calls`, {
        reached: true,
        note: '客户对处理满意，但反映新包裹又延误',
        survey: { ...survey, suggestions: '希望快递员提前电话联系' },
        newProblem: { title: '新包裹延误', content: '回访时客户反映另一件包裹也延误了三天。' },
      });
      expect(result.visit).toMatchObject({ status: 'done', attempts: 1 });
      expect(result.newComplaintNumber).toMatch(/^KS\d{8}-\d{6}$/);
      expect(await inQueue(number)).toBe(false);

      const original = await manager.ok('GET', `/api/v1/complaints/${number}`);
      expect(original.survey).toMatchObject({ source: 'return_visit', ...survey });
      expect(original.surveys).toHaveLength(1);
      expect(original.links).toEqual([
        expect.objectContaining({ kind: 'follow_up_of:incoming', number: result.newComplaintNumber }),
      ]);
      const opened = await manager.ok('GET', `/api/v1/complaints/${result.newComplaintNumber}`);
      expect(opened).toMatchObject({ channel: 'phone', title: '新包裹延误', status: 'received' });
      expect(opened.complainant.name).toBe(original.complainant.name);
      expect(opened.customer?.id ?? null).toBe(original.customer?.id ?? null);
      expect(opened.links).toEqual([expect.objectContaining({ kind: 'follow_up_of', number })]);

      const called = (await manager.ok('GET', `/api/v1/complaints/${number}/timeline`)).items.find(
        (e: { kind: string }) => e.kind === 'return_visit_called',
      );
      expect(called.data).toMatchObject({
        reached: true,
        status: 'done',
        newComplaint: result.newComplaintNumber,
        survey: { source: 'return_visit', speed: 5 },
      });
      // The visit is finished: a second call is refused.
      const again = await agent.post(`/api/v1/return-visits/${visit?.id}/calls`, { reached: true });
      expect(again.status).toBe(409);
      expect((await verifyChain(t.app.db)).intact).toBe(true);
    });

    it('counts unreached attempts, moves the due day, and closes the visit after the last attempt', async () => {
      clock.set(START);
      const number = await closed();
      const [visit] = await visitsOf(number);
      const calls = `/api/v1/return-visits/${visit?.id}/calls`;
      clock.set(shanghaiMidnight('2027-01-15') + 9 * HOUR);

      const bad = await agent.post(calls, { reached: false, nextAttemptOn: '2027-01-15', survey });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual([
        '/body/nextAttemptOn',
        '/body/survey',
      ]);

      const first = await agent.ok('POST', calls, { reached: false, note: '无人接听' });
      expect(first.visit).toMatchObject({ status: 'scheduled', attempts: 1, dueOn: '2027-01-17' });
      expect(await inQueue(number)).toBe(false);
      const second = await agent.ok('POST', calls, { reached: false, nextAttemptOn: '2027-01-20' });
      expect(second.visit).toMatchObject({ attempts: 2, dueOn: '2027-01-20' });
      clock.set(shanghaiMidnight('2027-01-20'));
      expect(await inQueue(number)).toBe(true);
      const third = await agent.ok('POST', calls, { reached: false });
      expect(third.visit).toMatchObject({ status: 'unreached', attempts: 3 });
      expect(await inQueue(number)).toBe(false);
      expect((await agent.post(calls, { reached: false })).status).toBe(409);
    });

    it('a phone survey counts like the portal’s, marked phone, once', async () => {
      clock.set(START);
      const number = await closed();
      const url = `/api/v1/complaints/${number}/phone-survey`;
      expect((await agent.post(url, survey)).status).toBe(204);
      expect((await agent.post(url, survey)).status).toBe(409);
      const detail = await manager.ok('GET', `/api/v1/complaints/${number}`);
      expect(detail.surveys).toEqual([expect.objectContaining({ source: 'phone', recommendation: 9 })]);
      const open = await manager.post(`/api/v1/complaints/${await registered()}/phone-survey`, survey);
      expect(open.status).toBe(409);
      expect(open.body.code).toBe('survey_not_open');
    });

    it('refuses those who do not call customers back (403) and hides other units’ visits (404)', async () => {
      clock.set(START);
      const number = await closed();
      const [visit] = await visitsOf(number);
      expect((await handler.get('/api/v1/return-visits')).status).toBe(403);
      expect(
        (await handler.post(`/api/v1/return-visits/${visit?.id}/calls`, { reached: false })).status,
      ).toBe(403);
      expect(
        (await auditor.post(`/api/v1/return-visits/${visit?.id}/calls`, { reached: false })).status,
      ).toBe(403);
      expect((await auditor.get('/api/v1/return-visits')).status).toBe(200);
      expect((await handler.post(`/api/v1/complaints/${number}/phone-survey`, survey)).status).toBe(403);
      expect((await agent.get('/api/v1/settings/return-visits')).status).toBe(403);
      expect((await manager.put('/api/v1/settings/return-visits', {})).status).toBe(403);
      expect((await agent.post('/api/v1/return-visits/99999999/calls', { reached: false })).status).toBe(404);
    });

    async function registered(): Promise<string> {
      return (await manager.ok('POST', '/api/v1/complaints', buildComplaint(t.org))).number;
    }
  });
}

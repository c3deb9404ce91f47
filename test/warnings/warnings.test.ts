/**
 * 预警 end to end on both databases: the record and its de-duplication, each detector with real
 * complaints (the spike detector reading the rollups the statistics job fills), the notice queued, who
 * sees what, the one-click corrective action, acknowledge / assign / resolve with the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { followHistory } from '../../src/modules/stats/index.js';
import { detectNearBreach } from '../../src/modules/warnings/detect-near-breach.js';
import { detectSpikes } from '../../src/modules/warnings/detect-spikes.js';
import { followEvents } from '../../src/modules/warnings/follow-events.js';
import { raiseWarning } from '../../src/modules/warnings/index.js';
import { type Client, login, tokenClient } from '../support/client.js';
import { buildComplaint, judgement, remedy, reply } from '../support/factories.js';
import { DIALECTS, PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const DAY = 86_400_000;
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const base = '/api/v1/warnings';

for (const dialect of DIALECTS) {
  describe(`early warnings (预警) on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let executive: Client;
    let manager: Client;
    let pudongSupervisor: Client;
    let handler: Client;
    const clock = fixedClock(shanghai('2026-03-13T10:00:00'));

    const register = (overrides: Parameters<typeof buildComplaint>[1] = {}) =>
      manager.ok('POST', '/api/v1/complaints', buildComplaint(t.org, overrides)) as Promise<{
        number: string;
      }>;
    const follow = async () => {
      while (await t.app.db.transaction().execute((tx) => followEvents(tx, t.app)));
    };
    // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
    const list = async (as: Client, query = '') => (await as.ok('GET', `${base}${query}`)).items as any[];

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      [admin, executive, manager, handler] = await Promise.all([
        tokenClient(t, 'admin'),
        tokenClient(t, 'executive'),
        tokenClient(t, 'manager'),
        tokenClient(t, 'handler'),
      ]);
      await admin.ok('POST', '/api/v1/users', {
        username: 'pdsup',
        displayName: '浦东主管',
        password: PASSWORD,
        unitId: t.org.unitIds.get('pudong'),
        roles: ['supervisor'],
      });
      pudongSupervisor = await login(t.http, 'pdsup');
    });
    afterAll(() => t?.close());

    it('keeps one live warning per kind and scope, tells the unit supervisor, starts anew once resolved', async () => {
      const unitId = t.org.unitIds.get('pudong') ?? 0;
      const candidate = {
        kind: 'repeat_station' as const,
        scope: { kind: 'unit' as const, key: String(unitId), label: '浦东网点' },
        unitId,
        figures: { complaints: 10, days: 7 },
        complaintIds: [],
      };
      const first = await t.app.db.transaction().execute((tx) => raiseWarning(tx, t.app, candidate));
      const again = await t.app.db
        .transaction()
        .execute((tx) => raiseWarning(tx, t.app, { ...candidate, figures: { complaints: 12, days: 7 } }));
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      const w = await executive.ok('GET', `${base}/${first.id}`);
      expect(w).toMatchObject({
        status: 'open',
        triggers: 2,
        figures: { complaints: 12 },
        unit: { name: '浦东网点' },
      });
      expect(w.history.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'triggered_again']);
      const notices = await t.app.db
        .selectFrom('notifications')
        .select(['user_id', 'channel', 'locale', 'body'])
        .where('event', '=', 'warning_raised')
        .execute();
      // The notice names the kind and says what raised it in words, not codes.
      for (const n of notices)
        expect(n.body).toContain(
          n.locale === 'en'
            ? 'Station named again, Pudong Station) at Pudong Station: 10 complaints within 7 days'
            : '（网点多次被诉，浦东网点）：7 天内 10 件投诉',
        );
      expect(notices.length).toBeGreaterThan(0);
      const pdsup = await t.app.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'pdsup')
        .executeTakeFirst();
      expect(notices.map((n) => n.user_id)).toContain(pdsup?.id);

      await pudongSupervisor.ok('POST', `${base}/${first.id}/resolve`, { note: '已加派人手' });
      const third = await t.app.db.transaction().execute((tx) => raiseWarning(tx, t.app, candidate));
      expect(third.created).toBe(true);
      expect(third.id).not.toBe(first.id);
    });

    it('finds escalation words as jieba words, not as characters that straddle words', async () => {
      const risky = await register({
        content: '三天没有消息，再不处理我就去媒体曝光你们，还要去12315投诉。',
      });
      const straddle = await register({
        content: '快递延误引起诉求不断，你们广告的曝光率那么高，服务却这么差。电话13912315678。',
      });
      await follow();
      const found = (await list(executive, '?kind=escalation_risk')).filter((w) =>
        [risky.number, straddle.number].includes(w.scope.label),
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ scope: { kind: 'complaint', label: risky.number } });
      expect(found[0].figures.words).toEqual(['曝光', '媒体', '12315']);
    });

    it('raises nothing for events followed more than a week late (a history loaded at once)', async () => {
      const old = await register({ content: '再不处理我就去媒体曝光你们，还要去12315投诉。' });
      clock.set(shanghai('2026-03-20T10:00:01'));
      try {
        await follow();
      } finally {
        clock.set(shanghai('2026-03-13T10:00:00'));
      }
      const found = (await list(executive, '?kind=escalation_risk')).filter(
        (w) => w.scope.label === old.number,
      );
      expect(found).toEqual([]);
    });

    it('raises a repeat warning for a waybill coming back', async () => {
      const waybill = 'SF7700112233';
      await register({ waybillNo: waybill });
      await register({ waybillNo: waybill });
      await follow();
      const repeats = (await list(executive, '?kind=repeat_waybill')).filter((w) => w.scope.key === waybill);
      expect(repeats).toHaveLength(1);
      expect(repeats[0]).toMatchObject({ complaints: 2, figures: { complaints: 2, threshold: 2 } });
    });

    it('does not count a second call merged into the first as the waybill coming back', async () => {
      const waybill = 'SF7700998877';
      const first = await register({ waybillNo: waybill });
      const again = await register({ waybillNo: waybill });
      await manager.ok('POST', `/api/v1/complaints/${again.number}/merge`, {
        into: first.number,
        reason: '同一快件再次来电',
      });
      await follow();
      const mine = async () =>
        (await list(executive, '?kind=repeat_waybill')).filter((w) => w.scope.key === waybill);
      expect(await mine()).toEqual([]);
      // A complaint of its own about the same waybill is a repeat.
      await register({ waybillNo: waybill });
      await follow();
      expect(await mine()).toEqual([
        expect.objectContaining({ figures: expect.objectContaining({ complaints: 2 }) }),
      ]);
    });

    it('counts a burst of one waybill once per look: every complaint a trigger, one entry in the history', async () => {
      const waybill = 'SF7700445566';
      const burst = [];
      for (let i = 0; i < 4; i++) burst.push(await register({ waybillNo: waybill }));
      await follow();
      const [w] = (await list(executive, '?kind=repeat_waybill')).filter((x) => x.scope.key === waybill);
      const raised = await executive.ok('GET', `${base}/${w.id}`);
      expect(raised).toMatchObject({ triggers: 4, figures: { complaints: 4, threshold: 2 } });
      expect(raised.history.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
      expect(raised.linked.map((c: { number: string }) => c.number).sort()).toEqual(
        burst.map((c) => c.number).sort(),
      );

      await register({ waybillNo: waybill });
      await follow();
      const again = await executive.ok('GET', `${base}/${w.id}`);
      expect(again).toMatchObject({ triggers: 5, figures: { complaints: 5 } });
      expect(again.history.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'triggered_again']);
    });

    it('raises a spike from the daily rollup against the expected level, with the chart and its complaints', async () => {
      const nanshan = t.org.unitIds.get('nanshan');
      const category = t.org.categoryIds.get('lost.short');
      const at = (daysAgo: number, hour: number) =>
        new Date(shanghai('2026-03-13T00:00:00') - daysAgo * DAY + hour * 3_600_000).toISOString();
      for (let d = 40; d >= 2; d--)
        await register({ unitId: nanshan, categoryId: category, channel: 'wechat', receivedAt: at(d, 9) });
      for (let i = 0; i < 9; i++)
        await register({
          unitId: nanshan,
          categoryId: category,
          channel: 'wechat',
          receivedAt: at(1, 9 + i),
        });
      while (await t.app.db.transaction().execute((tx) => followHistory(tx, t.app)));
      const raised = await t.app.db.transaction().execute((tx) => detectSpikes(tx, t.app));
      expect(raised).toBeGreaterThan(0);
      // Judged once: the day is not judged again.
      expect(await t.app.db.transaction().execute((tx) => detectSpikes(tx, t.app))).toBe(0);
      const spikes = await list(executive, '?kind=spike');
      const byCategory = spikes.find((w) => w.scope.kind === 'category' && w.scope.key === String(category));
      expect(byCategory).toMatchObject({
        figures: { day: '2026-03-12', observed: 9, windowDays: 1 },
        complaints: 9,
      });
      expect(byCategory.figures.expected).toBeLessThan(3);
      expect(byCategory.figures.pValue).toBeLessThan(0.01);
      expect(spikes.some((w) => w.scope.kind === 'unit' && w.scope.key === String(nanshan))).toBe(true);
      // A channel is named, not coded, and so is the scope in the supervisors' notice.
      const byChannel = spikes.find((w) => w.scope.kind === 'channel' && w.scope.key === 'wechat');
      expect(byChannel?.scope.label).toBe('微信');
      const subjects = await t.app.db
        .selectFrom('notifications')
        .select(['locale', 'subject'])
        .where('event', '=', 'warning_raised')
        .execute();
      const about = (id: number) =>
        subjects
          .filter((n) => new RegExp(`#${id}[:：]`).test(n.subject ?? ''))
          .map((n) => [n.locale, n.subject]);
      expect(about(byCategory.id)).toContainEqual(['zh-CN', `预警 #${byCategory.id}：内件短少`]);
      expect(about(byChannel.id)).toContainEqual(['zh-CN', `预警 #${byChannel.id}：微信`]);
      const detail = await executive.ok('GET', `${base}/${byCategory.id}`);
      expect(detail.series.at(-1)).toMatchObject({ date: '2026-03-12', count: 9 });
      expect(detail.series.at(-1).upper).toBeLessThan(9);
      expect(detail.linked).toHaveLength(9);
    });

    it('raises a time warning when a large share of a unit’s open complaints is due soon', async () => {
      clock.set(shanghai('2026-03-13T10:00:00'));
      const pudong = t.org.unitIds.get('pudong');
      for (let i = 0; i < 5; i++) await register({ unitId: pudong, priority: 'P1' });
      const raised = await t.app.db.transaction().execute((tx) => detectNearBreach(tx, t.app));
      expect(raised).toBeGreaterThan(0);
      const w = (await list(executive, '?kind=near_breach')).find((x) => x.scope.key === String(pudong));
      expect(w?.figures.dueSoon).toBeGreaterThanOrEqual(5);
    });

    it('shows a station supervisor the warnings of their subtree only; a handler none', async () => {
      const mine = await list(pudongSupervisor);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((w) => w.unit.name === '浦东网点')).toBe(true);
      const all = await list(executive);
      const elsewhere = all.find((w) => w.unit.name !== '浦东网点');
      expect(elsewhere).toBeDefined();
      expect((await pudongSupervisor.get(`${base}/${elsewhere.id}`)).status).toBe(403);
      expect(await list(handler)).toEqual([]);
      expect((await pudongSupervisor.post(`${base}/${elsewhere.id}/acknowledge`, {})).status).toBe(403);
    });

    it('acknowledges, assigns and opens a corrective action with one click, linked both ways', async () => {
      const [w] = await list(executive, '?kind=spike&status=open');
      await executive.ok('POST', `${base}/${w.id}/acknowledge`, { note: '已在查看' });
      await executive.ok('PUT', `${base}/${w.id}/owner`, {
        ownerId: t.org.userIds.get('manager'),
        note: '请跟进',
      });
      const { id: actionId } = await executive.ok('POST', `${base}/${w.id}/corrective-action`, {});
      const again = await executive.post(`${base}/${w.id}/corrective-action`, {});
      expect(again.status).toBe(409);
      const detail = await executive.ok('GET', `${base}/${w.id}`);
      expect(detail).toMatchObject({ status: 'acknowledged', owner: { name: '李经理' }, actionId });
      expect(detail.history.map((e: { kind: string }) => e.kind)).toEqual([
        'raised',
        'acknowledged',
        'assigned',
        'action_opened',
      ]);
      const action = await executive.ok('GET', `/api/v1/corrective-actions/${actionId}`);
      expect(action).toMatchObject({ sourceKind: 'warning', warningId: w.id, owner: { name: '李经理' } });
      expect(action.complaints).toBe(w.complaints);
    });

    it('raises a repeat-customer warning on the third complaint of one caller within 30 days, not before', async () => {
      const caller = { name: '钱女士', phone: '13766554433' };
      const first = await register({ complainant: caller, waybillNo: 'YT1000000001' });
      await register({ complainant: caller, waybillNo: 'YT1000000002' });
      await follow();
      const { complainant } = await manager.ok('GET', `/api/v1/complaints/${first.number}`);
      const key = String(complainant.customerId);
      const ofCaller = async () =>
        (await list(executive, '?kind=repeat_customer')).filter((w) => w.scope.key === key);
      expect(await ofCaller()).toEqual([]);
      const third = await register({ complainant: caller, waybillNo: 'YT1000000003' });
      await follow();
      const [w] = await ofCaller();
      expect(w).toMatchObject({ complaints: 3, figures: { complaints: 3, threshold: 3, days: 30 } });
      // Named by the masked name and the customer's number, in any language.
      expect(w.scope.label).toBe(`钱** #${key}`);
      const detail = await executive.ok('GET', `${base}/${w.id}`);
      expect(detail.linked.map((c: { number: string }) => c.number)).toContain(third.number);
    });

    it('raises repeat warnings for a person and a station named responsible in valid complaints; an invalid one does not count', async () => {
      const settings = await admin.ok('GET', '/api/v1/settings/warnings');
      await admin.ok('PUT', '/api/v1/settings/warnings', {
        ...settings,
        repeatPerson: { count: 2, days: 30 },
        repeatStation: { count: 3, days: 7 },
      });
      const nanshan = t.org.unitIds.get('nanshan');
      const handler2 = t.org.userIds.get('handler2');
      const judged = async (judgement: Record<string, unknown>) => {
        const { number } = await register({ unitId: nanshan });
        const step = (path: string, body: unknown = {}, method: 'POST' | 'PUT' = 'POST') =>
          manager.ok(method, `/api/v1/complaints/${number}${path}`, body);
        await step('/accept');
        await step('/assign', { assigneeId: handler2 });
        await step('/start');
        await step('/judgement', { liableParty: 'company', basis: '网点核实属实。', ...judgement }, 'PUT');
        return number;
      };
      const valid = {
        degree: 'full',
        validity: 'valid',
        validityKind: 'service_conduct',
        responsibleUnitId: nanshan,
      };
      await judged({ ...valid, responsibleUserId: handler2 });
      await judged({
        liableParty: 'none',
        validity: 'invalid',
        invalidReason: 'untrue_information',
        responsibleUnitId: nanshan,
        responsibleUserId: handler2,
      });
      await follow();
      const person = async () =>
        (await list(executive, '?kind=repeat_person')).filter((w) => w.scope.key === String(handler2));
      const station = async () =>
        (await list(executive, '?kind=repeat_station')).filter((w) => w.scope.key === String(nanshan));
      expect(await person()).toEqual([]);
      expect(await station()).toEqual([]);

      await judged({ ...valid, responsibleUserId: handler2 });
      await judged(valid);
      await follow();
      const [p] = await person();
      expect(p).toMatchObject({ complaints: 2, figures: { complaints: 2, threshold: 2, days: 30 } });
      const [st] = await station();
      expect(st).toMatchObject({ complaints: 3, figures: { complaints: 3, threshold: 3, days: 7 } });
      await admin.ok('PUT', '/api/v1/settings/warnings', settings);
    });

    it('raises a dissatisfied warning for a survey recommending 2 or less, not for a middling one', async () => {
      const closed = async () => {
        const { number } = await register({ unitId: t.org.unitIds.get('pudong') });
        const step = (path: string, body: unknown = {}, method: 'POST' | 'PUT' = 'POST') =>
          manager.ok(method, `/api/v1/complaints/${number}${path}`, body);
        await step('/accept');
        await step('/assign', { assigneeId: t.org.userIds.get('handler') });
        await step('/start');
        await step('/judgement', judgement, 'PUT');
        await step('/remedies', remedy(500));
        await step('/reply', reply());
        await step('/confirmation', { outcome: 'satisfied' });
        await step('/archive');
        return number;
      };
      const scores = { speed: 2, effectiveness: 2, attitude: 3, transparency: 2 };
      const unhappy = await closed();
      const middling = await closed();
      await manager.ok('POST', `/api/v1/complaints/${unhappy}/phone-survey`, {
        ...scores,
        recommendation: 1,
      });
      await manager.ok('POST', `/api/v1/complaints/${middling}/phone-survey`, {
        ...scores,
        recommendation: 5,
      });
      await follow();
      const found = (await list(executive, '?kind=dissatisfied')).filter((w) =>
        [unhappy, middling].includes(w.scope.label),
      );
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        scope: { kind: 'complaint', label: unhappy },
        figures: { recommendation: 1, lowestScore: 2 },
      });
    });
  });
}

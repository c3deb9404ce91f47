import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieOf, download, multipart, readXlsx, xlsxOf } from '../spreadsheets/support.js';
import { type Client, login } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { type Dataset, NOV, writeDataset } from './dataset.js';

const DAY = 86_400_000;
const NOVEMBER = 'from=2026-11';

/** One valid service-conduct complaint judged in November against the Pudong handler, who also resolved it. */
const history: Dataset = {
  complaints: [
    {
      unit: 'pudong',
      receivedAt: NOV + DAY,
      registeredAfter: 0,
      grade: 'general',
      staffComplained: 'handler',
      assignee: 'handler',
      judgement: {
        at: NOV + 2 * DAY,
        person: 'handler',
        unit: 'pudong',
        valid: true,
        kind: 'service_conduct',
      },
      resolution: NOV + 3 * DAY,
      reopenCount: 0,
      confirmation: 'satisfied',
      deadlines: {},
      survey: { speed: 5, effectiveness: 4, attitude: 5, transparency: 4, recommendation: 10 },
      remedies: [{ amount: 2000, status: 'approved', fulfilment: 'done' }],
    },
  ],
  checks: [],
  volumes: [],
};

for (const dialect of DIALECTS) {
  describe(`assessment API (考核) on ${dialect}`, () => {
    let t: TestApp;
    const as: Record<string, Client> = {};
    const u = (username: string): Client => {
      const client = as[username];
      if (!client) throw new Error(`${username} is not signed in`);
      return client;
    };
    const id = (username: string) => t.org.userIds.get(username) ?? 0;
    const unit = (key: string) => t.org.unitIds.get(key) ?? 0;
    const sheetOf = (who: string, username: string, query = NOVEMBER) =>
      u(who).get(`/api/v1/assessment/people/${id(username)}?${query}`);

    beforeAll(async () => {
      t = await startTestApp(dialect);
      for (const u of [
        'admin',
        'executive',
        'manager',
        'supervisor',
        'agent',
        'handler',
        'handler2',
        'auditor',
      ])
        as[u] = await login(t.http, u);
      await writeDataset(t.app.db, t.org, history);
    });
    afterAll(() => t?.close());

    it('shows each person their own sheet, with the lines of the score', async () => {
      const me = await u('handler').ok('GET', `/api/v1/assessment/me?${NOVEMBER}`);
      expect(me.person.name).toBe('刘处理');
      expect(me.responsible).toMatchObject({ received: 1, valid: 1, remediesPaid: 2000 });
      expect(me.responsible.validByKind.service_conduct).toBe(1);
      expect(me.handler).toMatchObject({ handled: 1, reopened: 0 });
      expect(me.handler.satisfaction).toMatchObject({ surveys: 1, nps: 100 });
      expect(me.score.lines).toEqual([
        { code: 'base', count: null, points: 100 },
        { code: 'valid_service_conduct', count: 1, points: -10 },
        // One survey of one, recommending 9 or 10: 100 % against a target of 50 %, capped at 5 points.
        { code: 'high_satisfaction', count: 1, points: 5, rate: 1, target: 0.5 },
      ]);
      expect(me.score.total).toBe(95);
      expect((await sheetOf('handler', 'handler'))?.status).toBe(200);
    });

    it('lets supervisors and managers see their subtree, the oversight roles everyone, and refuses the rest', async () => {
      expect((await sheetOf('handler', 'handler2'))?.status).toBe(403);
      expect((await sheetOf('agent', 'handler'))?.status).toBe(403);
      expect((await sheetOf('supervisor', 'agent'))?.status).toBe(200);
      expect((await sheetOf('supervisor', 'handler'))?.status).toBe(403);
      expect((await sheetOf('manager', 'handler'))?.status).toBe(403);
      for (const who of ['executive', 'auditor', 'admin'])
        expect((await sheetOf(who, 'handler'))?.status).toBe(200);
      const units = (who: string, key: string) =>
        u(who).get(`/api/v1/assessment/units/${unit(key)}?${NOVEMBER}`);
      expect((await units('supervisor', 'service'))?.status).toBe(200);
      expect((await units('supervisor', 'east'))?.status).toBe(403);
      expect((await units('handler', 'pudong'))?.status).toBe(403);
      const east = await units('executive', 'east');
      expect(east?.body.responsible.valid).toBe(1);
      expect(east?.body.people.find((p: { id: number }) => p.id === id('handler'))).toMatchObject({
        valid: 1,
        score: 95,
      });
    });

    it('refuses scoring rules that are out of range or out of order, and keeps the ones it accepts', async () => {
      const rules = await u('admin').ok('GET', '/api/v1/assessment/rules');
      expect(rules.validPoints).toEqual({ major: 20, service_conduct: 10, business_error: 5, minor_slip: 2 });
      const negative = await u('admin').put('/api/v1/assessment/rules', { ...rules, qualityWeight: 1.5 });
      expect(negative?.status).toBe(400);
      expect(negative?.body.fields.map((f: { path: string }) => f.path)).toContain('/body/qualityWeight');
      const disordered = await u('admin').put('/api/v1/assessment/rules', {
        ...rules,
        validPoints: { ...rules.validPoints, minor_slip: 8 },
      });
      expect(disordered?.status).toBe(400);
      expect(disordered?.body.fields).toEqual([
        expect.objectContaining({ path: '/body/validPoints/minor_slip' }),
      ]);
      expect((await u('manager').put('/api/v1/assessment/rules', rules))?.status).toBe(403);
      await u('admin').ok('PUT', '/api/v1/assessment/rules', {
        ...rules,
        validPoints: { ...rules.validPoints, service_conduct: 15 },
      });
      expect((await sheetOf('handler', 'handler'))?.body.score.total).toBe(90);
      const target = await u('admin').put('/api/v1/assessment/rules', {
        ...rules,
        rates: { ...rules.rates, onTime: { ...rules.rates.onTime, target: 95 } },
      });
      expect(target?.body.fields.map((f: { path: string }) => f.path)).toEqual(['/body/rates/onTime/target']);
      await u('admin').ok('PUT', '/api/v1/assessment/rules', {
        ...rules,
        rates: { ...rules.rates, highSatisfaction: { target: 0.5, points: 0.05, max: 5 } },
      });
      expect((await sheetOf('handler', 'handler'))?.body.score.total).toBe(92.5);
      await u('admin').ok('PUT', '/api/v1/assessment/rules', rules);
    });

    it('loads volumes from a spreadsheet only when every row is good, and reports each bad one', async () => {
      const header = ['单位', '月份', '件量', '单量'];
      const upload = async (rows: Array<Array<string | number | null>>) => {
        const { payload, headers } = multipart(await xlsxOf(header, rows), 'volumes.xlsx');
        const res = await t.http.inject({
          method: 'POST',
          url: '/api/v1/assessment/volumes/upload',
          payload,
          headers: { ...headers, cookie: await cookieOf(t.http, 'admin') },
        });
        return { status: res.statusCode, body: res.json() };
      };
      const bad = await upload([
        ['浦东网点', '2026-11', 20000, 15000],
        ['不存在的网点', '2026-11', 100, null],
        ['南山网点', '2026-13', -5, 'x'],
      ]);
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`)).toEqual([
        '/body/rows/3/unit unknown_unit',
        '/body/rows/4/period bad_period',
        '/body/rows/4/parcels bad_count',
        '/body/rows/4/orders bad_count',
      ]);
      expect((await u('admin').ok('GET', '/api/v1/assessment/volumes')).items).toEqual([]);
      const good = await upload([
        ['浦东网点', '2026-11', 20000, 15000],
        [String(unit('nanshan')), '2026-11', 5000, null],
      ]);
      expect(good).toEqual({ status: 200, body: { written: 2 } });
      // The form replaces what was loaded for that unit and month.
      await u('admin').ok('PUT', '/api/v1/assessment/volumes', {
        rows: [{ unitId: unit('pudong'), period: '2026-11', parcels: 10000, orders: null }],
      });
      const form = await u('admin').put('/api/v1/assessment/volumes', {
        rows: [{ unitId: 999_999, period: '2026-11', parcels: 1, orders: null }],
      });
      expect(form?.status).toBe(400);
      expect(form?.body.fields[0].path).toBe('/body/rows/0/unitId');
      const east = await u('executive').ok('GET', `/api/v1/assessment/units/${unit('east')}?${NOVEMBER}`);
      expect(east.volume).toEqual({ parcels: 10000, orders: null });
      expect(east.validPer10kParcels).toBe(1);
    });

    it('exports a person and a unit as xlsx holding the figures', async () => {
      const cookie = await cookieOf(t.http, 'supervisor');
      const own = await download(
        t.http,
        await cookieOf(t.http, 'handler'),
        `/api/v1/assessment/people/${id('handler')}/sheet.xlsx?${NOVEMBER}`,
      );
      expect(own.status).toBe(200);
      const rows = await readXlsx(own.body);
      expect(rows).toContainEqual(['姓名', '刘处理']);
      expect(rows).toContainEqual(['作为责任人：有效投诉', '1']);
      expect(rows).toContainEqual(['考核得分', '95']);
      expect(rows).toContainEqual(['有效投诉：服务类', '-10', '1']);
      expect(rows).toContainEqual(['高满意度', '5', '100.0% / 50.0%']);
      const refused = await download(
        t.http,
        cookie,
        `/api/v1/assessment/people/${id('handler')}/sheet.xlsx?${NOVEMBER}`,
      );
      expect(refused.status).toBe(403);
      const people = await readXlsx(
        (
          await download(
            t.http,
            await cookieOf(t.http, 'executive'),
            `/api/v1/assessment/units/${unit('east')}/sheet.xlsx?${NOVEMBER}`,
          )
        ).body,
      );
      expect(people[0]?.slice(0, 4)).toEqual(['姓名', '单位', '被投诉', '有效投诉']);
      expect(people.find((r) => r[0] === '刘处理')?.slice(2, 5)).toEqual(['1', '1', '1']);
    });

    it('keeps a closed month as it was when a judgement changes later, until a manager reopens it', async () => {
      expect((await u('supervisor').post('/api/v1/assessment/periods/2026-11/close'))?.status).toBe(403);
      expect((await u('manager').post('/api/v1/assessment/periods/2099-01/close'))?.status).toBe(409);
      const closed = await u('manager').ok('POST', '/api/v1/assessment/periods/2026-11/close');
      expect(closed).toMatchObject({ period: '2026-11', closedBy: '李经理' });
      expect((await u('manager').post('/api/v1/assessment/periods/2026-11/close'))?.status).toBe(409);
      // An appeal overturns the judgement afterwards.
      await t.app.db.updateTable('complaints').set({ validity: 'invalid', validity_kind: null }).execute();
      const frozen = (await sheetOf('handler', 'handler'))?.body;
      expect(frozen.frozen).toMatchObject({ closedBy: '李经理' });
      expect(frozen.responsible.valid).toBe(1);
      const unitFrozen = await u('executive').ok(
        'GET',
        `/api/v1/assessment/units/${unit('east')}?${NOVEMBER}`,
      );
      expect(unitFrozen.responsible.valid).toBe(1);
      expect((await u('manager').ok('GET', '/api/v1/assessment/periods')).items).toEqual([
        expect.objectContaining({ period: '2026-11' }),
      ]);
      await u('manager').ok('POST', '/api/v1/assessment/periods/2026-11/reopen');
      const live = (await sheetOf('handler', 'handler'))?.body;
      expect(live.frozen).toBeNull();
      expect(live.responsible.valid).toBe(0);
      const events = await t.app.db
        .selectFrom('events')
        .select('kind')
        .where('stream_type', '=', 'assessment')
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.kind)).toEqual(['assessment_period_closed', 'assessment_period_reopened']);
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { verifyChain } from '../../src/modules/audit/index.js';
import { PUBLIC_REQUESTS_PER_MINUTE } from '../../src/modules/disclosure/routes.js';
import { anonymous, type Client, tokenClient } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { PEOPLE, resolvedComplaint, shanghai } from './support.js';

const MONTH = '2026-03';
const admin = (path = '') => `/api/v1/disclosures/${MONTH}${path}`;

for (const dialect of DIALECTS) {
  describe(`public disclosure (公示) on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let administrator: Client;
    let handler: Client;
    let numbers: string[];
    const clock = fixedClock(shanghai('2026-03-13T10:00:00'));

    /** Every public answer, as text: the JSON API and the page in both languages. */
    const publicBodies = async () => {
      const urls = [
        '/api/v1/public/disclosures',
        `/api/v1/public/disclosures/${MONTH}`,
        '/disclosure',
        '/disclosure?lang=en',
        `/disclosure/${MONTH}`,
        `/disclosure/${MONTH}?lang=en`,
      ];
      return Promise.all(
        urls.map(async (url) => {
          const res = await t.http.inject({ method: 'GET', url });
          return { url, status: res.statusCode, body: res.body, type: String(res.headers['content-type']) };
        }),
      );
    };

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      [manager, administrator, handler] = await Promise.all([
        tokenClient(t, 'manager'),
        tokenClient(t, 'admin'),
        tokenClient(t, 'handler'),
      ]);
      numbers = [];
      for (const p of PEOPLE) numbers.push(await resolvedComplaint(t, manager, p));
      // One more, open and unjudged: counted, not resolved.
      await manager.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong') }),
      );
    });
    afterAll(() => t?.close());

    it('prepares a month: figures computed now, judgements drafted without any personal value', async () => {
      expect((await handler.put(admin(), { figures: [], complaintNumbers: [] })).status).toBe(403);
      await administrator.ok('PUT', admin(), {
        figures: ['received', 'byCategory1', 'resolutionRate', 'validShare'],
        complaintNumbers: numbers,
      });
      const d = await administrator.ok('GET', admin());
      expect(d).toMatchObject({
        month: MONTH,
        status: 'draft',
        chosen: ['received', 'byCategory1', 'resolutionRate', 'validShare'],
        figures: {
          received: 3,
          resolutionRate: { resolved: 2 },
          validShare: { judged: 2, valid: 2, rate: 1 },
        },
      });
      expect(d.figures.byCategory1).toEqual([expect.objectContaining({ count: 3 })]);
      expect(d.judgements.map((j: { number: string }) => j.number)).toEqual(numbers);
      const [first] = d.judgements;
      expect(first.result).toContain('有效投诉');
      expect(first.measures).toContain('道歉');
      const drafts = JSON.stringify(d.judgements.map(({ number, ...texts }: { number: string }) => texts));
      for (const p of PEOPLE) for (const v of Object.values(p)) expect(drafts).not.toContain(v);
    });

    it('refuses edited texts holding a phone number, the complainant’s name, an e-mail or a waybill', async () => {
      const [number] = numbers;
      const p = PEOPLE[0];
      const url = admin(`/judgements/${number}`);
      const texts = {
        category: '快件延误',
        cause: '中转场分拣能力不足',
        result: '有效投诉，已致歉',
        measures: '增加夜班',
      };
      const refused = async (patch: Record<string, string>, path: string, code: string) => {
        const res = await administrator.put(url, { ...texts, ...patch });
        expect(res.status, JSON.stringify(patch)).toBe(400);
        expect(res.body.fields).toEqual([expect.objectContaining({ path, code })]);
      };
      await refused({ cause: '客户来电 139 1234 5678 反映' }, '/body/cause', 'personal_value');
      await refused({ cause: '请拨打 021-55667788 联系' }, '/body/cause', 'phone_like');
      await refused({ result: `已向${p?.name}女士致歉` }, '/body/result', 'personal_value');
      await refused({ measures: '回复至 someone@example.org' }, '/body/measures', 'email_like');
      await refused({ category: `运单 ${p?.waybill}` }, '/body/category', 'personal_value');
      await refused({ measures: '复核运单 ZT20260301999' }, '/body/measures', 'number_like');
      await administrator.ok('PUT', url, texts);
      const d = await administrator.ok('GET', admin());
      expect(d.judgements[0]).toMatchObject(texts);
    });

    it('publishes: the public API and page show the chosen figures and texts, and nothing personal anywhere', async () => {
      expect((await anonymous(t.http).get(`/api/v1/public/disclosures/${MONTH}`)).status).toBe(404);
      await administrator.ok('POST', admin('/publish'));
      const list = await anonymous(t.http).ok('GET', '/api/v1/public/disclosures');
      expect(list.items).toEqual([expect.objectContaining({ month: MONTH })]);
      const open = await anonymous(t.http).ok('GET', `/api/v1/public/disclosures/${MONTH}`);
      expect(Object.keys(open.figures).sort()).toEqual([
        'byCategory1',
        'received',
        'resolutionRate',
        'validShare',
      ]);
      expect(open.figures.received).toBe(3);
      expect(open.judgements).toHaveLength(2);
      expect(open.judgements[0]).toEqual({
        category: '快件延误',
        cause: '中转场分拣能力不足',
        result: '有效投诉，已致歉',
        measures: '增加夜班',
      });
      // Editing a published month is refused until it is unpublished.
      expect((await administrator.put(admin(`/judgements/${numbers[0]}`), open.judgements[0])).status).toBe(
        409,
      );

      const bodies = await publicBodies();
      for (const b of bodies) expect(b.status, b.url).toBe(200);
      const page = bodies.find((b) => b.url === `/disclosure/${MONTH}`);
      expect(page?.type).toContain('text/html');
      expect(page?.body).toContain('投诉处理公示');
      expect(page?.body).toContain('中转场分拣能力不足');
      expect(page?.body).toContain('name="viewport"');
      expect(bodies.find((b) => b.url.endsWith('?lang=en') && b.url.includes(MONTH))?.body).toContain(
        'Resolution rate',
      );

      const values = [...PEOPLE.flatMap((p) => Object.values(p)), ...numbers];
      for (const b of bodies)
        for (const v of values) expect(b.body.includes(v), `${v} in ${b.url}`).toBe(false);
    });

    it('unpublishes: the month is 404 on the API and the page again; the history records each step', async () => {
      await administrator.ok('POST', admin('/unpublish'));
      expect((await anonymous(t.http).get(`/api/v1/public/disclosures/${MONTH}`)).status).toBe(404);
      expect((await t.http.inject({ method: 'GET', url: `/disclosure/${MONTH}` })).statusCode).toBe(404);
      expect((await anonymous(t.http).ok('GET', '/api/v1/public/disclosures')).items).toEqual([]);
      expect((await administrator.post(admin('/unpublish'))).status).toBe(409);
      const events = await t.app.db
        .selectFrom('events')
        .select('kind')
        .where('stream_type', '=', 'disclosure')
        .orderBy('id')
        .execute();
      expect(events.map((e) => e.kind)).toEqual(['prepared', 'judgement_edited', 'published', 'unpublished']);
      const report = await verifyChain(t.app.db);
      expect(report.intact).toBe(true);
    });

    it('limits each address’s public requests per minute (429), the page as well as the API', async () => {
      const from = (remoteAddress: string, url: string) =>
        t.http.inject({ method: 'GET', url, remoteAddress });
      for (let i = 0; i < PUBLIC_REQUESTS_PER_MINUTE; i++)
        expect((await from('203.0.113.7', '/api/v1/public/disclosures')).statusCode).toBe(200);
      expect((await from('203.0.113.7', '/api/v1/public/disclosures')).statusCode).toBe(429);
      expect((await from('203.0.113.8', '/api/v1/public/disclosures')).statusCode).toBe(200);
      for (let i = 0; i < PUBLIC_REQUESTS_PER_MINUTE; i++) await from('203.0.113.9', '/disclosure');
      expect((await from('203.0.113.9', '/disclosure')).statusCode).toBe(429);
    });
  });
}

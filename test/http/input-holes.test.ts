import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configurePortal, visitor, webForm } from '../portal/support.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { countRows } from '../support/rows.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

/** Titles that show nothing: spaces, and the zero-width characters U+200B–U+200D, U+2060, U+FEFF. */
const INVISIBLE_TITLES = ['   ', '\t\n', '\u200b', '\u200c\u200d', ' \u2060 ', '\ufeff', '\u3000'];

describe.each(DIALECTS)('holes in input validation on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    admin = await login(t.http, 'admin');
  });
  afterAll(() => t.close());

  const complaints = () => countRows(t.app.db, 'complaints');
  const titleField = (body: { fields?: Array<{ path: string; code: string }> }) =>
    body.fields?.find((f) => f.path === '/body/title');

  it('refuses a title of only spaces or zero-width characters, from staff and from the portal', async () => {
    const before = await complaints();
    for (const title of INVISIBLE_TITLES) {
      const res = await agent.post('/api/v1/complaints', buildComplaint(t.org, { title }));
      expect(res.status, JSON.stringify(title)).toBe(400);
      expect(titleField(res.body), JSON.stringify(title)).toMatchObject({ code: 'blank' });
    }
    await configurePortal(t, admin, { submissionsPerMinute: 100 });
    const customer = visitor(t, '203.0.113.7');
    for (const title of INVISIBLE_TITLES) {
      const res = await customer.post('/complaints', webForm(t, { title }));
      expect(res.status, JSON.stringify(title)).toBe(400);
      expect(titleField(res.body)?.code).toBe('blank');
    }
    expect(await complaints()).toBe(before);
    // A title with a visible character among the invisible ones is a title.
    const fine = await agent.post('/api/v1/complaints', buildComplaint(t.org, { title: '\u200b快递丢失 ' }));
    expect(fine.status).toBe(201);
  });

  it('refuses changing a title to one that shows nothing, and keeps the old one', async () => {
    const { number } = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { title: '包裹破损' }),
    );
    for (const title of INVISIBLE_TITLES) {
      const res = await agent.patch(`/api/v1/complaints/${number}`, { title });
      expect(res.status, JSON.stringify(title)).toBe(400);
      expect(titleField(res.body)?.code).toBe('blank');
    }
    expect((await agent.ok('GET', `/api/v1/complaints/${number}`)).title).toBe('包裹破损');
  });

  it('refuses impossible days in the business calendar with a field error', async () => {
    const saved = await admin.ok('GET', '/api/v1/settings/calendar');
    const cases: Array<[string, unknown]> = [
      ['/body/extraHolidays/0', { extraHolidays: ['2026-13-45'] }],
      ['/body/extraWorkdays/1', { extraWorkdays: ['2026-10-10', '2026-02-29'] }],
      ['/body/removeHolidays/0', { removeHolidays: ['2026-04-31'] }],
    ];
    for (const [path, body] of cases) {
      const res = await admin.put('/api/v1/settings/calendar', body);
      expect(res.status, path).toBe(400);
      expect(res.body.fields).toEqual([expect.objectContaining({ path, code: 'format' })]);
    }
    expect(await admin.ok('GET', '/api/v1/settings/calendar')).toEqual(saved);
    // Real days, a leap day among them, are kept.
    const days = { extraHolidays: ['2028-02-29', '2026-12-31'] };
    expect(await admin.ok('PUT', '/api/v1/settings/calendar', days)).toEqual(days);
  });

  it("limits the portal's reads per address like its writes: guessing tracking tokens is throttled", async () => {
    await configurePortal(t, admin, { trackingPerMinute: 3 });
    try {
      const guesser = visitor(t, '198.51.100.9');
      const views: number[] = [];
      for (let i = 0; i < 5; i++)
        views.push((await guesser.as(`guess-${i}`).get('/complaints/KS20261203-000001')).status);
      expect(views).toEqual([404, 404, 404, 429, 429]);
      const files = visitor(t, '198.51.100.10');
      const downloads: number[] = [];
      for (let i = 0; i < 4; i++)
        downloads.push((await files.as(`guess-${i}`).get('/complaints/KS20261203-000001/evidence/1')).status);
      expect(downloads).toEqual([404, 404, 404, 429]);
      // Another address has its own allowance.
      expect((await visitor(t, '198.51.100.11').as('x').get('/complaints/KS20261203-000001')).status).toBe(
        404,
      );
    } finally {
      await configurePortal(t, admin);
    }
  });
});

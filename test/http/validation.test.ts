import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterInput } from '../../src/modules/complaints/schemas.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, judgement, remedy } from '../support/factories.js';
import { complaintIn } from '../support/states.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

type Body = Record<string, unknown>;
const without = (body: RegisterInput, key: keyof RegisterInput): Body => {
  const copy: Body = { ...body };
  delete copy[key];
  return copy;
};

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  let manager: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
    manager = await login(t.http, 'manager');
  });
  afterAll(() => t.close());

  const counts = async () => {
    const count = async (table: 'complaints' | 'events' | 'remedy_proposals' | 'number_sequences') =>
      Number(
        (
          await t.app.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [
      await count('complaints'),
      await count('events'),
      await count('remedy_proposals'),
      await count('number_sequences'),
    ];
  };

  it('rejects bad registrations with 400, the offending fields, and writes nothing', async () => {
    const good = buildComplaint(t.org);
    const cases: Array<[string, Body, string, string]> = [
      ['missing title', without(good, 'title'), '/body/title', 'required'],
      ['missing complainant', without(good, 'complainant'), '/body/complainant', 'required'],
      ['title is a number', { ...good, title: 42 }, '/body/title', 'type'],
      [
        'category id is a string',
        { ...good, categoryId: String(good.categoryId) },
        '/body/categoryId',
        'type',
      ],
      [
        'content over 20,000 characters',
        { ...good, content: '投'.repeat(20001) },
        '/body/content',
        'maxLength',
      ],
      ['empty content', { ...good, content: '' }, '/body/content', 'minLength'],
      ['negative demand amount', { ...good, demandAmount: -100 }, '/body/demandAmount', 'minimum'],
      ['fractional demand amount', { ...good, demandAmount: 12.5 }, '/body/demandAmount', 'type'],
      [
        'malformed phone',
        { ...good, complainant: { name: '王', phone: '12345' } },
        '/body/complainant/phone',
        'pattern',
      ],
      [
        'malformed email',
        { ...good, complainant: { name: '王', email: 'not-an-email' } },
        '/body/complainant/email',
        'format',
      ],
      [
        'no way to contact',
        { ...good, complainant: { name: '王' } },
        '/body/complainant/phone',
        'contact_required',
      ],
      ['unknown category', { ...good, categoryId: 999999 }, '/body/categoryId', 'unknown_category'],
      ['unknown channel', { ...good, channel: 'pigeon' }, '/body/channel', 'enum'],
      ['unknown priority', { ...good, priority: 'P9' }, '/body/priority', 'enum'],
      ['unknown demand', { ...good, demands: ['revenge'] }, '/body/demands/0', 'enum'],
      ['unknown major reason', { ...good, majorReasons: ['bad_weather'] }, '/body/majorReasons/0', 'enum'],
      ['unknown field', { ...good, sneaky: true }, '/body/sneaky', 'unknown_field'],
      [
        'received in the future',
        { ...good, receivedAt: '2999-01-01T00:00:00Z' },
        '/body/receivedAt',
        'in_future',
      ],
      ['received at not a date', { ...good, receivedAt: 'yesterday' }, '/body/receivedAt', 'format'],
      ['unknown unit', { ...good, unitId: 424242 }, '/body/unitId', 'unknown_unit'],
      [
        'assignee outside the unit',
        { ...good, unitId: t.org.unitIds.get('pudong'), assigneeId: t.org.userIds.get('handler2') },
        '/body/assigneeId',
        'assignee_not_in_unit',
      ],
      [
        'negative first-contact remedy',
        {
          ...good,
          firstContact: {
            reply: { method: 'phone', summary: 'a', actions: 'b', result: 'c', basis: 'd', followUp: 'e' },
            remedy: remedy(-1),
          },
        },
        '/body/firstContact/remedy/amount',
        'minimum',
      ],
      [
        'reply without its five sections',
        { ...good, firstContact: { reply: { method: 'phone', summary: 'a' } } },
        '/body/firstContact/reply/result',
        'required',
      ],
    ];
    const before = await counts();
    for (const [name, body, path, code] of cases) {
      const res = await agent.post('/api/v1/complaints', body);
      expect(res.status, name).toBe(400);
      expect(res.headers['content-type'], name).toContain('application/problem+json');
      expect(res.body.code, name).toBe('validation_failed');
      expect(res.body.fields, name).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, code })]),
      );
      expect(
        res.body.fields.every((f: { message: string }) => f.message.length > 0),
        name,
      ).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it('rejects a malformed JSON body and a wrong content type without writing', async () => {
    const before = await counts();
    const broken = await agent.request('POST', '/api/v1/complaints', '{"title":', {
      'content-type': 'application/json',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('validation_failed');
    const xml = await agent.request('POST', '/api/v1/complaints', '<complaint/>', {
      'content-type': 'application/xml',
    });
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('unsupported_media_type');
    expect(await counts()).toEqual(before);
  });

  it('rejects bad amounts and judgements on existing complaints, leaving them as they were', async () => {
    const number = await complaintIn(t, 'investigating', manager, agent);
    const base = `/api/v1/complaints/${number}`;
    const badJudgement = await agent.put(`${base}/judgement`, {
      ...judgement,
      validity: 'valid',
      validityKind: undefined,
    });
    expect(badJudgement.status).toBe(400);
    expect(badJudgement.body.fields).toEqual([
      expect.objectContaining({ path: '/body/validityKind', code: 'required_when_valid' }),
    ]);
    await agent.ok('PUT', `${base}/judgement`, judgement);
    const before = await counts();
    for (const amount of [-1, 0.5, '100', 1e13]) {
      const res = await agent.post(`${base}/remedies`, { ...remedy(100), amount });
      expect(res.status, String(amount)).toBe(400);
      expect(res.body.fields[0].path).toBe('/body/amount');
    }
    const badTransfer = await manager.post(`${base}/transfer`, { unitId: 999999, reason: 'x' });
    expect(badTransfer.body.fields).toEqual([
      expect.objectContaining({ path: '/body/unitId', code: 'unknown_unit' }),
    ]);
    const badList = await agent.get('/api/v1/complaints?status=lost_in_space');
    expect(badList.status).toBe(400);
    expect(badList.body.fields[0]).toMatchObject({ path: '/querystring/status', code: 'unknown_value' });
    expect(await counts()).toEqual(before);
    expect((await agent.ok('GET', base)).status).toBe('investigating');
  });

  it('speaks the language the request asks for', async () => {
    const zh = await agent.post('/api/v1/complaints', { ...buildComplaint(t.org), title: '' });
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.body.title).toBe('请求内容有误，请检查标出的字段。');
    expect(zh.body.fields[0].message).toBe('长度不能少于 1 个字符');
    const en = await agent.request(
      'POST',
      '/api/v1/complaints',
      { ...buildComplaint(t.org), title: '' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.title).toBe('The request has errors; see the fields marked.');
    expect(en.body.fields[0].message).toBe('must have at least 1 character(s)');
  });
});

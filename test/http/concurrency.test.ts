import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('concurrent registration on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
  });
  afterAll(() => t.close());

  it('gives 200 concurrent registrations 200 distinct, consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () => agent.post('/api/v1/complaints', buildComplaint(t.org))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
    const numbers = results.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(200);
    const serials = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 200 }, (_, i) => (serials[0] ?? 0) + i));
  });

  it('honours Idempotency-Key: a repeat returns the first complaint, even when both race', async () => {
    const body = buildComplaint(t.org);
    const first = await agent.post('/api/v1/complaints', body, { 'idempotency-key': 'cti-call-1' });
    expect(first.status).toBe(201);
    const again = await agent.post('/api/v1/complaints', body, { 'idempotency-key': 'cti-call-1' });
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.number).toBe(first.body.number);

    const other = await agent.post(
      '/api/v1/complaints',
      { ...body, title: '另一件事' },
      { 'idempotency-key': 'cti-call-1' },
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');

    const raceBody = buildComplaint(t.org);
    const race = await Promise.all(
      Array.from({ length: 10 }, () =>
        agent.post('/api/v1/complaints', raceBody, { 'idempotency-key': 'cti-call-2' }),
      ),
    );
    expect(new Set(race.map((r) => r.body.number)).size).toBe(1);
    expect(race.filter((r) => r.status === 201)).toHaveLength(1);
    const stored = await t.app.db
      .selectFrom('complaints')
      .select('number')
      .where('title', '=', raceBody.title)
      .execute();
    expect(stored).toHaveLength(1);
  });
});

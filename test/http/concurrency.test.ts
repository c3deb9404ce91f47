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

  it('files a new customer’s complaints arriving at once under one profile, and the next one is a repeat of them all', async () => {
    const complainant = {
      name: '赵先生',
      phone: '13912345678',
      email: 'zhao@example.com',
      preferredContact: 'phone' as const,
    };
    const first = await Promise.all(
      Array.from({ length: 10 }, () =>
        agent.post('/api/v1/complaints', buildComplaint(t.org, { complainant })),
      ),
    );
    expect(first.map((r) => r.status)).toEqual(Array(10).fill(201));
    const numbers = first.map((r) => r.body.number as string);
    const rows = await t.app.db
      .selectFrom('complaints')
      .select('customer_id')
      .where('number', 'in', numbers)
      .execute();
    const customers = new Set(rows.map((r) => r.customer_id));
    expect(customers.size).toBe(1);
    const [customerId] = [...customers];
    expect(customerId).not.toBeNull();
    const contacts = await t.app.db
      .selectFrom('customer_contacts')
      .select(['customer_id', 'kind'])
      .where('customer_id', '=', customerId ?? 0)
      .orderBy('kind')
      .execute();
    expect(contacts.map((c) => c.kind)).toEqual(['email', 'phone']);
    expect(
      await t.app.db.selectFrom('customers').select('id').where('name', '=', '赵先生').execute(),
    ).toHaveLength(1);

    // Found by the e-mail alone, as the same customer: a repeat of the ten.
    const next = await agent.post(
      '/api/v1/complaints',
      buildComplaint(t.org, {
        complainant: { name: '赵先生', email: 'zhao@example.com', preferredContact: 'email' },
      }),
    );
    expect(next.status).toBe(201);
    expect(next.body.repeat).toBe(true);
    expect(
      (next.body.possibleDuplicates as Array<{ number: string; reasons: string[] }>)
        .map((d) => d.number)
        .sort(),
    ).toEqual([...numbers].sort());
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

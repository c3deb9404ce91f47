import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Http } from '../../src/server/http.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(DIALECTS)('request ids in logs and history on %s', (dialect) => {
  let t: TestApp;
  /** A server that logs JSON at info into `lines`, as `kesu serve` does to stdout. */
  let http: Http;
  let agent: Client;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    http = await buildApp(t.app, {
      logLevel: 'info',
      logStream: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    agent = await login(http, 'agent');
  });
  afterAll(async () => {
    await http.close();
    await t.close();
  });

  /** The data of the `registered` event of a complaint, read from the database. */
  const registeredEvent = async (number: string) => {
    const row = await t.app.db
      .selectFrom('events')
      .innerJoin('complaints', 'complaints.id', 'events.stream_id')
      .select('events.data')
      .where('events.stream_type', '=', 'complaint')
      .where('complaints.number', '=', number)
      .where('events.kind', '=', 'registered')
      .executeTakeFirstOrThrow();
    return JSON.parse(row.data) as Record<string, unknown>;
  };

  it('keeps a caller’s X-Request-Id: echoed, in every log line of the request and in the history it wrote', async () => {
    const requestId = 'lb-7f3a9c.20261203:0001';
    const res = await agent.post('/api/v1/complaints', buildComplaint(t.org), { 'x-request-id': requestId });
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe(requestId);
    expect(await registeredEvent(res.body.number)).toMatchObject({ requestId });

    const mine = lines.filter((l) => l.requestId === requestId);
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[0]).toMatchObject({ level: 30, req: { method: 'POST', url: '/api/v1/complaints' } });
    expect(mine[1]).toMatchObject({ res: { statusCode: 201 } });
    // No line of the request goes without its id.
    const ofThisUrl = lines.filter(
      (l) => (l.req as { url?: string } | undefined)?.url === '/api/v1/complaints',
    );
    expect(ofThisUrl.every((l) => typeof l.requestId === 'string')).toBe(true);
  });

  it('gives a request without one (or with a forged one) a fresh id, used the same way', async () => {
    const plain = await agent.post('/api/v1/complaints', buildComplaint(t.org));
    const generated = String(plain.headers['x-request-id']);
    expect(generated).toMatch(UUID);
    expect(await registeredEvent(plain.body.number)).toMatchObject({ requestId: generated });

    for (const forged of ['a'.repeat(200), 'x"}\n{"level":60,"msg":"forged', '']) {
      const res = await agent.post('/api/v1/complaints', buildComplaint(t.org), { 'x-request-id': forged });
      expect(res.status).toBe(201);
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(UUID);
      expect(lines.some((l) => l.requestId === id)).toBe(true);
      expect(lines.some((l) => l.requestId === forged || l.level === 60)).toBe(false);
    }
    // Each request its own id.
    const a = await agent.get('/api/v1/complaints');
    const b = await agent.get('/api/v1/complaints');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('masks personal data in the logged URL and echoes the id on errors too', async () => {
    const res = await agent.request('GET', '/api/v1/customers?q=13912345678', undefined, {
      'x-request-id': 'q-1',
    });
    expect(res.headers['x-request-id']).toBe('q-1');
    const logged = lines.filter((l) => l.requestId === 'q-1');
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain('13912345678');
    expect(JSON.stringify(logged)).toContain('139****5678');

    const missing = await agent.request('GET', '/api/v1/complaints/KS20000101-000001', undefined, {
      'x-request-id': 'nf-1',
    });
    expect(missing.status).toBe(404);
    expect(missing.headers['x-request-id']).toBe('nf-1');
  });
});

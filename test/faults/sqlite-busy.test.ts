import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.skipIf(!DIALECTS.includes('sqlite'))('a SQLite database locked beyond busy_timeout', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('answers 503 database_unavailable with Retry-After, writes nothing, and registers once the lock is gone', async () => {
    const agent = await login(t.http, 'agent');
    const before = await t.app.db.selectFrom('complaints').select('id').execute();
    // Another process holds the write lock for longer than Kesu waits (busy_timeout, 5 s).
    const other = new Database(t.url.slice('sqlite:'.length));
    other.exec('begin immediate');
    const locked = await agent.post('/api/v1/complaints', buildComplaint(t.org));
    other.exec('rollback');
    other.close();
    expect(locked.status).toBe(503);
    expect(locked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body).toMatchObject({ code: 'database_unavailable', status: 503 });
    expect(await t.app.db.selectFrom('complaints').select('id').execute()).toHaveLength(before.length);

    expect((await agent.post('/api/v1/complaints', buildComplaint(t.org))).status).toBe(201);
  });
});

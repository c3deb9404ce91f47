import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskName } from '../../src/lib/mask-name.js';
import { localDate } from '../../src/lib/time.js';
import { readContent } from '../../src/modules/reports/content.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('a report’s repeat complainants on %s', (dialect) => {
  let t: TestApp;
  let agent: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await login(t.http, 'agent');
  });
  afterAll(() => t?.close());

  it('counts each complaint once: a duplicate merged into another, archived or not, is not one of its own', async () => {
    const complainant = { name: '钱女士', phone: '13912340001' };
    const register = async () =>
      (await agent.ok('POST', '/api/v1/complaints', buildComplaint(t.org, { complainant }))).number as string;
    const first = await register();
    await register();
    const merged = await register();
    const archived = await register();
    for (const duplicate of [merged, archived])
      await agent.ok('POST', `/api/v1/complaints/${duplicate}/merge`, { into: first, reason: '同一问题' });
    await agent.ok('POST', `/api/v1/complaints/${archived}/archive`, {});

    const hq = await t.app.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('id', '=', t.org.unitIds.get('hq') ?? 0)
      .executeTakeFirstOrThrow();
    const today = localDate(Date.now(), 'Asia/Shanghai');
    const content = await readContent(
      t.app,
      { unitId: hq.id, unitPath: hq.path, from: today, to: today },
      Date.now(),
    );
    expect(content.repeatComplainants).toEqual([{ name: maskName('钱女士'), complaints: 2 }]);
  });
});

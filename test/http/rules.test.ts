import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../src/domain/complaint-model.js';
import { ROLES } from '../../src/domain/roles.js';
import { ACTIONS, ALLOWED_FROM } from '../../src/modules/complaints/lifecycle.js';
import { PERMISSIONS } from '../../src/modules/complaints/permissions.js';
import { DEMO_USERS } from '../../src/seed/demo.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint, reply } from '../support/factories.js';
import { actionRequest, complaintIn } from '../support/states.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('transition and role rules on %s', (dialect) => {
  let t: TestApp;
  let manager: Client;
  let agent: Client;
  const inStatus = new Map<Status, string>();
  let open: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    manager = await login(t.http, 'manager');
    agent = await login(t.http, 'agent');
    for (const status of STATUSES) inStatus.set(status, await complaintIn(t, status, manager, agent));
    open = await complaintIn(t, 'received', manager, agent);
  }, 120_000);
  afterAll(() => t.close());

  const eventCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('builds a complaint in every status', async () => {
    for (const [status, number] of inStatus) {
      expect((await manager.ok('GET', `/api/v1/complaints/${number}`)).status).toBe(status);
    }
  });

  it('answers every illegal transition with 409 and its code, and changes nothing', async () => {
    const before = await eventCount();
    let checked = 0;
    for (const status of STATUSES) {
      const number = inStatus.get(status) ?? '';
      for (const action of ACTIONS) {
        if (ALLOWED_FROM[action].includes(status)) continue;
        const [method, path, body] = actionRequest(t, action, open);
        const res = await manager.request(method, `/api/v1/complaints/${number}${path}`, body);
        expect(res.status, `${action} from ${status}`).toBe(409);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.body.code).toBe(status === 'closed' ? 'complaint_archived' : 'illegal_transition');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(await eventCount()).toBe(before);
  });

  it('answers every action a role may not take with 403, and changes nothing', async () => {
    const before = await eventCount();
    const clients = new Map<string, Client>();
    for (const role of ROLES) {
      const user = DEMO_USERS.find((u) => u.role === role);
      if (user) clients.set(role, await login(t.http, user.username));
    }
    let checked = 0;
    for (const role of ROLES) {
      const client = clients.get(role) as Client;
      for (const action of ACTIONS) {
        if (PERMISSIONS[role].includes(action)) continue;
        const number = inStatus.get(ALLOWED_FROM[action][0] as Status) ?? '';
        const [method, path, body] = actionRequest(t, action, open);
        const res = await client.request(method, `/api/v1/complaints/${number}${path}`, body);
        expect(res.status, `${role} ${action}`).toBe(403);
        expect(res.body.code).toBe('forbidden');
        checked++;
      }
      if (!PERMISSIONS[role].includes('register')) {
        expect(
          (await client.post('/api/v1/complaints', buildComplaint(t.org))).status,
          `${role} register`,
        ).toBe(403);
        checked++;
      }
      if (!PERMISSIONS[role].includes('first_contact')) {
        const res = await client.post(
          '/api/v1/complaints',
          buildComplaint(t.org, { firstContact: { reply: reply() } }),
        );
        expect(res.status, `${role} first contact`).toBe(403);
      }
      if (role !== 'admin') {
        const admin = await client.post('/api/v1/users', {
          username: 'x1',
          displayName: 'x',
          password: 'password1',
          unitId: 1,
          roles: ['agent'],
        });
        expect(admin.status, `${role} creates a user`).toBe(403);
        expect(
          (
            await client.put('/api/v1/settings/authority-limits', {
              limits: { agent: 1 },
              majorApprover: 'manager',
            })
          ).status,
        ).toBe(403);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(await eventCount()).toBe(before);
  });

  it('refuses approval beyond the approver’s limit, and follows limits changed by the admin', async () => {
    const supervisor = await login(t.http, 'supervisor');
    const admin = await login(t.http, 'admin');
    const number = await complaintIn(t, 'investigating', manager, agent);
    const base = `/api/v1/complaints/${number}`;
    await manager.ok('PUT', `${base}/judgement`, { liableParty: 'company', degree: 'full', basis: '依据' });
    const proposed = await agent.ok('POST', `${base}/remedies`, {
      kinds: ['compensation'],
      amount: 15000,
      description: '赔偿 150 元',
    });
    expect(proposed.remedies.at(-1)).toMatchObject({ status: 'pending', requiredRole: 'manager' });
    const res = await supervisor.post(`${base}/approve`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('approval_limit_exceeded');

    await admin.ok('PUT', '/api/v1/settings/authority-limits', {
      limits: { agent: 2000, supervisor: 20000, manager: null },
      majorApprover: 'manager',
    });
    expect((await supervisor.ok('POST', `${base}/approve`)).status).toBe('approved');
    expect((await admin.ok('GET', '/api/v1/settings/authority-limits')).limits.supervisor).toBe(20000);
  });

  it('never lets a handler of one unit list or read another unit’s complaints', async () => {
    const handler = await login(t.http, 'handler');
    const handler2 = await login(t.http, 'handler2');
    const nanshan = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { unitId: t.org.unitIds.get('nanshan'), title: '南山网点的投诉' }),
    );
    const pudong = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), title: '浦东网点的投诉' }),
    );

    const listed = async (c: Client, q = '') => {
      const numbers: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await c.ok(
          'GET',
          `/api/v1/complaints?limit=200${q}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        numbers.push(...page.items.map((i: { number: string }) => i.number));
        cursor = page.nextCursor;
      } while (cursor);
      return numbers;
    };
    const seenByHandler = await listed(handler);
    expect(seenByHandler).toContain(pudong.number);
    expect(seenByHandler).not.toContain(nanshan.number);
    expect(await listed(handler2)).toContain(nanshan.number);
    expect(await listed(handler2)).not.toContain(pudong.number);
    expect(await listed(handler, `&q=${nanshan.number}`)).toEqual([]);
    expect(await listed(handler, `&unitId=${t.org.unitIds.get('nanshan')}`)).toEqual([]);

    for (const path of ['', '/timeline']) {
      const res = await handler.get(`/api/v1/complaints/${nanshan.number}${path}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('complaint_not_found');
    }
    const write = await handler.post(`/api/v1/complaints/${nanshan.number}/escalate`, { reason: '越权' });
    expect(write.status).toBe(404);
    // The service centre registered both, so its agent sees both; the auditor sees everything.
    const auditor = await login(t.http, 'auditor');
    expect(await listed(auditor)).toEqual(expect.arrayContaining([nanshan.number, pudong.number]));
  });
});

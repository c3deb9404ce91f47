import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('organisation and access on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await login(t.http, 'admin');
  });
  afterAll(() => t.close());

  it('signs in with an httpOnly session cookie and signs out', async () => {
    const res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'agent', password: 'test-password-1' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/kesu_session=kss_[\w-]+/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const session = cookie.split(';')[0] ?? '';
    const me = await t.http.inject({ url: '/api/v1/auth/me', headers: { cookie: session } });
    expect(JSON.parse(me.body).user).toMatchObject({ username: 'agent', roles: ['agent'] });
    await t.http.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session } });
    const after = await t.http.inject({ url: '/api/v1/auth/me', headers: { cookie: session } });
    expect(after.statusCode).toBe(401);
    expect(JSON.parse(after.body).code).toBe('unauthenticated');
  });

  it('refuses wrong passwords and unknown users alike, and anonymous requests', async () => {
    for (const payload of [
      { username: 'agent', password: 'wrong-password' },
      { username: 'nobody', password: 'whatever1' },
    ]) {
      const res = await t.http.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(JSON.parse(res.body).code).toBe('invalid_credentials');
    }
    expect((await anonymous(t.http).get('/api/v1/complaints')).status).toBe(401);
    expect((await anonymous(t.http).get('/api/v1/complaints')).body.code).toBe('unauthenticated');
  });

  it('stores passwords as argon2id hashes only', async () => {
    const rows = await t.app.db.selectFrom('users').select('password_hash').execute();
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('lets the admin build the unit tree, add users with roles, and change them', async () => {
    const region = await admin.ok('POST', '/api/v1/units', {
      parentId: t.org.unitIds.get('hq'),
      name: '华北大区',
      kind: 'region',
    });
    const branch = await admin.ok('POST', '/api/v1/units', {
      parentId: region.id,
      name: '北京分公司',
      nameEn: 'Beijing Branch',
      kind: 'branch',
    });
    expect(branch.path).toBe(`${region.path}${branch.id}/`);
    const user = await admin.ok('POST', '/api/v1/users', {
      username: 'bj.handler',
      displayName: '北京处理人',
      password: 'beijing-pass-1',
      unitId: branch.id,
      roles: ['handler'],
      phone: '13811112222',
    });
    expect(user).toMatchObject({ username: 'bj.handler', roles: ['handler'], active: true });
    const dup = await admin.post('/api/v1/users', {
      username: 'bj.handler',
      displayName: 'x',
      password: 'another-pass',
      unitId: branch.id,
      roles: ['agent'],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('username_taken');
    expect(dup.body.fields).toMatchObject([{ path: '/body/username', code: 'username_taken' }]);

    const bj = await login(t.http, 'bj.handler', 'beijing-pass-1');
    expect((await bj.ok('GET', '/api/v1/auth/me')).user.roles).toEqual(['handler']);
    const changed = await admin.ok('PATCH', `/api/v1/users/${user.id}`, { roles: ['handler', 'supervisor'] });
    expect(changed.roles).toEqual(['handler', 'supervisor']);
    await admin.ok('PATCH', `/api/v1/users/${user.id}`, { active: false });
    expect((await bj.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await admin.ok('GET', '/api/v1/users')).items.some(
        (u: { username: string }) => u.username === 'bj.handler',
      ),
    ).toBe(true);
    const history = await t.app.db
      .selectFrom('events')
      .select('kind')
      .where('stream_type', '=', 'user')
      .where('stream_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(history.map((e) => e.kind)).toEqual(['user_created', 'user_updated', 'user_updated']);
  });

  it('moves a unit with its subtree, and visibility follows', async () => {
    const agent = await login(t.http, 'agent');
    const created = await agent.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong') }),
    );
    const eastSupervisorUnit = t.org.unitIds.get('shanghai');
    const moved = await admin.ok('PATCH', `/api/v1/units/${t.org.unitIds.get('pudong')}`, {
      parentId: t.org.unitIds.get('shenzhen'),
    });
    expect(moved.path).toMatch(/\/\d+\/\d+\/\d+\/\d+\/$/);
    const stored = await t.app.db
      .selectFrom('complaints')
      .select('unit_path')
      .where('number', '=', created.number)
      .executeTakeFirstOrThrow();
    expect(stored.unit_path).toBe(moved.path);
    const cycle = await admin.patch(`/api/v1/units/${t.org.unitIds.get('south')}`, {
      parentId: t.org.unitIds.get('nanshan'),
    });
    expect(cycle.body.fields[0].code).toBe('unit_cycle');
    await admin.ok('PATCH', `/api/v1/units/${t.org.unitIds.get('pudong')}`, { parentId: eastSupervisorUnit });
  });

  it('issues API tokens that act as their user, and revokes them', async () => {
    const token = await admin.ok('POST', '/api/v1/api-tokens', {
      name: '呼叫中心 CTI',
      userId: t.org.userIds.get('agent'),
    });
    expect(token.token).toMatch(/^kst_/);
    const headers = { authorization: `Bearer ${token.token}` };
    const res = await t.http.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: buildComplaint(t.org),
      headers,
    });
    expect(res.statusCode).toBe(201);
    const record = await t.http.inject({ url: String(res.headers.location), headers });
    expect(JSON.parse(record.body).registeredBy.name).toBe('陈坐席');
    const listed = await admin.ok('GET', '/api/v1/api-tokens');
    expect(JSON.stringify(listed)).not.toContain(token.token);
    // Times are ISO strings, as everywhere in the API; the hash is never part of the answer.
    expect(listed.items.find((x: { id: number }) => x.id === token.id)).toEqual({
      id: token.id,
      name: '呼叫中心 CTI',
      userId: t.org.userIds.get('agent'),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      revokedAt: null,
    });
    await admin.request('DELETE', `/api/v1/api-tokens/${token.id}`);
    const revoked = await t.http.inject({ url: '/api/v1/complaints', headers });
    expect(revoked.statusCode).toBe(401);
    const after = (await admin.ok('GET', '/api/v1/api-tokens')).items;
    expect(after.find((x: { id: number }) => x.id === token.id).revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('keeps the category tree to four levels and loads the retail preset once', async () => {
    const root = await admin.ok('POST', '/api/v1/categories', {
      parentId: null,
      code: 'x',
      nameZh: '一',
      nameEn: 'one',
    });
    let parent = root.id;
    for (const level of [2, 3, 4])
      parent = (
        await admin.ok('POST', '/api/v1/categories', {
          parentId: parent,
          code: `x${level}`,
          nameZh: `${level}`,
          nameEn: `${level}`,
        })
      ).id;
    const fifth = await admin.post('/api/v1/categories', {
      parentId: parent,
      code: 'x5',
      nameZh: '五',
      nameEn: 'five',
    });
    expect(fifth.status).toBe(400);
    expect(fifth.body.fields[0]).toMatchObject({ path: '/body/parentId', code: 'category_too_deep' });
    const loaded = await admin.ok('POST', '/api/v1/categories/presets/retail');
    expect(loaded.added).toBeGreaterThan(20);
    expect((await admin.ok('POST', '/api/v1/categories/presets/retail')).added).toBe(0);
    const agent = await login(t.http, 'agent');
    expect((await agent.post('/api/v1/categories/presets/retail')).status).toBe(403);
    const names = (await agent.ok('GET', '/api/v1/categories')).items.map(
      (c: { nameZh: string }) => c.nameZh,
    );
    expect(names).toEqual(expect.arrayContaining(['延误', '损毁', '商品质量', '食品安全']));
  });

  it('publishes OpenAPI 3.1 and Swagger UI', async () => {
    const spec = await t.http.inject({ url: '/api/openapi.json' });
    const doc = JSON.parse(spec.body);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/complaints', '/api/v1/complaints/{number}/approve']),
    );
    expect(
      doc.paths['/api/v1/complaints'].post.requestBody.content['application/json'].schema.properties.content
        .maxLength,
    ).toBe(20000);
    const ui = await t.http.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

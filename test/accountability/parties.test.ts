import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, tokenClient } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('people and parties in the judgement on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let handler: Client;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await tokenClient(t, 'admin');
    manager = await tokenClient(t, 'manager');
    handler = await tokenClient(t, 'handler');
  });
  afterAll(() => t.close());

  const investigating = async () => {
    const { number } = await manager.ok(
      'POST',
      '/api/v1/complaints',
      buildComplaint(t.org, { unitId: t.org.unitIds.get('pudong'), staffComplained: '浦东 快递员' }),
    );
    for (const [path, body] of [
      ['/accept', {}],
      ['/assign', { assigneeId: t.org.userIds.get('handler') }],
      ['/start', {}],
    ] as const)
      await manager.ok('POST', `/api/v1/complaints/${number}${path}`, body);
    return number;
  };
  const judgement = {
    liableParty: 'company',
    degree: 'full',
    basis: '加盟网点延误派送。',
    validity: 'valid',
    validityKind: 'business_error',
  } as const;

  it('an admin keeps external parties: create, unique code (409), edit, deactivate; others may not', async () => {
    const created = await admin.ok('POST', '/api/v1/parties', {
      kind: 'partner_station',
      code: 'JM-PD-01',
      name: '浦东加盟网点一',
      unitId: t.org.unitIds.get('pudong'),
    });
    expect(created).toMatchObject({ code: 'JM-PD-01', active: true, unit: { name: '浦东网点' } });
    const dup = await admin.post('/api/v1/parties', { kind: 'supplier', code: 'JM-PD-01', name: '重复' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('party_code_taken');
    // On the field it is about, so that the form shows it there.
    expect(dup.body.fields).toMatchObject([{ path: '/body/code', code: 'party_code_taken' }]);
    expect((await handler.post('/api/v1/parties', { kind: 'supplier', code: 'X', name: 'x' })).status).toBe(
      403,
    );
    const edited = await admin.ok('PATCH', `/api/v1/parties/${created.id}`, { name: '浦东加盟网点（一）' });
    expect(edited.name).toBe('浦东加盟网点（一）');
    const other = await admin.ok('POST', '/api/v1/parties', {
      kind: 'courier_contractor',
      code: 'CB-02',
      name: '承包商二',
    });
    await admin.ok('PATCH', `/api/v1/parties/${other.id}`, { active: false });
    const listed = await handler.ok('GET', '/api/v1/parties');
    expect(listed.items.map((p: { code: string }) => p.code)).toEqual(['JM-PD-01']);
    const all = await admin.ok('GET', '/api/v1/parties?includeInactive=true&q=CB');
    expect(all.items.map((p: { code: string }) => p.code)).toEqual(['CB-02']);
  });

  it('the judgement names a user of the responsible unit or a party; the view and history show them by name', async () => {
    const lookup = await manager.ok('GET', `/api/v1/people/lookup?unitId=${t.org.unitIds.get('pudong')}&q=`);
    expect(lookup.users.map((u: { name: string }) => u.name)).toEqual(['刘处理']);
    const party = (await manager.ok('GET', '/api/v1/people/lookup?q=JM')).parties[0];
    expect(party).toMatchObject({ code: 'JM-PD-01' });

    const number = await investigating();
    const wrongUnit = await manager.put(`/api/v1/complaints/${number}/judgement`, {
      ...judgement,
      responsibleUnitId: t.org.unitIds.get('pudong'),
      responsibleUserId: t.org.userIds.get('handler2'),
    });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.fields).toEqual([
      expect.objectContaining({ path: '/body/responsibleUserId', code: 'responsible_not_in_unit' }),
    ]);
    const unknown = await manager.put(`/api/v1/complaints/${number}/judgement`, {
      ...judgement,
      responsiblePartyId: 99999,
    });
    expect(unknown.body.fields).toEqual([
      expect.objectContaining({ path: '/body/responsiblePartyId', code: 'unknown_party' }),
    ]);

    await manager.ok('PUT', `/api/v1/complaints/${number}/judgement`, {
      ...judgement,
      responsibleUnitId: t.org.unitIds.get('pudong'),
      responsibleUserId: t.org.userIds.get('handler'),
    });
    await manager.ok('PUT', `/api/v1/complaints/${number}/judgement`, {
      ...judgement,
      responsibleUnitId: t.org.unitIds.get('pudong'),
      responsiblePartyId: party.id,
    });
    await manager.ok('PATCH', `/api/v1/complaints/${number}`, {
      staffComplainedUserId: t.org.userIds.get('handler'),
    });
    const view = await manager.ok('GET', `/api/v1/complaints/${number}`);
    expect(view.judgement).toMatchObject({
      responsibleUser: null,
      responsibleParty: { id: party.id, code: 'JM-PD-01', name: '浦东加盟网点（一）' },
    });
    // The typed name recorded at registration stays, beside the link.
    expect(view.references).toMatchObject({
      staffComplained: '浦东 快递员',
      staffComplainedUser: { id: t.org.userIds.get('handler'), name: '刘处理' },
    });
    // Both judgements stay in the history, with the names as they were.
    const judged = (await manager.ok('GET', `/api/v1/complaints/${number}/timeline`)).items.filter(
      (e: { kind: string }) => e.kind === 'judged',
    );
    expect(judged.map((e: { data: Record<string, unknown> }) => e.data)).toEqual([
      expect.objectContaining({ responsibleUser: { id: t.org.userIds.get('handler'), name: '刘处理' } }),
      expect.objectContaining({
        responsibleParty: expect.objectContaining({ code: 'JM-PD-01' }),
        changes: expect.objectContaining({
          responsible_user_id: { from: t.org.userIds.get('handler'), to: null },
          responsible_party_id: { from: null, to: party.id },
        }),
      }),
    ]);
  });
});

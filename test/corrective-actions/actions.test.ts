import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { type Client, tokenClient } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { actionBody, DAY, registerAt, shanghai, timelineKinds } from './support.js';

for (const dialect of DIALECTS) {
  describe(`corrective actions (整改) on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let supervisor: Client;
    let executive: Client;
    let handler: Client;
    let handler2: Client;
    let agent: Client;
    let auditor: Client;
    let admin: Client;
    const clock = fixedClock(shanghai('2026-03-13T10:00:00'));
    const base = '/api/v1/corrective-actions';

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      [manager, supervisor, executive, handler, handler2, agent, auditor, admin] = await Promise.all([
        tokenClient(t, 'manager'),
        tokenClient(t, 'supervisor'),
        tokenClient(t, 'executive'),
        tokenClient(t, 'handler'),
        tokenClient(t, 'handler2'),
        tokenClient(t, 'agent'),
        tokenClient(t, 'auditor'),
        tokenClient(t, 'admin'),
      ]);
    });
    afterAll(() => t?.close());

    it('opens an action from one complaint: linked, shown on the complaint, recorded on both histories', async () => {
      const number = await registerAt(t, manager, 'pudong', 'delay.transit');
      const { id } = await executive.ok('POST', base, actionBody(t, [number], clock.now() + 10 * DAY));
      const action = await executive.ok('GET', `${base}/${id}`);
      expect(action).toMatchObject({
        status: 'open',
        sourceKind: 'complaint',
        warningId: null,
        owner: { name: '刘处理' },
        unit: { name: '浦东网点' },
        ownerUnit: { name: '浦东网点' },
        rootCause: '夜班分拣人手不足，排班未覆盖高峰',
        effectDays: 30,
        effectiveness: null,
        complaints: 1,
      });
      expect(action.linked.map((c: { number: string }) => c.number)).toEqual([number]);
      expect(action.history.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
      expect(await timelineKinds(manager, number)).toContain('corrective_action_opened');
      const onComplaint = await manager.ok('GET', `/api/v1/complaints/${number}/corrective-actions`);
      expect(onComplaint.items.map((a: { id: number }) => a.id)).toEqual([id]);
    });

    it('opens one action for a group of complaints chosen by number', async () => {
      const numbers = [
        await registerAt(t, manager, 'pudong', 'delay.transit'),
        await registerAt(t, manager, 'pudong', 'delay.lastmile'),
        await registerAt(t, manager, 'pudong', 'lost.short'),
      ];
      const { id } = await executive.ok(
        'POST',
        base,
        actionBody(t, numbers, clock.now() + 10 * DAY, { kind: 'preventive' }),
      );
      const action = await executive.ok('GET', `${base}/${id}`);
      expect(action).toMatchObject({ kind: 'preventive', sourceKind: 'complaints', complaints: 3 });
      expect(action.linked.map((c: { number: string }) => c.number).sort()).toEqual([...numbers].sort());
      for (const n of numbers) expect(await timelineKinds(manager, n)).toContain('corrective_action_opened');

      const bad = await executive.post(base, actionBody(t, [numbers[0] ?? '', 'KS-NOPE'], clock.now() + DAY));
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual([expect.objectContaining({ path: '/body/complaintNumbers/1' })]);
      const past = await executive.post(base, actionBody(t, numbers, clock.now() - DAY));
      expect(past.status).toBe(400);
    });

    it('the owner records progress and marks it done; the verifier sends it back, then verifies', async () => {
      const number = await registerAt(t, manager, 'pudong', 'delay.transit');
      const { id } = await executive.ok('POST', base, actionBody(t, [number], clock.now() + 10 * DAY));
      const url = `${base}/${id}`;
      expect((await handler.post(`${url}/done`, { note: '已完成' })).status).toBe(409);
      await handler.ok('POST', `${url}/progress`, { note: '已增派两名夜班分拣员' });
      expect(await handler.ok('GET', url)).toMatchObject({
        status: 'in_progress',
        progressNote: '已增派两名夜班分拣员',
        may: { progress: true, manage: false },
      });
      await handler.ok('POST', `${url}/done`, { note: '排班表已调整，滞留件清单每日核查记录见附表' });
      expect(await handler.ok('GET', url)).toMatchObject({
        status: 'done',
        completionNote: '排班表已调整，滞留件清单每日核查记录见附表',
      });
      // Only a supervisor and above verifies, and the owner cannot verify their own work.
      expect((await handler.post(`${url}/verify`, { accept: true, comment: '好' })).status).toBe(403);
      await executive.ok('POST', `${url}/verify`, { accept: false, comment: '缺少核查记录签字' });
      expect(await handler.ok('GET', url)).toMatchObject({ status: 'in_progress', doneAt: null });
      await handler.ok('POST', `${url}/done`, { note: '补充签字记录' });
      await executive.ok('POST', `${url}/verify`, { accept: true, comment: '现场核查属实' });
      const verified = await executive.ok('GET', url);
      expect(verified).toMatchObject({
        status: 'verified',
        verifiedBy: { name: '王总' },
        verifyComment: '现场核查属实',
        effectiveness: expect.objectContaining({ complete: false }),
      });
      expect(verified.history.map((e: { kind: string }) => e.kind)).toEqual([
        'opened',
        'progress',
        'done',
        'sent_back',
        'done',
        'verified',
      ]);
      expect(verified.history[3]).toMatchObject({ comment: '缺少核查记录签字', actor: { name: '王总' } });
      // The effectiveness period has not passed: it cannot be closed yet.
      const early = await executive.post(`${url}/close`, { outcome: 'effective', comment: '有效' });
      expect(early.status).toBe(409);
    });

    it('extending the due date is recorded with the old date', async () => {
      const number = await registerAt(t, manager, 'pudong', 'delay.transit');
      const was = clock.now() + 5 * DAY;
      const { id } = await executive.ok('POST', base, actionBody(t, [number], was));
      const dueAt = new Date(clock.now() + 12 * DAY).toISOString();
      expect((await handler.put(`${base}/${id}/due`, { dueAt, reason: '设备到货延迟' })).status).toBe(403);
      await executive.ok('PUT', `${base}/${id}/due`, { dueAt, reason: '设备到货延迟' });
      const action = await executive.ok('GET', `${base}/${id}`);
      expect(action.dueAt).toBe(dueAt);
      expect(action.history.at(-1)).toMatchObject({
        kind: 'due_extended',
        comment: '设备到货延迟',
        data: { was, dueAt: Date.parse(dueAt) },
      });
    });

    it('lists per unit and per owner, earliest due (overdue) first, a page at a time', async () => {
      const number = await registerAt(t, manager, 'service', 'delay.transit');
      const soon = await supervisor.ok(
        'POST',
        base,
        actionBody(t, [number], clock.now() + DAY, {
          unitId: t.org.unitIds.get('service'),
          ownerId: t.org.userIds.get('agent'),
          title: '客服中心首问培训',
        }),
      );
      const mine = await agent.ok('GET', base);
      expect(mine.items.map((a: { id: number }) => a.id)).toEqual([soon.id]);
      // The supervisor of the service centre sees its subtree only; the executive sees every unit.
      const ofService = await supervisor.ok('GET', base);
      expect(ofService.items.map((a: { id: number }) => a.id)).toEqual([soon.id]);
      const all = await executive.ok('GET', `${base}?limit=2`);
      expect(all.items[0].id).toBe(soon.id);
      expect(all.nextCursor).not.toBeNull();
      const rest = await executive.ok('GET', `${base}?limit=100&cursor=${all.nextCursor}`);
      const dues = [...all.items, ...rest.items].map((a: { dueAt: string }) => a.dueAt);
      expect(dues).toEqual([...dues].sort());
      expect(new Set([...all.items, ...rest.items].map((a: { id: number }) => a.id)).size).toBe(dues.length);
      const handlers = await executive.ok(
        'GET',
        `${base}?ownerId=${t.org.userIds.get('handler')}&status=open`,
      );
      expect(handlers.items.every((a: { owner: { name: string } }) => a.owner.name === '刘处理')).toBe(true);
      const ofPudong = await executive.ok('GET', `${base}?unitId=${t.org.unitIds.get('pudong')}`);
      expect(ofPudong.items.some((a: { id: number }) => a.id === soon.id)).toBe(false);
      // An overdue action is marked so once its date passes.
      clock.advance(2 * DAY);
      expect((await agent.ok('GET', base)).items[0]).toMatchObject({ id: soon.id, overdue: true });
      clock.advance(-2 * DAY);
    });

    it('refuses whoever may not: 403s', async () => {
      const number = await registerAt(t, manager, 'pudong', 'delay.transit');
      const body = actionBody(t, [number], clock.now() + 10 * DAY);
      // The supervisor's unit subtree is the service centre, not Pudong.
      expect((await supervisor.post(base, body)).status).toBe(403);
      for (const who of [agent, handler, auditor, admin])
        expect((await who.post(base, body)).status).toBe(403);
      const { id } = await executive.ok('POST', base, body);
      // Admins and auditors read every action; another handler does not, nor may they work on it.
      expect((await admin.get(`${base}/${id}`)).status).toBe(200);
      expect((await auditor.get(`${base}/${id}`)).status).toBe(200);
      expect((await handler2.get(`${base}/${id}`)).status).toBe(403);
      expect((await handler2.post(`${base}/${id}/progress`, { note: '我来' })).status).toBe(403);
      expect((await supervisor.get(`${base}/${id}`)).status).toBe(403);
      expect((await auditor.post(`${base}/${id}/progress`, { note: '看看' })).status).toBe(403);
    });
  });
}

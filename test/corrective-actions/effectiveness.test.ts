import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subtreeEnd } from '../../src/domain/actor.js';
import { fixedClock } from '../../src/lib/clock.js';
import { type Client, tokenClient } from '../support/client.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { actionBody, DAY, registerAt, shanghai } from './support.js';

/** The recurrence counted directly: complaints under a unit and a category, received in [from, to). */
async function directCount(t: TestApp, unitPath: string, categoryPath: string, from: number, to: number) {
  const row = await t.app.db
    .selectFrom('complaints as c')
    .innerJoin('categories as cat', 'cat.id', 'c.category_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('c.unit_path', '>=', unitPath)
    .where('c.unit_path', '<', subtreeEnd(unitPath))
    .where('cat.path', 'like', `${categoryPath}%`)
    .where('c.received_at', '>=', from)
    .where('c.received_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of DIALECTS) {
  describe(`effectiveness of a corrective action (效果验证) on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    let executive: Client;
    let handler: Client;
    const start = shanghai('2026-04-01T09:00:00');
    const clock = fixedClock(start);
    const ago = (days: number) => new Date(clock.now() - days * DAY).toISOString();

    beforeAll(async () => {
      t = await startTestApp(dialect, { clock });
      [manager, executive, handler] = await Promise.all([
        tokenClient(t, 'manager'),
        tokenClient(t, 'executive'),
        tokenClient(t, 'handler'),
      ]);
    });
    afterAll(() => t?.close());

    it('compares the same category at the same unit (subtrees) after verification with the period before', async () => {
      // Before the action, within 30 days: five delays in Shanghai's subtree (Pudong)…
      for (const days of [2, 5, 9, 20, 29])
        await registerAt(t, manager, 'pudong', days % 2 ? 'delay.transit' : 'delay.lastmile', {
          receivedAt: ago(days),
        });
      // …and what is not counted: another unit, another category, before the window.
      await registerAt(t, manager, 'nanshan', 'delay.transit', { receivedAt: ago(3) });
      await registerAt(t, manager, 'pudong', 'lost.whole', { receivedAt: ago(4) });
      const linked = await registerAt(t, manager, 'pudong', 'delay.transit', { receivedAt: ago(40) });

      const { id } = await executive.ok(
        'POST',
        '/api/v1/corrective-actions',
        actionBody(t, [linked], clock.now() + 7 * DAY, {
          unitId: t.org.unitIds.get('shanghai'),
          categoryId: t.org.categoryIds.get('delay'),
        }),
      );
      const url = `/api/v1/corrective-actions/${id}`;
      clock.advance(DAY);
      await handler.ok('POST', `${url}/progress`, { note: '夜班增员' });
      await handler.ok('POST', `${url}/done`, { note: '排班已调整' });
      clock.advance(DAY);
      await executive.ok('POST', `${url}/verify`, { accept: true, comment: '核查属实' });
      const verifiedAt = clock.now();

      // After verification: two delays in Pudong, and again others that do not count.
      clock.advance(10 * DAY);
      await registerAt(t, manager, 'pudong', 'delay.transit');
      await registerAt(t, manager, 'nanshan', 'delay.lastmile');
      await registerAt(t, manager, 'pudong', 'lost.short');
      clock.advance(5 * DAY);
      await registerAt(t, manager, 'pudong', 'delay.dispatch');

      const running = await executive.ok('GET', url);
      expect(running.effectiveness).toMatchObject({
        before: { count: 5 },
        after: { count: 2 },
        changePct: -60,
        complete: false,
      });
      expect((await executive.post(`${url}/close`, { outcome: 'effective', comment: '下降' })).status).toBe(
        409,
      );

      // 30 days after verification the check is due; one more delay later on does not count.
      clock.set(verifiedAt + 30 * DAY);
      await registerAt(t, manager, 'pudong', 'delay.transit');
      const due = await executive.ok('GET', url);
      const unitPath = (
        await t.app.db
          .selectFrom('units')
          .select('path')
          .where('id', '=', t.org.unitIds.get('shanghai') ?? 0)
          .executeTakeFirstOrThrow()
      ).path;
      const categoryPath = (
        await t.app.db
          .selectFrom('categories')
          .select('path')
          .where('id', '=', t.org.categoryIds.get('delay') ?? 0)
          .executeTakeFirstOrThrow()
      ).path;
      const { before, after } = due.effectiveness;
      expect(before.count).toBe(
        await directCount(t, unitPath, categoryPath, Date.parse(before.from), Date.parse(before.to)),
      );
      expect(after.count).toBe(
        await directCount(t, unitPath, categoryPath, Date.parse(after.from), Date.parse(after.to)),
      );
      expect(due.effectiveness).toMatchObject({
        before: { count: 5 },
        after: { count: 2 },
        changePct: -60,
        complete: true,
      });

      expect((await handler.post(`${url}/close`, { outcome: 'effective', comment: '下降' })).status).toBe(
        403,
      );
      await executive.ok('POST', `${url}/close`, { outcome: 'effective', comment: '同类投诉下降六成' });
      // The figure the decision was made on stays with the action, whatever arrives later.
      clock.advance(DAY);
      await registerAt(t, manager, 'pudong', 'delay.transit', { receivedAt: ago(3) });
      const closed = await executive.ok('GET', url);
      expect(closed).toMatchObject({
        status: 'closed',
        outcome: 'effective',
        effectiveness: { before: { count: 5 }, after: { count: 2 }, changePct: -60 },
      });
      expect(closed.history.at(-1)).toMatchObject({
        kind: 'closed',
        comment: '同类投诉下降六成',
        data: { outcome: 'effective', figure: { changePct: -60 } },
      });
      // Closed actions leave the default list.
      const open = await executive.ok('GET', '/api/v1/corrective-actions');
      expect(open.items.some((a: { id: number }) => a.id === id)).toBe(false);
    });
  });
}

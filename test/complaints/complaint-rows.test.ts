/**
 * The complaint page on PostgreSQL reads the complaint and the rows it owns in one statement (each
 * table's rows as a JSON array): those rows must be exactly what the table-by-table reads give —
 * same values, same types, same order — for complaints with every kind of row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { complaintAndRows, ownRowsOf } from '../../src/modules/complaints/complaint-rows.js';
import { generateDemoHistory } from '../../src/seed/history/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const NOW = Date.parse('2026-12-03T10:00:00+08:00');

describe('the complaint and its rows in one statement on postgres', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('postgres', { clock: fixedClock(NOW) });
    await generateDemoHistory(
      t.app,
      { unitIds: t.org.unitIds, userIds: t.org.userIds, partyId: null },
      { days: 10 },
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('gives the rows the table-by-table reads give, for complaints with every kind of row', async () => {
    const sample = await t.app.db
      .selectFrom('complaints')
      .select(['id', 'number'])
      .orderBy('id')
      .limit(60)
      .execute();
    const [first, second] = sample;
    if (!first || !second) throw new Error('no complaints generated');
    // What the generated history has no rows of: evidence, messages (two each, to check the order), a watcher.
    for (const [i, body] of ['第一条留言', '第二条留言'].entries()) {
      await t.app.db
        .insertInto('complaint_messages')
        .values({
          complaint_id: first.id,
          author: 'customer',
          source: 'portal',
          body,
          user_id: null,
          created_at: NOW + i,
        })
        .execute();
      await t.app.db
        .insertInto('evidence')
        .values({
          complaint_id: first.id,
          sha256: `${i}`.repeat(64),
          size: 1024 * (i + 1),
          media_type: 'image/png',
          filename: `照片${i}.png`,
          source: 'staff',
          added_by: t.org.userIds.get('manager') ?? null,
          note: i ? '补充' : null,
          created_at: NOW + i,
        })
        .execute();
    }
    for (const user of ['manager', 'supervisor'])
      await t.app.db
        .insertInto('complaint_watchers')
        .values({ complaint_id: first.id, user_id: t.org.userIds.get(user) ?? 0 })
        .execute();
    await t.app.db
      .insertInto('complaint_links')
      .values({ complaint_id: second.id, target_id: first.id, kind: 'related', created_at: NOW })
      .execute();

    const kinds = new Set<string>();
    for (const { id, number } of sample) {
      const { c, rows } = await complaintAndRows(t.app.db, number);
      const expected = await ownRowsOf(t.app.db, id);
      expect(c?.id).toBe(id);
      expect(rows).toEqual(expected);
      for (const [kind, list] of Object.entries(expected)) if (list.length) kinds.add(kind);
    }
    expect([...kinds].sort()).toEqual(
      ['deadlines', 'evidence', 'links', 'messages', 'remedies', 'replies', 'surveys', 'watchers'].sort(),
    );
  });

  it('finds no complaint for a number that does not exist', async () => {
    expect(await complaintAndRows(t.app.db, 'KS20990101-000001')).toEqual({ c: undefined, rows: undefined });
  });
});

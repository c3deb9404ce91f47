/**
 * The complaint page on PostgreSQL reads the complaint, the rows it owns and what it shows beside them
 * (case, prediction, customer) in one statement (JSON arrays and objects): those must be exactly what
 * the table-by-table reads give — same values, same types, same order — for complaints with every
 * kind of row, and the customer's other complaints only those the reader may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/clock.js';
import { complaintAndRows, ownRowsOf, type Visible } from '../../src/modules/complaints/complaint-rows.js';
import { visibleTo } from '../../src/modules/complaints/queries.js';
import { loadActor } from '../../src/modules/org/actor.js';
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
    // A case and a prediction with a rule: the generated history has neither.
    const { category_id } = await t.app.db
      .selectFrom('complaints')
      .select('category_id')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    const manager = t.org.userIds.get('manager') ?? 0;
    await t.app.db
      .insertInto('complaint_cases')
      .values({
        complaint_id: first.id,
        title: '典型案例',
        summary: '摘要',
        lessons: '教训',
        scripts: JSON.stringify([{ title: '话术', text: '您好' }]),
        tags: JSON.stringify(['破损']),
        category_id,
        terms: '典型 案例',
        marked_by: manager,
        marked_at: NOW,
        updated_by: manager,
        updated_at: NOW,
      })
      .execute();
    const rule = await t.app.db
      .insertInto('classification_rules')
      .values({
        name: '破损规则',
        words: '["破损"]',
        category_id,
        priority: 'P2',
        major: 0,
        position: 1,
        active: 1,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.app.db
      .insertInto('complaint_classifications')
      .values({
        complaint_id: second.id,
        model: 'express-1',
        category_id,
        category_confidence: 0.8125,
        priority: 'P2',
        priority_confidence: 0.5,
        grade: null,
        grade_confidence: null,
        rule_id: rule.id,
        applied: JSON.stringify({ category: true, priority: false, grade: false }),
        created_at: NOW,
      })
      .execute();
    await t.app.db
      .insertInto('complaint_links')
      .values({ complaint_id: second.id, target_id: first.id, kind: 'related', created_at: NOW })
      .execute();

    // Readers: one who sees everything, and a station handler who sees a customer's other complaints only
    // where they may.
    const handler = await loadActor(t.app.db, t.org.userIds.get('handler') ?? 0);
    if (!handler) throw new Error('no demo handler');
    const readers: Visible[] = [undefined, visibleTo({ ...t.app, actor: handler })];
    const kinds = new Set<string>();
    for (const { id, number } of sample)
      for (const visible of readers) {
        const { c, rows } = await complaintAndRows(t.app.db, number, visible);
        if (!c) throw new Error(`${number} not read`);
        const expected = await ownRowsOf(t.app.db, c, visible);
        expect(c.id).toBe(id);
        expect(rows).toEqual(expected);
        for (const [kind, value] of Object.entries(expected))
          if (Array.isArray(value) ? value.length : value) kinds.add(kind);
      }
    expect([...kinds].sort()).toEqual(
      [
        'deadlines',
        'evidence',
        'links',
        'messages',
        'remedies',
        'replies',
        'surveys',
        'watchers',
        'case',
        'classification',
        'customer',
        'customerComplaints',
        'otherComplaints',
      ].sort(),
    );
  });

  it('finds no complaint for a number that does not exist', async () => {
    expect(await complaintAndRows(t.app.db, 'KS20990101-000001', undefined)).toEqual({
      c: undefined,
      rows: undefined,
    });
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorContext } from '../../src/context.js';
import { personSheet, unitSheet } from '../../src/modules/assessment/index.js';
import { loadActor } from '../../src/modules/org/index.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';
import { type Dataset, DEC, datasetArb, NOV, OCT, PEOPLE, writeDataset } from './dataset.js';
import { expectedFigures, expectedVolume, type Window } from './expected.js';

/** Numbers compared to within rounding; everything else exactly. */
function same(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(actual, path).toBeCloseTo(expected, 6);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    for (const [k, v] of Object.entries(expected))
      same((actual as Record<string, unknown>)[k], v, `${path}/${k}`);
    if (Array.isArray(expected)) expect((actual as unknown[]).length, path).toBe(expected.length);
    return;
  }
  expect(actual, path).toEqual(expected);
}

const NOVEMBER: Window = { start: NOV, end: DEC, months: ['2026-11'] };
const AUTUMN: Window = { start: OCT, end: DEC, months: ['2026-10', '2026-11'] };
const SUBTREES = { east: ['shanghai', 'pudong'], hq: ['pudong', 'nanshan', 'service', 'shanghai'] } as const;

for (const dialect of DIALECTS) {
  describe(`assessment figures (考核) on ${dialect}`, () => {
    let t: TestApp;
    let ctx: ActorContext;

    beforeAll(async () => {
      t = await startTestApp(dialect);
      const actor = await loadActor(t.app.db, t.org.userIds.get('admin') ?? 0);
      if (!actor) throw new Error('no admin');
      ctx = { ...t.app, actor };
    });
    afterAll(() => t?.close());

    async function checkAgainstDirectCount(data: Dataset): Promise<void> {
      await writeDataset(t.app.db, t.org, data);
      for (const [w, query] of [
        [NOVEMBER, { from: '2026-11' }],
        [AUTUMN, { from: '2026-10', to: '2026-11' }],
      ] as const) {
        for (const person of PEOPLE) {
          const sheet = await personSheet(ctx, t.org.userIds.get(person) ?? 0, query);
          const want = expectedFigures(data, { person }, w);
          same(sheet.responsible, want.responsible, `${person}/responsible`);
          same(sheet.handler, want.handler, `${person}/handler`);
          same(sheet.score.total, want.score, `${person}/score`);
          // The score is the sum of its lines.
          same(
            sheet.score.lines.reduce((a, l) => a + l.points, 0),
            sheet.score.total,
            `${person}/lines`,
          );
        }
        for (const [key, units] of Object.entries(SUBTREES)) {
          const sheet = await unitSheet(ctx, t.org.unitIds.get(key) ?? 0, query);
          const want = expectedFigures(data, { units }, w);
          same(sheet.responsible, want.responsible, `${key}/responsible`);
          same(sheet.handler, want.handler, `${key}/handler`);
          const volume = expectedVolume(data, units, w.months);
          same(sheet.volume, volume, `${key}/volume`);
          const valid = want.responsible.valid;
          same(
            sheet.validPer10kParcels,
            volume.parcels ? (valid / volume.parcels) * 10_000 : null,
            `${key}/rate`,
          );
          for (const person of PEOPLE) {
            const row = sheet.people.find((p) => p.id === t.org.userIds.get(person));
            if (!row) continue;
            const mine = expectedFigures(data, { person }, w);
            same(
              { valid: row.valid, received: row.received, handled: row.handled, score: row.score },
              {
                valid: mine.responsible.valid,
                received: mine.responsible.received,
                handled: mine.handler.handled,
                score: mine.score,
              },
              `${key}/${person}`,
            );
          }
        }
      }
    }

    it('gives for any generated history the figures of a direct count (property)', async () => {
      await fc.assert(fc.asyncProperty(datasetArb, checkAgainstDirectCount), {
        numRuns: dialect === 'sqlite' ? 50 : 20,
      });
    }, 600_000);
  });
}

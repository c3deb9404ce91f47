import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJob, pruneJobs } from '../../src/modules/jobs/index.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

describe.each(DIALECTS)('pruning finished jobs on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('removes done jobs older than the cut-off and keeps dead, pending and recent ones', async () => {
    const ids: number[] = [];
    for (const key of ['old-done', 'new-done', 'old-dead', 'pending'])
      ids.push((await insertJob(t.app.db, { kind: 'x', key }, 1000))?.id ?? 0);
    const [oldDone, newDone, oldDead] = ids;
    await t.app.db
      .updateTable('jobs')
      .set({ state: 'done', finished_at: 1000 })
      .where('id', '=', oldDone ?? 0)
      .execute();
    await t.app.db
      .updateTable('jobs')
      .set({ state: 'done', finished_at: 9000 })
      .where('id', '=', newDone ?? 0)
      .execute();
    await t.app.db
      .updateTable('jobs')
      .set({ state: 'dead', finished_at: 1000 })
      .where('id', '=', oldDead ?? 0)
      .execute();
    expect(await pruneJobs(t.app.db, 5000)).toBe(1);
    const left = (await t.app.db.selectFrom('jobs').select('key').orderBy('id').execute()).map((j) => j.key);
    expect(left).toEqual(['new-done', 'old-dead', 'pending']);
  });
});

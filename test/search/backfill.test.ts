import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillSearchIndex, reindexAll } from '../../src/modules/search/index.js';
import { type Client, login } from '../support/client.js';
import { buildComplaint } from '../support/factories.js';
import { DIALECTS, startTestApp, type TestApp } from '../support/test-app.js';

for (const dialect of DIALECTS)
  describe(`search index of complaints written before search on ${dialect}`, () => {
    let t: TestApp;
    let manager: Client;
    beforeAll(async () => {
      t = await startTestApp(dialect);
      manager = await login(t.http, 'manager');
    });
    afterAll(() => t.close());

    const found = async (q: string) =>
      (await manager.ok('GET', `/api/v1/complaints?q=${encodeURIComponent(q)}`)).items.length as number;

    it('indexes them once at start-up, and again on `kesu search reindex`', async () => {
      await manager.ok(
        'POST',
        '/api/v1/complaints',
        buildComplaint(t.org, { content: '冷链运输的榴莲变质了' }),
      );
      // As a database from before the search migration: complaints without search documents.
      await t.app.db.deleteFrom('complaint_search').execute();
      await t.app.db.deleteFrom('settings').where('key', '=', 'search_index_built').execute();
      if (dialect === 'sqlite') await sql`delete from complaint_search_fts`.execute(t.app.db);
      expect(await found('榴莲')).toBe(0);

      expect(await backfillSearchIndex(t.app)).toBe(1);
      expect(await found('榴莲')).toBe(1);
      expect(await backfillSearchIndex(t.app)).toBe(0);

      expect(await reindexAll(t.app)).toBe(1);
      expect(await found('榴莲')).toBe(1);
    });
  });

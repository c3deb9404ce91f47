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

    it('gives search rows written before they held their category theirs, once, at start-up', async () => {
      // As a row written before: its words' terms only.
      const { complaint_id: id } = await t.app.db
        .selectFrom('complaint_search')
        .select('complaint_id')
        .executeTakeFirstOrThrow();
      if (dialect === 'postgres')
        await sql`update complaint_search set terms = array_to_tsvector(array['榴莲'])`.execute(t.app.db);
      else {
        await sql`delete from complaint_search_fts where rowid = ${id}`.execute(t.app.db);
        await sql`insert into complaint_search_fts (rowid, terms) values (${id}, '榴莲')`.execute(t.app.db);
      }
      await t.app.db.deleteFrom('settings').where('key', '=', 'search_category_terms').execute();
      expect(await backfillSearchIndex(t.app)).toBe(1);
      expect(await backfillSearchIndex(t.app)).toBe(0);
      const inBranch = async (code: string) =>
        (
          await manager.ok(
            'GET',
            `/api/v1/complaints?q=${encodeURIComponent('榴莲')}&categoryId=${t.org.categoryIds.get(code)}`,
          )
        ).items.length as number;
      expect(await inBranch('delay')).toBe(1);
      expect(await inBranch('damage')).toBe(0);
    });
  });

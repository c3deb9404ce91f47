import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { indexComplaint } from './search-index.js';

const BATCH = 500;
const BUILT_MARKER = 'search_index_built';

/** Index `ids`, one transaction for the batch. */
async function indexBatch(app: AppContext, ids: number[]): Promise<void> {
  await app.db.transaction().execute(async (tx) => {
    for (const id of ids) await indexComplaint(tx, id);
  });
}

/**
 * Complaints written before search existed have no search document: index them, a batch per
 * transaction. Every later change indexes itself, so a marker spares later starts the scan (the
 * migration sets it at once when there were no complaints yet).
 */
export async function backfillSearchIndex(app: AppContext): Promise<number> {
  const done = await app.db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', BUILT_MARKER)
    .executeTakeFirst();
  if (done) return 0;
  let indexed = 0;
  let after = 0;
  for (;;) {
    const rows = await app.db
      .selectFrom('complaints')
      .select('id')
      .where('id', '>', after)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('complaint_search')
              .select(sql.lit(1).as('one'))
              .whereRef('complaint_search.complaint_id', '=', 'complaints.id'),
          ),
        ),
      )
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) break;
    await indexBatch(
      app,
      rows.map((r) => r.id),
    );
    indexed += rows.length;
    after = last.id;
  }
  await app.db
    .insertInto('settings')
    .values({ key: BUILT_MARKER, value: 'true', updated_at: app.clock.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return indexed;
}

/** Rebuild every complaint's search document (`kesu search reindex`), in batches; returns how many. */
export async function reindexAll(app: AppContext, onBatch?: (indexed: number) => void): Promise<number> {
  let indexed = 0;
  let after = 0;
  for (;;) {
    const rows = await app.db
      .selectFrom('complaints')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) break;
    await indexBatch(
      app,
      rows.map((r) => r.id),
    );
    indexed += rows.length;
    after = last.id;
    onBatch?.(indexed);
  }
  return indexed;
}

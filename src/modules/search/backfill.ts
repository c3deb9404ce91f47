import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { indexComplaint, writeSearchRow } from './search-index.js';

const BATCH = 500;
const BUILT_MARKER = 'search_index_built';
/** Every search row holds its category's terms (migration 2026-12-03-search-terms). */
const CATEGORY_TERMS_MARKER = 'search_category_terms';

const hasSetting = async (app: Pick<AppContext, 'db'>, key: string) =>
  (await app.db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;

const setSetting = (app: AppContext, key: string) =>
  app.db
    .insertInto('settings')
    .values({ key, value: 'true', updated_at: app.clock.now() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();

/**
 * Keyset batches: `read` the rows after the last id of the batch before, `write` each batch, until
 * none is left. Returns how many rows were written.
 */
async function inBatches<R>(
  read: (after: number) => Promise<R[]>,
  idOf: (row: R) => number,
  write: (rows: R[], written: number) => Promise<void>,
): Promise<number> {
  let written = 0;
  let after = 0;
  for (;;) {
    const rows = await read(after);
    const last = rows.at(-1);
    if (last === undefined) return written;
    written += rows.length;
    await write(rows, written);
    after = idOf(last);
  }
}

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
  if (await hasSetting(app, BUILT_MARKER)) return addCategoryTerms(app);
  const indexed = await inBatches(
    (after) =>
      app.db
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
        .execute(),
    (r) => r.id,
    (rows) =>
      indexBatch(
        app,
        rows.map((r) => r.id),
      ),
  );
  await setSetting(app, BUILT_MARKER);
  return indexed + (await addCategoryTerms(app));
}

/**
 * Search rows written before they held their category's terms get them: each row's terms are made
 * again from its stored document (no replies or messages read), a batch per transaction — about a
 * minute or a few per million complaints, once. Returns how many rows were rewritten.
 */
async function addCategoryTerms(app: AppContext): Promise<number> {
  if (await hasSetting(app, CATEGORY_TERMS_MARKER)) return 0;
  const rewritten = await inBatches(
    (after) =>
      app.db
        .selectFrom('complaint_search as s')
        .innerJoin('complaints as c', 'c.id', 's.complaint_id')
        .select(['s.complaint_id', 's.body', 's.updated_at', 'c.category_id'])
        .where('s.complaint_id', '>', after)
        .orderBy('s.complaint_id')
        .limit(BATCH)
        .execute(),
    (r) => r.complaint_id,
    (rows) =>
      app.db.transaction().execute(async (tx) => {
        for (const r of rows)
          await writeSearchRow(tx, r.complaint_id, {
            body: r.body,
            categoryId: r.category_id,
            updatedAt: r.updated_at,
          });
      }),
  );
  await setSetting(app, CATEGORY_TERMS_MARKER);
  return rewritten;
}

/** The search rows hold their category's terms (once true, it stays so: remembered per database). */
const withCategoryTerms = new WeakSet<object>();
export async function indexHoldsCategories(db: AppContext['db']): Promise<boolean> {
  if (withCategoryTerms.has(db)) return true;
  const holds = await hasSetting({ db }, CATEGORY_TERMS_MARKER);
  if (holds) withCategoryTerms.add(db);
  return holds;
}

/** Rebuild every complaint's search document (`kesu search reindex`), in batches; returns how many. */
export async function reindexAll(app: AppContext, onBatch?: (indexed: number) => void): Promise<number> {
  return inBatches(
    (after) =>
      app.db
        .selectFrom('complaints')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute(),
    (r) => r.id,
    async (rows, indexed) => {
      await indexBatch(
        app,
        rows.map((r) => r.id),
      );
      onBatch?.(indexed);
    },
  );
}

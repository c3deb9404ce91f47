import type { Db, Tx } from '../../db/database.js';
import { referenceCache } from '../../db/reference-cache.js';
import type { Category } from '../../db/schema.js';

/** Every category by id (active or not), as registration, classification and the clocks read them. */
export const categoryCache = referenceCache(async (db, _all: 'all') => {
  const rows = await db.selectFrom('categories').selectAll().execute();
  return new Map<number, Readonly<Category>>(rows.map((r) => [r.id, r]));
});

export const categoriesById = (db: Db | Tx) => categoryCache.get(db, 'all');

/** One category (active or not), or undefined when there is none with that id. */
export const categoryById = async (db: Db | Tx, id: number) => (await categoriesById(db)).get(id);

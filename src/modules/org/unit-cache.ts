import type { Db, Tx } from '../../db/database.js';
import { referenceCache } from '../../db/reference-cache.js';

/** Every unit's path and whether it is active, as registration and dispatch check them. */
export const unitCache = referenceCache(
  async (db, _all: 'all') =>
    new Map((await db.selectFrom('units').select(['id', 'path', 'active']).execute()).map((u) => [u.id, u])),
);

export const unitById = async (db: Db | Tx, id: number) => (await unitCache.get(db, 'all')).get(id);

import type { Db, Tx } from '../../db/database.js';
import { referenceCache } from '../../db/reference-cache.js';

/** Every unit's path, whether it is active and its names: registration and dispatch check them, the complaint page names them. */
export const unitCache = referenceCache(
  async (db, _all: 'all') =>
    new Map(
      (await db.selectFrom('units').select(['id', 'path', 'active', 'name', 'name_en']).execute()).map(
        (u) => [u.id, u],
      ),
    ),
);

export const unitsById = (db: Db | Tx) => unitCache.get(db, 'all');

export const unitById = async (db: Db | Tx, id: number) => (await unitsById(db)).get(id);

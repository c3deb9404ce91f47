import type { Db, Tx } from './database.js';

/**
 * Reference data that every registration reads and an admin rarely changes (settings, categories,
 * units, rules, SLA policies, API tokens), kept per database and key for a short while.
 *
 * The module that changes the data calls `invalidate` once its transaction has ended (committed or
 * not), so this process sees the change at once; another process (a separate `kesu worker`, the CLI)
 * sees it within `ttlMs`. A failed load is not kept.
 */
export interface ReferenceCache<K, V> {
  get(db: Db | Tx, key: K): Promise<V>;
  invalidate(db: Db | Tx): void;
}

export const REFERENCE_TTL_MS = 2000;
/** Keys per database before the cache starts afresh (keys can come from requests: API token hashes). */
const MAX_KEYS = 1000;

/** The database behind a handle or any of its transactions (Kysely shares one adapter between them). */
const databaseOf = (db: Db | Tx): object => db.getExecutor().adapter;

export function referenceCache<K, V>(
  load: (db: Db | Tx, key: K) => Promise<V>,
  ttlMs = REFERENCE_TTL_MS,
): ReferenceCache<K, V> {
  const byDatabase = new WeakMap<object, Map<K, { value: Promise<V>; until: number }>>();
  return {
    get(db, key) {
      const database = databaseOf(db);
      let entries = byDatabase.get(database);
      if (!entries) {
        entries = new Map();
        byDatabase.set(database, entries);
      }
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.value;
      if (!hit && entries.size >= MAX_KEYS) entries.clear();
      const value = load(db, key);
      const entry = { value, until: now + ttlMs };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    invalidate(db) {
      byDatabase.delete(databaseOf(db));
    },
  };
}

/** Run a change and then drop the caches it makes stale, whether it committed or not. */
export async function invalidating<T>(
  db: Db | Tx,
  caches: Array<ReferenceCache<never, unknown>>,
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change();
  } finally {
    for (const cache of caches) cache.invalidate(db);
  }
}

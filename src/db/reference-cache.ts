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

interface Entry<V> {
  value: Promise<V>;
  until: number;
  /** Set once the load succeeded: an expired entry is served from it while it refreshes. */
  loaded?: { value: V };
  refreshing?: boolean;
}

export function referenceCache<K, V>(
  load: (db: Db | Tx, key: K) => Promise<V>,
  ttlMs = REFERENCE_TTL_MS,
): ReferenceCache<K, V> {
  const byDatabase = new WeakMap<object, Map<K, Entry<V>>>();
  const start = (entries: Map<K, Entry<V>>, db: Db | Tx, key: K): Entry<V> => {
    const entry: Entry<V> = { value: load(db, key), until: Date.now() + ttlMs };
    entries.set(key, entry);
    entry.value.then(
      (value) => {
        entry.loaded = { value };
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  };
  return {
    get(db, key) {
      const database = databaseOf(db);
      let entries = byDatabase.get(database);
      if (!entries) {
        entries = new Map();
        byDatabase.set(database, entries);
      }
      const hit = entries.get(key);
      if (hit && hit.until > Date.now()) return hit.value;
      // Expired: outside a transaction the request goes on with the old value and one refresh runs
      // behind it (a request must not wait for a pool connection to re-read what it just had; a
      // failed refresh keeps the old value). Inside one, its own connection reads it now.
      if (hit?.loaded && !db.isTransaction) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          load(db, key).then(
            (value) => {
              if (entries.get(key) === hit)
                entries.set(key, {
                  value: Promise.resolve(value),
                  until: Date.now() + ttlMs,
                  loaded: { value },
                });
            },
            () => {
              hit.refreshing = false;
            },
          );
        }
        return Promise.resolve(hit.loaded.value);
      }
      if (!hit && entries.size >= MAX_KEYS) entries.clear();
      return start(entries, db, key).value;
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

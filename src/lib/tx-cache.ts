/**
 * Lookups memoised for the length of one transaction (a sweep batch): settings, SLA policies,
 * categories, people, templates, and the heads of the event streams it appends to. Only for rows the
 * transaction itself does not change, except the heads, which appendEvent writes through.
 */
export class TxCache {
  private readonly values = new Map<string, Promise<unknown>>();

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      this.values.set(key, value);
    }
    return value;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  set<T>(key: string, value: T): void {
    this.values.set(key, Promise.resolve(value));
  }
}

/** `cache.get` when there is a cache, else just the load. */
export const cachedOr = <T>(cache: TxCache | undefined, key: string, load: () => Promise<T>): Promise<T> =>
  cache ? cache.get(key, load) : load();

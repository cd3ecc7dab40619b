import type { Db } from './connection';

const caches = new WeakMap<Db, Map<unknown, unknown>>();

/** One repository instance per connection, so statements are prepared once. */
export function memoFor<T>(db: Db, factory: (db: Db) => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  if (!cache.has(factory)) cache.set(factory, factory(db));
  return cache.get(factory) as T;
}

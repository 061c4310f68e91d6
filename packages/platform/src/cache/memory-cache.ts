import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.js';

/** An in-process LRU; entries are stored as JSON strings so callers never share a mutable object. */
export function createMemoryCache(maxEntries = 5000): Cache {
  const lru = new LRUCache<string, string>({ max: maxEntries });
  return {
    async get<T>(key: string) {
      const raw = lru.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    async getRaw(key) {
      return lru.get(key);
    },
    async set(key, value, ttlMs) {
      lru.set(key, JSON.stringify(value), { ttl: ttlMs });
    },
    async deletePrefix(prefix) {
      for (const key of [...lru.keys()]) if (key.startsWith(prefix)) lru.delete(key);
    },
    async close() {
      lru.clear();
    },
  };
}

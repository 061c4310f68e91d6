import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { REQUEST_PATH_REDIS_OPTIONS } from '../redis-request-options.js';
import { LRUCache } from 'lru-cache';
import type { PubSub } from '../pubsub/pubsub.js';
import type { Cache } from './cache.js';

/** Every process listens here and drops the prefix from its L1 (and the sender has already cleared L2). */
export const CACHE_INVALIDATE_CHANNEL = 'cache:invalidate';

export interface RedisCacheOptions {
  redisUrl: string;
  /** Key prefix in Redis (the platform's, e.g. `logicode:`); cache keys live under `<prefix>cache:`. */
  prefix: string;
  /** Carries invalidations to every process (the platform's Redis pub/sub). */
  pubsub: PubSub;
  l1MaxEntries?: number;
  /** An L1 entry filled from L2 lives at most this long (a missed broadcast heals within it). */
  l1MaxTtlMs?: number;
}

export interface RedisCache extends Cache {
  /** A PING round trip (for /readyz). */
  ping(): Promise<void>;
}

interface InvalidateMessage {
  prefix: string;
  origin: string;
}

/** Redis glob characters in a prefix are matched literally. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/**
 * Two tiers: an in-process LRU (L1, no round trip) over Redis (L2, shared by every process). deletePrefix clears
 * L2 with SCAN + UNLINK and broadcasts the prefix so every process drops its L1 copies within a pub/sub hop.
 */
export function createRedisCache(options: RedisCacheOptions): RedisCache {
  const redis = new Redis(options.redisUrl, REQUEST_PATH_REDIS_OPTIONS);
  redis.on('error', () => undefined); // surfaced on the commands (a fast 503), not printed by ioredis
  const l1 = new LRUCache<string, string>({ max: options.l1MaxEntries ?? 5000 });
  const l1MaxTtlMs = options.l1MaxTtlMs ?? 5000;
  const origin = randomUUID();
  const base = `${options.prefix}cache:`;
  // Bumped on every invalidation: an L2 read that started before one must not refill L1 with what it read.
  let epoch = 0;
  const dropLocal = (prefix: string) => {
    epoch += 1;
    for (const key of [...l1.keys()]) if (key.startsWith(prefix)) l1.delete(key);
  };
  // Should the subscription fail, L1 entries still expire within l1MaxTtlMs.
  let unsubscribe: (() => Promise<void>) | null = null;
  void options.pubsub
    .subscribe(CACHE_INVALIDATE_CHANNEL, (message) => {
      const { prefix, origin: from } = message as InvalidateMessage;
      if (typeof prefix === 'string' && from !== origin) dropLocal(prefix);
    })
    .then((stop) => {
      unsubscribe = stop;
    }, () => undefined);

  async function deleteL2(prefix: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${globEscape(base + prefix)}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  }

  async function getRaw(key: string): Promise<string | undefined> {
    const local = l1.get(key);
    if (local !== undefined) return local;
    const startedAt = epoch;
    const [[, raw], [, ttlMs]] = (await redis.multi().get(base + key).pttl(base + key).exec()) as [[unknown, string | null], [unknown, number]];
    if (raw === null) return undefined;
    if (startedAt === epoch) l1.set(key, raw, { ttl: Math.max(1, Math.min(l1MaxTtlMs, ttlMs > 0 ? ttlMs : l1MaxTtlMs)) });
    return raw;
  }

  return {
    async get<T>(key: string) {
      const raw = await getRaw(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    getRaw,
    async set(key, value, ttlMs) {
      const raw = JSON.stringify(value);
      l1.set(key, raw, { ttl: Math.min(ttlMs, l1MaxTtlMs) });
      await redis.set(base + key, raw, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async deletePrefix(prefix) {
      dropLocal(prefix);
      await deleteL2(prefix);
      await options.pubsub.publish(CACHE_INVALIDATE_CHANNEL, { prefix, origin } satisfies InvalidateMessage);
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      // A subscription still pending (Redis unreachable) is not waited for: the pub/sub closes it.
      await unsubscribe?.();
      l1.clear();
      // quit() waits for a connection that may never come; a client that is not connected just disconnects.
      if (redis.status === 'ready') await redis.quit();
      else redis.disconnect();
    },
  };
}

import type { Cache } from './cache/cache.js';
import { createMemoryCache } from './cache/memory-cache.js';
import { createRedisCache } from './cache/redis-cache.js';
import { systemClock, type Clock } from './clock.js';
import { createMemoryPubSub } from './pubsub/memory-pubsub.js';
import type { PubSub } from './pubsub/pubsub.js';
import { createRedisPubSub } from './pubsub/redis-pubsub.js';
import { createBullQueue } from './queue/bullmq-queue.js';
import type { JobQueue, QueueLog } from './queue/job-queue.js';
import { createMemoryQueue } from './queue/memory-queue.js';
import { createMemoryRanking } from './ranking/memory-ranking.js';
import type { Ranking } from './ranking/ranking.js';
import { createRedisRanking } from './ranking/redis-ranking.js';
import { createMemoryRateLimiter } from './rate-limit/memory-rate-limiter.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { createRedisRateLimiter } from './rate-limit/redis-rate-limiter.js';
import { readRedisPersistence, REDIS_NOT_DURABLE_MESSAGE, type RedisPersistencePolicy } from './redis-durability.js';
import type { EventStream } from './stream/event-stream.js';
import { createMemoryStream } from './stream/memory-stream.js';
import { createRedisStream } from './stream/redis-stream.js';

export interface PlatformOptions {
  /** Unset: embedded mode, everything in this process. Set: scaled mode on Redis. */
  redisUrl: string | null;
  /** Key prefix in Redis. */
  prefix: string;
  /** BullMQ lock duration: how soon a dead worker's job is taken by another (default 30 s). */
  queueLockMs?: number;
  log?: QueueLog;
  /** What checkDurability does when Redis does not persist (REDIS_PERSISTENCE_CHECK); default off. */
  redisPersistence?: RedisPersistencePolicy;
}

/** The adapters of one process. The two modes differ only in which adapter each interface gets. */
export interface Platform {
  mode: 'embedded' | 'scaled';
  clock: Clock;
  cache: Cache;
  pubsub: PubSub;
  rateLimiter: RateLimiter;
  /** One queue per name per process (the api adds, the worker consumes: in embedded mode the same object). */
  queue<T>(name: string): JobQueue<T>;
  /** One event stream per name per process, read by the consumer group `workers` (Redis key <prefix>stream:<name>). */
  stream<T>(name: string): EventStream<T>;
  /** One ranked set per name per process: in memory (embedded) or a Redis sorted set every process shares. */
  ranking<T>(name: string, maxAgeMs: number): Ranking<T>;
  /** Redis reachable (scaled mode; embedded mode has nothing to ping), and durable under `warn`. For /readyz. */
  ping(): Promise<void>;
  /**
   * Scaled mode: checks Redis persistence once by `redisPersistence` (refuse: throws; warn/log: logs loudly).
   * createRuntime calls it before serving.
   */
  checkDurability(): Promise<void>;
  close(): Promise<void>;
}

export function createPlatform(options: PlatformOptions): Platform {
  const queues = new Map<string, JobQueue<unknown>>();
  const streams = new Map<string, EventStream<unknown>>();
  const rankings = new Map<string, Ranking<unknown>>();
  const redisUrl = options.redisUrl;
  const pubsub = redisUrl ? createRedisPubSub(redisUrl, options.prefix) : createMemoryPubSub();
  const rateLimiter = redisUrl ? createRedisRateLimiter(redisUrl, options.prefix) : createMemoryRateLimiter(systemClock);
  // Scaled mode: L1 in-process LRU over L2 Redis, invalidations broadcast to every process.
  const redisCache = redisUrl ? createRedisCache({ redisUrl, prefix: options.prefix, pubsub }) : null;
  const cache: Cache = redisCache ?? createMemoryCache();
  // Read once (checkDurability or the first readiness probe); a Redis switched to AOF later needs a restart to count.
  let persistence: Promise<{ durable: boolean }> | null = null;
  const durability = async (): Promise<boolean> => {
    persistence ??= redisUrl ? readRedisPersistence(redisUrl) : Promise.resolve({ durable: true });
    return (await persistence).durable;
  };
  return {
    mode: redisUrl ? 'scaled' : 'embedded',
    clock: systemClock,
    cache,
    pubsub,
    rateLimiter,
    queue<T>(name: string): JobQueue<T> {
      let queue = queues.get(name);
      if (!queue) {
        queue = redisUrl
          ? createBullQueue<unknown>(name, { redisUrl, prefix: `${options.prefix}bull`, lockMs: options.queueLockMs, log: options.log })
          : createMemoryQueue<unknown>(name, { log: options.log });
        queues.set(name, queue);
      }
      return queue as JobQueue<T>;
    },
    stream<T>(name: string): EventStream<T> {
      let stream = streams.get(name);
      if (!stream) {
        stream = redisUrl
          ? createRedisStream<unknown>({ redisUrl, key: `${options.prefix}stream:${name}`, group: 'workers' })
          : createMemoryStream<unknown>();
        streams.set(name, stream);
      }
      return stream as EventStream<T>;
    },
    ranking<T>(name: string, maxAgeMs: number): Ranking<T> {
      let ranking = rankings.get(name);
      if (!ranking) {
        ranking = redisUrl
          ? createRedisRanking<unknown>({ redisUrl, prefix: options.prefix, name, maxAgeMs })
          : createMemoryRanking<unknown>({ clock: systemClock, maxAgeMs });
        rankings.set(name, ranking);
      }
      return ranking as Ranking<T>;
    },
    async ping() {
      await redisCache?.ping();
      if (redisUrl && options.redisPersistence === 'warn' && !(await durability())) throw new Error(REDIS_NOT_DURABLE_MESSAGE);
    },
    async checkDurability() {
      const policy = options.redisPersistence ?? 'off';
      if (!redisUrl || policy === 'off') return;
      const found = await readRedisPersistence(redisUrl);
      persistence = Promise.resolve(found);
      if (found.durable) return;
      if (policy === 'refuse') throw new Error(`${REDIS_NOT_DURABLE_MESSAGE} Found: ${found.detail}.`);
      options.log?.('error', `REDIS IS NOT DURABLE: ${REDIS_NOT_DURABLE_MESSAGE}`, { found: found.detail, policy });
    },
    async close() {
      for (const queue of queues.values()) await queue.close();
      for (const stream of streams.values()) await stream.close();
      for (const ranking of rankings.values()) await ranking.close();
      // The cache first: it unsubscribes through the pub/sub it shares.
      await cache.close();
      await Promise.all([pubsub.close(), rateLimiter.close()]);
    },
  };
}

import { Redis } from 'ioredis';
import { REQUEST_PATH_REDIS_OPTIONS } from '../redis-request-options.js';
import type { RateLimiter } from './rate-limiter.js';

// INCRBY and set the window's expiry on the first hit, atomically.
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('PTTL', KEYS[1]) }
`;

export function createRedisRateLimiter(redisUrl: string, prefix: string): RateLimiter {
  const redis = new Redis(redisUrl, REQUEST_PATH_REDIS_OPTIONS);
  // Connection errors surface on the commands (a fast 503); without a listener ioredis prints each one.
  redis.on('error', () => undefined);
  return {
    async hit(key, limit, windowMs, cost = 1) {
      const [count, ttlMs] = (await redis.eval(HIT_SCRIPT, 1, `${prefix}rl:${key}`, String(windowMs), String(cost))) as [number, number];
      return { allowed: count <= limit, remaining: Math.max(0, limit - count), count, resetAtMs: Date.now() + Math.max(0, ttlMs) };
    },
    async peek(key) {
      const [[, count], [, ttlMs]] = (await redis.multi().get(`${prefix}rl:${key}`).pttl(`${prefix}rl:${key}`).exec()) as [[null, string | null], [null, number]];
      if (count === null || ttlMs <= 0) return null;
      return { count: Number(count), resetAtMs: Date.now() + ttlMs };
    },
    async reset(key) {
      await redis.del(`${prefix}rl:${key}`);
    },
    async close() {
      await redis.quit();
    },
  };
}

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createPlatform, type Platform } from '../../src/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Polls until the check passes; returns how long it took. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

describe('scaled cache: L1 + L2 Redis with broadcast invalidation', () => {
  const prefix = `test-cache-${randomBytes(4).toString('hex')}:`;
  let a: Platform;
  let b: Platform;
  let redis: Redis;
  before(async () => {
    a = createPlatform({ redisUrl: REDIS_URL, prefix });
    b = createPlatform({ redisUrl: REDIS_URL, prefix });
    redis = new Redis(REDIS_URL);
    // Both subscribed before the test starts (subscription is asynchronous).
    await Promise.all([a.ping(), b.ping()]);
    await new Promise((r) => setTimeout(r, 200));
  });
  after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await Promise.all([a.close(), b.close()]);
  });

  it('shares a value through L2 and keeps it in L1 after the first read', async () => {
    await a.cache.set('problems:list:1', { items: [1, 2] }, 30_000);
    assert.deepEqual(await b.cache.get('problems:list:1'), { items: [1, 2] });
    assert.equal(await redis.exists(`${prefix}cache:problems:list:1`), 1);
    // Gone from Redis behind the cache's back: b still answers from its L1 (no round trip).
    await redis.del(`${prefix}cache:problems:list:1`);
    assert.deepEqual(await b.cache.get('problems:list:1'), { items: [1, 2] });
  });

  it('a change through one process is fresh on the other within 1 s', async () => {
    await a.cache.set('problems:detail:7', { title: 'old' }, 30_000);
    await a.cache.set('leaderboard:all', { top: 1 }, 30_000);
    assert.deepEqual(await b.cache.get('problems:detail:7'), { title: 'old' }, 'b now holds it in L1');
    await a.cache.deletePrefix('problems:');
    const tookMs = await within(1000, async () => (await b.cache.get('problems:detail:7')) === undefined);
    assert.ok(tookMs < 1000);
    assert.equal(await a.cache.get('problems:detail:7'), undefined);
    assert.equal(await redis.exists(`${prefix}cache:problems:detail:7`), 0);
    assert.deepEqual(await b.cache.get('leaderboard:all'), { top: 1 }, 'other prefixes stay');
    await b.cache.set('problems:detail:7', { title: 'new' }, 30_000);
    assert.deepEqual(await a.cache.get('problems:detail:7'), { title: 'new' });
  });

  it('treats glob characters in a prefix literally', async () => {
    await a.cache.set('x*y:1', 1, 30_000);
    await a.cache.set('xzy:1', 2, 30_000);
    await a.cache.deletePrefix('x*');
    assert.equal(await b.cache.get('x*y:1'), undefined);
    assert.equal(await b.cache.get('xzy:1'), 2);
  });

  it('expires entries after their TTL in both tiers', async () => {
    await a.cache.set('short', 'v', 150);
    assert.equal(await b.cache.get('short'), 'v');
    await new Promise((r) => setTimeout(r, 250));
    assert.equal(await a.cache.get('short'), undefined);
    assert.equal(await b.cache.get('short'), undefined);
  });
});

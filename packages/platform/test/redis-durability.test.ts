// Scaled mode's durability (issue 15, item 7), against redis-servers of the test's own: the persistence check at
// start (refuse / warn = not ready / log), a queued submission whose job Redis lost is found (isPending false) and a
// request-path command fails fast (not after ~40 s of retries) and is recognised as "Redis unavailable".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPlatform, createRedisRateLimiter, isRedisUnavailable, readRedisPersistence, type Platform } from '../src/index.js';
import { startOwnRedis, type OwnRedis } from './support/own-redis.js';

describe('Redis durability', () => {
  let volatile: OwnRedis;
  let durable: OwnRedis;
  before(async () => {
    volatile = await startOwnRedis({ aof: false });
    durable = await startOwnRedis({ aof: true });
  });
  after(async () => {
    await volatile.close();
    await durable.close();
  });

  const platformOn = (url: string, redisPersistence: 'refuse' | 'warn' | 'log' | 'off', logged: string[] = []): Platform =>
    createPlatform({ redisUrl: url, prefix: 'dur:', redisPersistence, log: (_level, message) => logged.push(message) });

  it('reads the persistence settings', async () => {
    assert.equal((await readRedisPersistence(volatile.url)).durable, false);
    assert.match((await readRedisPersistence(volatile.url)).detail, /appendonly no/);
    assert.equal((await readRedisPersistence(durable.url)).durable, true);
  });

  it('refuse: a Redis without AOF stops the start; with AOF it starts', async () => {
    const refused = platformOn(volatile.url, 'refuse');
    await assert.rejects(refused.checkDurability(), /appendonly yes/);
    await refused.close();
    const ok = platformOn(durable.url, 'refuse');
    await ok.checkDurability();
    await ok.ping();
    await ok.close();
  });

  it('warn: starts, logs loudly, and readiness (ping) fails until Redis persists', async () => {
    const logged: string[] = [];
    const warned = platformOn(volatile.url, 'warn', logged);
    await warned.checkDurability();
    assert.ok(logged.some((m) => /REDIS IS NOT DURABLE/.test(m)), logged.join('\n'));
    await assert.rejects(warned.ping(), /appendonly yes/);
    await warned.close();
    const logOnly = platformOn(volatile.url, 'log', logged);
    await logOnly.checkDurability();
    await logOnly.ping();
    await logOnly.close();
  });

  it('a job Redis lost is no longer pending; a waiting one is', async () => {
    const platform = platformOn(durable.url, 'off');
    const queue = platform.queue<{ n: number }>(`lost-${Date.now()}`);
    await queue.add({ n: 1 }, { jobId: 'sub-1' });
    assert.equal(await queue.isPending('sub-1'), true);
    assert.equal(await queue.isPending('sub-2'), false);
    await platform.close();
  });

  it('while Redis is down, a rate-limit hit fails within seconds and is recognised as unavailable', async () => {
    const limiter = createRedisRateLimiter(volatile.url, 'down:');
    await limiter.hit('k', 10, 60_000);
    await volatile.stop();
    try {
      const started = Date.now();
      const error = await limiter.hit('k', 10, 60_000).then(() => null, (e: unknown) => e);
      const tookMs = Date.now() - started;
      assert.ok(error, 'the hit failed');
      assert.ok(isRedisUnavailable(error), String(error));
      // Before: ~20 reconnects, up to 40 s. The bound is loose on purpose (a shared 2-core machine).
      assert.ok(tookMs < 10_000, `took ${tookMs} ms`);
    } finally {
      await volatile.start();
      await limiter.close();
    }
  });
});

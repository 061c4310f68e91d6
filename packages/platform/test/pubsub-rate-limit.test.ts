import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  createMemoryPubSub, createMemoryRateLimiter, createRedisPubSub, createRedisRateLimiter, systemClock,
} from '../src/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = () => `lct-${randomBytes(4).toString('hex')}:`;

describe('pubsub', () => {
  for (const [name, make] of [['memory', () => createMemoryPubSub()], ['redis', () => createRedisPubSub(REDIS_URL, prefix())]] as const) {
    it(`[${name}] delivers to subscribers until they unsubscribe`, async () => {
      const pubsub = make();
      const got: unknown[] = [];
      const unsubscribe = await pubsub.subscribe('ch', (m) => got.push(m));
      await pubsub.publish('ch', { a: 1 });
      await pubsub.publish('other', { b: 2 });
      await new Promise((r) => setTimeout(r, 100));
      await unsubscribe();
      await pubsub.publish('ch', { a: 2 });
      await new Promise((r) => setTimeout(r, 100));
      await pubsub.close();
      assert.deepEqual(got, [{ a: 1 }]);
    });
  }

  it('[redis] reaches a subscriber on another connection (another process)', async () => {
    const p = prefix();
    const a = createRedisPubSub(REDIS_URL, p);
    const b = createRedisPubSub(REDIS_URL, p);
    let deliver!: (message: unknown) => void;
    const received = new Promise((resolve) => (deliver = resolve));
    // subscribe() resolves once Redis acknowledged the SUBSCRIBE: a fixed pause instead lost the message (and hung
    // the test) whenever a loaded machine took longer than the pause to connect.
    await b.subscribe('x', (message) => deliver(message));
    await a.publish('x', { hello: 'world' });
    assert.deepEqual(await received, { hello: 'world' });
    await a.close();
    await b.close();
  });
});

describe('rate limiter', () => {
  for (const [name, make] of [['memory', () => createMemoryRateLimiter(systemClock)], ['redis', () => createRedisRateLimiter(REDIS_URL, prefix())]] as const) {
    it(`[${name}] allows the limit, refuses beyond it, and resets`, async () => {
      const limiter = make();
      const results = [];
      for (let i = 0; i < 4; i += 1) results.push(await limiter.hit('k', 3, 60_000));
      assert.deepEqual(results.map((r) => r.allowed), [true, true, true, false]);
      assert.equal(results[3]!.remaining, 0);
      await limiter.reset('k');
      assert.equal((await limiter.hit('k', 3, 60_000)).allowed, true);
      await limiter.close();
    });
  }
});

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createBullQueue, createMemoryQueue, type JobQueue } from '../src/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const adapters: Record<string, (name: string) => JobQueue<{ n: number }>> = {
  memory: (name) => createMemoryQueue(name, { attempts: 3 }),
  bullmq: (name) => createBullQueue(name, { redisUrl: REDIS_URL, prefix: `lct-${randomBytes(4).toString('hex')}`, attempts: 3 }),
};

for (const [adapter, make] of Object.entries(adapters)) {
  describe(`job queue [${adapter}]`, () => {
    it('delivers every job once and respects concurrency', async () => {
      const queue = make('deliver');
      const seen: number[] = [];
      let running = 0;
      let maxRunning = 0;
      const done = new Promise<void>((resolve) => {
        queue.process(async ({ n }) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((r) => setTimeout(r, 20));
          seen.push(n);
          running -= 1;
          if (seen.length === 10) resolve();
        }, { concurrency: 2 });
      });
      for (let n = 0; n < 10; n += 1) await queue.add({ n });
      await done;
      await queue.close();
      assert.deepEqual([...seen].sort((a, b) => a - b), [...Array(10).keys()]);
      assert.ok(maxRunning <= 2, `at most 2 at once, saw ${maxRunning}`);
    });

    it('retries a job whose handler throws', async () => {
      const queue = make('retry');
      let calls = 0;
      const done = new Promise<void>((resolve) => {
        queue.process(async () => {
          calls += 1;
          if (calls < 3) throw new Error('transient');
          resolve();
        }, { concurrency: 1 });
      });
      await queue.add({ n: 1 });
      await done;
      await queue.close();
      assert.equal(calls, 3);
    });
  });
}

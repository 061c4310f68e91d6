// The api's side of problem validation over real Redis (BullMQ queue + pub/sub): a worker that answers at once
// must still be heard, and no worker at all is a clear 503, not a hang.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import type { ProblemUpsertBody } from '@logicode/contracts';
import { createPlatform } from '@logicode/platform';
import { createRemoteProblemValidator, VALIDATE_QUEUE, validationReplyChannel, type ValidateQueueMessage } from '../src/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const problem = { problem: { slug: 'x' }, languages: [], tests: [], solutions: [] } as unknown as ProblemUpsertBody;

describe('remote problem validation over Redis', () => {
  const platforms: ReturnType<typeof createPlatform>[] = [];
  after(async () => {
    for (const platform of platforms) await platform.close();
  });
  const platformOf = (prefix: string) => {
    const platform = createPlatform({ redisUrl: REDIS_URL, prefix });
    platforms.push(platform);
    return platform;
  };

  it('hears a worker that answers immediately, on another connection', async () => {
    const prefix = `lct-${randomBytes(4).toString('hex')}:`;
    const api = platformOf(prefix);
    const worker = platformOf(prefix);
    worker.queue<ValidateQueueMessage>(VALIDATE_QUEUE).process(async ({ requestId, problem: received }) => {
      assert.equal(received.problem.slug, 'x');
      await worker.pubsub.publish(validationReplyChannel(requestId), {
        failures: [{ language: 'python', testNumber: 2, verdict: 'WA', message: 'wrong' }],
      });
    }, { concurrency: 1 });
    const validate = createRemoteProblemValidator({ queue: api.queue(VALIDATE_QUEUE), pubsub: api.pubsub, timeoutMs: 10_000 });
    for (let i = 0; i < 5; i += 1) {
      const failures = await validate(problem);
      assert.deepEqual(failures.map((f) => [f.language, f.testNumber]), [['python', 2]]);
    }
  });

  it('answers UNAVAILABLE when no worker replies in time', async () => {
    const api = platformOf(`lct-${randomBytes(4).toString('hex')}:`);
    const validate = createRemoteProblemValidator({ queue: api.queue(VALIDATE_QUEUE), pubsub: api.pubsub, timeoutMs: 500 });
    await assert.rejects(validate(problem), (error: { code?: string }) => error.code === 'UNAVAILABLE');
  });
});

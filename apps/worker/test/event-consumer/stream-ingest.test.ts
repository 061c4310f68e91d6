// Scaled mode end to end on the machine's MariaDB and Redis: the api side appends to the Redis stream, the
// consumer stores batches idempotently and acknowledges after the commit, a dead consumer's entries are
// claimed, and flags reach the teacher feed channel.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createRuntime, PROCTOR_EVENTS_STREAM, SOCKET_EMIT_CHANNEL, type Actor, type IngestMessage, type Runtime, type SocketEmitMessage } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { startEventConsumer } from '../../src/event-consumer/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('proctor events through the Redis stream into MariaDB', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let actor: Actor;
  let problemId: number;
  let attemptId: number;
  const redisPrefix = `lct-ingest-${randomBytes(4).toString('hex')}:`;

  before(async () => {
    database = await createTestDatabase('mysql');
    runtime = await createRuntime({
      db: database.config, handle: database.handle, redisUrl: REDIS_URL, redisPrefix,
      core: { jwtSecret: 'x'.repeat(40), accessTokenTtlSec: 900, refreshTokenTtlSec: 3600, login: { perAccountLimit: 10, perAddressLimit: 50, windowMs: 60_000 }, maxQueuedPerUser: 5 },
      migrate: false, validateProblems: false, log: () => undefined,
    });
    const { db } = runtime.db;
    const now = Date.now();
    const user = await db.insertInto('users').values({ name: 'Stream Student', email: 'ss@test.io', passwordHash: 'x', role: 'student', createdAtMs: now, updatedAtMs: now }).executeTakeFirstOrThrow();
    actor = { userId: Number(user.insertId), role: 'student', name: 'Stream Student' };
    const problem = await db.insertInto('problems').values({
      slug: 'stream-p', title: 'Stream', statement: 's', category: 'math', difficulty: 'easy', tags: '[]', style: 'stdio', timeLimitMs: 1000,
      memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: 3600, isPublished: 1, createdBy: null, createdAtMs: now, updatedAtMs: now,
    } as never).executeTakeFirstOrThrow();
    problemId = Number(problem.insertId);
    attemptId = (await runtime.core.proctoring.attempts.start(actor, problemId)).attempt.id;
  });
  after(async () => {
    await runtime.close();
    await database.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${redisPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const ev = (type: string, data: Record<string, unknown> = {}) => ({ id: randomUUID(), clientTsMs: Date.now(), problemId, attemptId, type, data });
  const stored = async () => Number((await runtime.db.db.selectFrom('proctorEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const waitFor = async (check: () => Promise<boolean>, ms = 10_000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('accepted means appended; a dead consumer\'s batches are claimed; retries are stored once; flags are pushed', async () => {
    const stream = runtime.platform.stream<IngestMessage>(PROCTOR_EVENTS_STREAM);
    const feed: SocketEmitMessage[] = [];
    const unsubscribe = await runtime.platform.pubsub.subscribe(SOCKET_EMIT_CHANNEL, (m) => feed.push(m as SocketEmitMessage));

    const batches = Array.from({ length: 20 }, () => [ev('tab_hidden'), ev('window_blur'), ev('paste', { length: 500, place: 'editor' })]);
    for (const batch of batches) {
      const res = await runtime.core.proctoring.ingest.accept(actor, batch);
      assert.equal(res.accepted, 3);
    }
    // A client retry of a batch whose 202 was lost: appended again, stored once.
    await runtime.core.proctoring.ingest.accept(actor, batches[0]!);
    assert.equal(await stored(), 0, 'nothing is written by the api in scaled mode');
    assert.equal(await stream.length(), 21);

    // A consumer reads half of the entries and dies before its commit.
    const taken = await stream.read('dead-consumer', { count: 10, blockMs: 0 });
    assert.equal(taken.length, 10);

    const consumer = startEventConsumer({
      stream, proctoring: runtime.core.proctoring, log: () => undefined, consumerName: 'alive', concurrency: 2, claimIdleMs: 300, blockMs: 200,
    });
    await waitFor(async () => (await stored()) === 60 && (await stream.pendingCount()) === 0 && (await stream.length()) === 0);
    await consumer.stop();
    await unsubscribe();

    assert.equal(await stored(), 60, 'every accepted event stored exactly once');
    const row = await runtime.db.db.selectFrom('problemSessions').select(['counters', 'integrityScore']).where('id', '=', attemptId).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(row.counters).tabHidden, 20, 'the retried batch was not counted twice');
    const flags = await runtime.db.db.selectFrom('proctorFlags').select(['id', 'rule']).where('attemptId', '=', attemptId).execute();
    assert.equal(flags.filter((f) => f.rule === 'tab_switches').length, 4);
    assert.equal(flags.filter((f) => f.rule === 'large_paste').length, 20);
    await waitFor(async () => new Set(feed.filter((m) => m.event === 'proctor:flag').map((m) => (m.payload as { flag: { id: number } }).flag.id)).size === 24);
    assert.ok(feed.flatMap((m) => [m.room].flat()).every((room) => room.startsWith('feed:') || room.startsWith('user:')));
  });
});

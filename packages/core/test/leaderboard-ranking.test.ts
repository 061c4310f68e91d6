// The leaderboard's ranking: filled from the database once, then moved by each accepted submission. Embedded it
// lives in memory; with REDIS_URL it is a Redis sorted set that an api's core and a worker's core (two
// processes' cores, each with its own database connection) share: a submission the worker accepts is in the
// api's very next read, with no refill. Real SQLite and MariaDB, real Redis.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createDb } from '@logicode/db';
import { TEST_DIALECTS, createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { createRedisRanking, systemClock, createMemoryRanking, type Ranking } from '@logicode/platform';
import { createRuntime, type Runtime } from '../src/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const core = { jwtSecret: 'x'.repeat(40), accessTokenTtlSec: 900, refreshTokenTtlSec: 3600, login: { perAccountLimit: 5, perAddressLimit: 5, windowMs: 1000 }, maxQueuedPerUser: 5 };

interface World {
  users: Record<'ann' | 'bob' | 'cat' | 'tess', number>;
  easy: number;
  hard: number;
}

/** Three students and a teacher; ann solved the easy problem (10 points), then bob the hard one (40). */
async function seed(runtime: Runtime, tag: string): Promise<World> {
  const { db } = runtime.db;
  const users = {} as World['users'];
  for (const [name, role] of [['ann', 'student'], ['bob', 'student'], ['cat', 'student'], ['tess', 'teacher']] as const) {
    users[name] = (await runtime.core.accounts.createUser({ name, email: `${name}-${tag}@board.test`, password: 'password-123', role })).id;
  }
  const problem = async (slug: string, difficulty: 'easy' | 'hard') => {
    const created = await db.insertInto('problems').values({
      slug, title: slug, statement: 's', category: 'math', difficulty, tags: '[]', style: 'stdio', timeLimitMs: 1000,
      memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: null, isPublished: 1, createdBy: null, createdAtMs: 1, updatedAtMs: 1,
    }).executeTakeFirstOrThrow();
    const id = Number(created.insertId);
    await db.insertInto('problemLanguages').values({ problemId: id, language: 'python', starterCode: '', driverCode: null }).execute();
    return id;
  };
  const world = { users, easy: await problem(`easy-${tag}`, 'easy'), hard: await problem(`hard-${tag}`, 'hard') };
  await db.insertInto('solved').values([
    { userId: users.ann, problemId: world.easy, submissionId: 0, solvedAtMs: 1_000 },
    { userId: users.bob, problemId: world.hard, submissionId: 0, solvedAtMs: 2_000 },
  ]).execute();
  return world;
}

/** A Submit judged AC, through the worker's path: claim, then finish (which marks it solved and moves the ranking). */
async function accept(worker: Runtime, userId: number, problemId: number): Promise<void> {
  const inserted = await worker.db.db.insertInto('submissions').values({
    userId, problemId, language: 'python', mode: 'submit', status: 'queued', verdict: null, score: null, code: 'print(1)',
    customInput: null, compileOutput: null, testCount: 0, maxCpuMs: null, maxMemoryKb: null, attemptId: null, autoSubmitted: 0,
    createdAtMs: Date.now(), startedAtMs: null, finishedAtMs: null,
  }).executeTakeFirstOrThrow();
  const claim = await worker.core.submissions.claim(Number(inserted.insertId));
  assert.ok(claim);
  await worker.core.submissions.finish(claim, { verdict: 'AC', score: 1, compileOutput: null, tests: [], maxCpuMs: 1, maxMemoryKb: 1 });
}

const names = async (runtime: Runtime, world: World) => {
  const page = await runtime.core.leaderboard.leaderboard(null, 1, 10);
  const byId = new Map(Object.entries(world.users).map(([name, id]) => [id, name]));
  return { names: page.items.map((r) => `${byId.get(r.userId)}:${r.points}`), total: page.total };
};

for (const dialect of TEST_DIALECTS) {
  describe(`leaderboard in a Redis sorted set, an api core and a worker core [${dialect}]`, () => {
    const prefix = `test-board-${randomBytes(4).toString('hex')}:`;
    let database: TestDatabase;
    let api: Runtime;
    let worker: Runtime;
    let world: World;
    let redis: Redis;

    before(async () => {
      database = await createTestDatabase(dialect);
      const options = { db: database.config, redisUrl: REDIS_URL, redisPrefix: prefix, migrate: false, validateProblems: false, log: () => undefined, core };
      api = await createRuntime({ ...options, handle: database.handle });
      // The worker's own connection to the same database, as a second process would have.
      worker = await createRuntime({ ...options, handle: createDb(database.config) });
      redis = new Redis(REDIS_URL);
      world = await seed(api, dialect);
    });
    after(async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
      await worker.close();
      await api.platform.close();
      await database.drop();
    });

    it('fills the shared sorted set from the database on the first read', async () => {
      assert.deepEqual(await names(api, world), { names: ['bob:40', 'ann:10'], total: 2 });
      assert.equal(await redis.zcard(`${prefix}ranking:leaderboard:set`), 2);
      assert.equal(await redis.exists(`${prefix}ranking:leaderboard:ready`), 1);
    });

    it('a submission the worker accepts moves the student in the api\'s next read, ties going to who solved first', async () => {
      await accept(worker, world.users.cat, world.hard);
      assert.deepEqual(await names(api, world), { names: ['bob:40', 'cat:40', 'ann:10'], total: 3 });
      const me = await api.core.leaderboard.leaderboard({ userId: world.users.cat, role: 'student', name: 'cat' }, 1, 1);
      assert.equal(me.items.length, 1);
      assert.deepEqual({ rank: me.me?.rank, points: me.me?.points, solved: me.me?.solvedCount }, { rank: 2, points: 40, solved: 1 });
      await accept(worker, world.users.ann, world.hard);
      assert.deepEqual(await names(api, world), { names: ['ann:50', 'bob:40', 'cat:40'], total: 3 });
      assert.deepEqual((await api.core.leaderboard.leaderboard(null, 2, 2)).items.map((r) => r.rank), [3], 'page 2 of size 2');
    });

    it('solving the same problem again changes nothing; a teacher never ranks', async () => {
      await accept(worker, world.users.ann, world.hard);
      await accept(worker, world.users.tess, world.easy);
      assert.deepEqual(await names(api, world), { names: ['ann:50', 'bob:40', 'cat:40'], total: 3 });
    });

    it('after the set expires, the next read refills it with the same order', async () => {
      await redis.del(`${prefix}ranking:leaderboard:ready`);
      assert.deepEqual(await names(worker, world), { names: ['ann:50', 'bob:40', 'cat:40'], total: 3 });
    });
  });

  describe(`leaderboard in memory (embedded) [${dialect}]`, () => {
    let database: TestDatabase;
    let runtime: Runtime;
    let world: World;
    before(async () => {
      database = await createTestDatabase(dialect);
      runtime = await createRuntime({ db: database.config, handle: database.handle, redisUrl: null, redisPrefix: 'x:', migrate: false, validateProblems: false, log: () => undefined, core });
      world = await seed(runtime, `m-${dialect}`);
    });
    after(async () => {
      await runtime.platform.close();
      await database.drop();
    });

    it('fills once and moves a student on each accepted submission', async () => {
      assert.deepEqual(await names(runtime, world), { names: ['bob:40', 'ann:10'], total: 2 });
      await accept(runtime, world.users.cat, world.easy);
      assert.deepEqual(await names(runtime, world), { names: ['bob:40', 'ann:10', 'cat:10'], total: 3 });
      await accept(runtime, world.users.ann, world.hard);
      assert.deepEqual(await names(runtime, world), { names: ['ann:50', 'bob:40', 'cat:10'], total: 3 });
    });
  });
}

describe('a ranking fill that raced an upsert is discarded, not applied over it', () => {
  const entry = (id: number, score: number) => ({ id, score, tieBreak: id, data: {} });
  const cases: [string, () => Ranking<object>][] = [
    ['memory', () => createMemoryRanking({ clock: systemClock, maxAgeMs: 60_000 })],
    ['redis', () => createRedisRanking({ redisUrl: REDIS_URL, prefix: `test-rank-${randomBytes(4).toString('hex')}:`, name: 'r', maxAgeMs: 60_000 })],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const ranking = make();
      try {
        const stale = await ranking.beginFill();
        await ranking.upsert(entry(3, 30));
        assert.equal(await ranking.replace([entry(1, 10), entry(2, 20)], stale), false);
        assert.equal(await ranking.ready(), false);
        const fresh = await ranking.beginFill();
        assert.equal(await ranking.replace([entry(1, 10), entry(2, 20), entry(3, 30)], fresh), true);
        await ranking.upsert(entry(1, 40));
        assert.deepEqual((await ranking.page(0, 10)).entries.map((e) => [e.id, e.rank]), [[1, 1], [3, 2], [2, 3]]);
        assert.deepEqual(await ranking.get(2).then((e) => e?.rank), 3);
      } finally {
        await ranking.close();
      }
    });
  }
});

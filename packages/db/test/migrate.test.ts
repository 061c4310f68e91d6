import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/index.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../src/testing.js';

for (const dialect of TEST_DIALECTS) {
  describe(`migrations [${dialect}]`, () => {
    let test: TestDatabase;
    before(async () => {
      test = await createTestDatabase(dialect);
    });
    after(() => test.drop());

    it('creates every table and is idempotent', async () => {
      const again = await migrateToLatest(test.handle);
      assert.deepEqual(again.applied, []);
      const tables = await test.handle.db.introspection.getTables();
      const names = tables.map((t) => t.name).sort();
      for (const expected of ['users', 'problems', 'test_cases', 'reference_solutions', 'submissions', 'submission_tests',
        'solved', 'problem_sessions', 'proctor_events', 'proctor_settings', 'code_snapshots', 'proctor_flags']) {
        assert.ok(names.includes(expected), `${expected} exists`);
      }
    });

    it('enforces unique (user_id, problem_id) on solved and unique emails', async () => {
      const { db } = test.handle;
      const now = Date.now();
      const user = await db.insertInto('users').values({ name: 'A', email: 'a@x.io', passwordHash: 'h', role: 'student', createdAtMs: now, updatedAtMs: now }).executeTakeFirstOrThrow();
      await assert.rejects(db.insertInto('users').values({ name: 'B', email: 'a@x.io', passwordHash: 'h', role: 'student', createdAtMs: now, updatedAtMs: now }).execute());
      const problem = await db.insertInto('problems').values({
        slug: 'p', title: 'P', statement: 'S', category: 'math', difficulty: 'easy', tags: '[]', style: 'stdio',
        timeLimitMs: 1000, memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: null, isPublished: 1,
        createdBy: null, createdAtMs: now, updatedAtMs: now,
      }).executeTakeFirstOrThrow();
      const row = { userId: Number(user.insertId), problemId: Number(problem.insertId), submissionId: 1, solvedAtMs: now };
      await db.insertInto('solved').values(row).execute();
      await assert.rejects(db.insertInto('solved').values(row).execute());
    });

    it('stores long text beyond 64 KB', async () => {
      const { db } = test.handle;
      const big = 'x'.repeat(200_000);
      const now = Date.now();
      await db.insertInto('problems').values({
        slug: 'big', title: 'Big', statement: big, category: 'math', difficulty: 'easy', tags: '[]', style: 'stdio',
        timeLimitMs: 1000, memoryLimitKb: 65536, checker: '{}', timedDurationSec: null, isPublished: 1, createdBy: null,
        createdAtMs: now, updatedAtMs: now,
      }).execute();
      const row = await db.selectFrom('problems').select(sql<number>`length(statement)`.as('n')).where('slug', '=', 'big').executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 200_000);
    });
  });
}

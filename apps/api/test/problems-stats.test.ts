// GET /api/problems/stats: acceptance counts per published problem (finished Submits only, not Runs, not
// unpublished problems) and the caller's attempted problems, on both databases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProblemStats } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from './helpers/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`problem stats [${dialect}]`, () => {
    let t: TestApp;
    let ann: Awaited<ReturnType<TestApp['userWithRole']>>;
    let ben: Awaited<ReturnType<TestApp['userWithRole']>>;
    const ids = { shown: 0, hidden: 0, untouched: 0 };

    before(async () => {
      t = await createTestApp(dialect);
      ann = await t.userWithRole('student', 'Ann');
      ben = await t.userWithRole('student', 'Ben');
      const { db } = t.runtime.db;
      const problem = async (slug: string, isPublished: number) => Number((await db.insertInto('problems').values({
        slug, title: slug, statement: 's', category: 'math', difficulty: 'easy', tags: isPublished ? '["loops","math-trick"]' : '["secret"]', style: 'stdio', timeLimitMs: 1000,
        memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: null, isPublished, createdBy: null, createdAtMs: 1, updatedAtMs: 1,
      }).executeTakeFirstOrThrow()).insertId);
      ids.shown = await problem('stats-shown', 1);
      ids.hidden = await problem('stats-hidden', 0);
      ids.untouched = await problem('stats-untouched', 1);
      const submit = (userId: number, problemId: number, verdict: string | null, mode: 'run' | 'submit' = 'submit', status: 'done' | 'queued' = 'done') =>
        db.insertInto('submissions').values({
          userId, problemId, language: 'python', mode, status, verdict, score: null, code: 'print(1)', customInput: null, compileOutput: null,
          testCount: 1, maxCpuMs: 1, maxMemoryKb: 1, attemptId: null, autoSubmitted: 0, createdAtMs: 1, startedAtMs: 1, finishedAtMs: 1,
        }).execute();
      // Shown: 4 finished Submits, 1 accepted; a Run and a queued Submit that must not count.
      await submit(ann.id, ids.shown, 'WA');
      await submit(ann.id, ids.shown, 'TLE');
      await submit(ben.id, ids.shown, 'WA');
      await submit(ben.id, ids.shown, 'AC');
      await submit(ben.id, ids.shown, 'AC', 'run');
      await submit(ann.id, ids.shown, null, 'submit', 'queued');
      await submit(ben.id, ids.hidden, 'AC');
    });
    after(() => t.close());

    it('counts finished Submits of published problems; says who attempted what', async () => {
      const anonymous = (await t.app.inject({ method: 'GET', url: '/api/problems/stats' })).json<ProblemStats>();
      assert.equal(anonymous.attempted, null);
      assert.deepEqual(anonymous.problems.find((p) => p.id === ids.shown), { id: ids.shown, submissions: 4, accepted: 1 });
      assert.equal(anonymous.problems.some((p) => p.id === ids.hidden), false, 'an unpublished problem is not listed');
      assert.equal(anonymous.problems.some((p) => p.id === ids.untouched), false, 'no submissions, no entry');
      assert.equal(anonymous.tagCounts.loops, 2, 'two published problems carry the tag');
      assert.equal(anonymous.tagCounts.secret, undefined, "an unpublished problem's tags are not counted");

      const annStats = (await t.app.inject({ method: 'GET', url: '/api/problems/stats', headers: ann.headers })).json<ProblemStats>();
      assert.deepEqual(annStats.attempted, [ids.shown], 'Ann submitted (without solving) only the shown problem');
      const benStats = (await t.app.inject({ method: 'GET', url: '/api/problems/stats', headers: ben.headers })).json<ProblemStats>();
      assert.deepEqual([...benStats.attempted!].sort((a, b) => a - b), [ids.shown, ids.hidden].sort((a, b) => a - b));
    });
  });
}

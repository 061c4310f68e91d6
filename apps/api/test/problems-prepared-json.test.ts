// Cached catalog reads are sent as bytes built once per cache entry: same content as the schema-checked
// objects, the caller's own solved flags filled in per request, an ETag that a revalidation answers with 304.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { leaderboardPageSchema, pageOf, problemDetailSchema, problemSummarySchema, type JudgeResult } from '@logicode/contracts';
import { publishSolvedChange } from '@logicode/core';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { sumPackage } from './helpers/fixtures.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

type Headers = { authorization: string };

for (const dialect of TEST_DIALECTS) {
  describe(`prepared catalog responses [${dialect}]`, { timeout: 120_000 }, () => {
    let t: TestApp;
    let admin: Headers;
    let student: { id: number; headers: Headers };
    const ids: number[] = [];

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      student = await t.userWithRole('student');
      for (const slug of ['alpha-sum', 'beta-sum', 'gamma-sum']) {
        // A title holding quotes and what looks like a solved flag must survive the split of the page.
        const created = await t.app.inject({
          method: 'POST', url: '/api/admin/problems/import', headers: admin,
          payload: sumPackage({ slug, title: `Sum "${slug}" "solved":null`, category: 'math', difficulty: 'easy', tags: ['basics'] }),
        });
        assert.equal(created.statusCode, 201, created.body);
        ids.push(created.json().id);
      }
    });
    after(() => t.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
    // As a submission's finish does: the row, then the message that clears every process's memo of the user's solves.
    const solve = async (problemId: number) => {
      await t.runtime.db.db.insertInto('solved').values({ userId: student.id, problemId, submissionId: 1, solvedAtMs: Date.now() }).execute();
      await publishSolvedChange(t.runtime.core.deps, student.id);
    };

    it('sends the list as the schema would, anonymous and with the student\'s flags, as they change', async () => {
      const anonymous = await get('/api/problems');
      assert.equal(anonymous.statusCode, 200);
      assert.match(String(anonymous.headers['content-type']), /^application\/json/);
      const expected = pageOf(problemSummarySchema).parse(await t.runtime.core.problems.list({ page: 1, pageSize: 20 } as never, null));
      assert.deepEqual(anonymous.json(), expected);
      assert.ok(anonymous.json().items.every((p: { solved: unknown }) => p.solved === null));
      assert.equal((await get('/api/problems')).body, anonymous.body, 'a cache hit sends the same bytes');

      const flags = async () => Object.fromEntries((await get('/api/problems', student.headers)).json().items.map((p: { id: number; solved: boolean }) => [p.id, p.solved]));
      assert.deepEqual(await flags(), { [ids[0]!]: false, [ids[1]!]: false, [ids[2]!]: false });
      await solve(ids[1]!);
      assert.deepEqual(await flags(), { [ids[0]!]: false, [ids[1]!]: true, [ids[2]!]: false }, 'seen at once, the page still cached');
      const mine = await get('/api/problems', student.headers);
      assert.equal(mine.json().items.find((p: { id: number }) => p.id === ids[1]).title, 'Sum "beta-sum" "solved":null');
      assert.equal(mine.headers['cache-control'], 'private, no-cache');
      assert.notEqual(mine.headers.etag, anonymous.headers.etag);
    });

    it('an accepted Submit shows in the student\'s list at once (the finish clears the memo of their solves)', async () => {
      const learner = await t.userWithRole('student');
      const flagOf = async (id: number) => (await get('/api/problems', learner.headers)).json().items.find((p: { id: number }) => p.id === id).solved;
      assert.equal(await flagOf(ids[2]!), false); // remembered now
      const created = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: learner.headers, payload: { problemId: ids[2], language: 'python', code: 'print(1)\n', mode: 'submit' } });
      assert.equal(created.statusCode, 202, created.body);
      // The worker's part (claim, finish) with an accepted result; the judge itself is tested in packages/judge.
      const claim = await t.runtime.core.submissions.claim(created.json().id);
      assert.ok(claim);
      const result: JudgeResult = {
        verdict: 'AC', score: 1, compileOutput: null, maxCpuMs: 5, maxMemoryKb: 8000,
        tests: claim.metas.map((m) => ({ testId: m.testId, verdict: 'AC', cpuMs: 5, wallMs: 6, memoryKb: 8000, exitCode: 0, signal: null, output: '', stderr: '', message: null })),
      };
      await t.runtime.core.submissions.finish(claim, result);
      assert.equal(await flagOf(ids[2]!), true);
    });

    it('answers If-None-Match with 304 until the page changes', async () => {
      const first = await get('/api/problems');
      const etag = String(first.headers.etag);
      const again = await get('/api/problems', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      const mineEtag = String((await get('/api/problems', student.headers)).headers.etag);
      assert.equal((await get('/api/problems', { ...student.headers, 'if-none-match': mineEtag })).statusCode, 304);
      await solve(ids[2]!);
      assert.equal((await get('/api/problems', { ...student.headers, 'if-none-match': mineEtag })).statusCode, 200, 'new flags, new tag');
      // An edit drops the cached page: new bytes, new tag.
      const pkg = sumPackage({ slug: 'delta-sum', title: 'Delta', category: 'math', difficulty: 'easy', tags: [] });
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: pkg })).statusCode, 201);
      const after = await get('/api/problems', { 'if-none-match': etag });
      assert.equal(after.statusCode, 200);
      assert.equal(after.json().total, 4);
    });

    it('sends a detail with solved and proctored filled in, and 404 for a missing one', async () => {
      const anonymous = await get(`/api/problems/${ids[0]}`);
      assert.equal(anonymous.statusCode, 200);
      const body = anonymous.json();
      assert.deepEqual(body, problemDetailSchema.parse(body));
      assert.equal(body.solved, null);
      assert.equal(typeof body.proctored, 'boolean');
      assert.equal((await get(`/api/problems/${ids[0]}`, { 'if-none-match': String(anonymous.headers.etag) })).statusCode, 304);
      assert.equal((await get(`/api/problems/${ids[1]}`, student.headers)).json().solved, true);
      assert.equal((await get(`/api/problems/${ids[0]}`, student.headers)).json().solved, false);
      const missing = await get('/api/problems/999999');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'NOT_FOUND');
    });

    it('sends the leaderboard as JSON', async () => {
      const board = await get('/api/leaderboard');
      assert.equal(board.statusCode, 200);
      assert.match(String(board.headers['content-type']), /^application\/json/);
      assert.equal(board.json().items[0].userId, student.id);
      assert.deepEqual(board.json(), leaderboardPageSchema.parse(board.json()));
      assert.equal(board.json().me, null);
      // A solve moves the ranking: the kept page text is not served past it; a signed-in caller gets their row.
      const other = await t.userWithRole('student', 'Zed Newcomer');
      for (const id of ids) await t.runtime.db.db.insertInto('solved').values({ userId: other.id, problemId: id, submissionId: 1, solvedAtMs: Date.now() }).execute();
      await t.runtime.core.leaderboard.recordSolve(other.id);
      const moved = (await get('/api/leaderboard', other.headers)).json();
      assert.equal(moved.items[0].userId, other.id);
      assert.equal(moved.me.userId, other.id);
      assert.equal(moved.me.rank, 1);
      assert.equal((await get('/api/leaderboard')).json().items[0].userId, other.id);
    });
  });
}

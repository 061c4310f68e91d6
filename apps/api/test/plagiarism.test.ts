// The teacher plagiarism API over HTTP (no worker here: runs stay queued; pairs are stored through core's store
// as the worker would). Roles, errors from the catalog, ranking, filters, pages, and one pair side by side.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlagiarismPair, PlagiarismPairDetail, PlagiarismReport } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from './helpers/test-app.js';

type User = Awaited<ReturnType<TestApp['userWithRole']>>;

for (const dialect of TEST_DIALECTS) {
  describe(`plagiarism API [${dialect}]`, () => {
    let t: TestApp;
    let teacher: User;
    let student: User;
    const studentIds: number[] = [];
    let problemId: number;
    const submissionIds: number[] = [];

    before(async () => {
      // These views for one teacher over every student; who sees whom is apps/api/test/scope's (docs/access.md).
      t = await createTestApp(dialect, { TEACHER_SCOPE: 'all' });
      teacher = await t.userWithRole('teacher');
      student = await t.userWithRole('student');
      for (const name of ['Ada', 'Brook', 'Cyd']) studentIds.push((await t.userWithRole('student', name)).id);
      const { db } = t.runtime.db;
      problemId = Number((await db.insertInto('problems').values({
        slug: 'plag', title: 'Plag', statement: 's', category: 'math', difficulty: 'easy', tags: '[]', style: 'stdio', timeLimitMs: 1000,
        memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: null, isPublished: 1, createdBy: null, createdAtMs: 1, updatedAtMs: 1,
      }).executeTakeFirstOrThrow()).insertId);
      for (const [i, userId] of studentIds.entries()) {
        submissionIds.push(Number((await db.insertInto('submissions').values({
          userId, problemId, language: i === 2 ? 'c' : 'python', mode: 'submit', status: 'done', verdict: 'AC', score: 100,
          code: `code of ${userId}\nline two\n`, customInput: null, compileOutput: null, testCount: 1, maxCpuMs: 1, maxMemoryKb: 1,
          attemptId: null, autoSubmitted: 0, createdAtMs: 1000 + i, startedAtMs: 1000 + i, finishedAtMs: 1000 + i,
        }).executeTakeFirstOrThrow()).insertId));
      }
      const [a, b, c] = submissionIds as [number, number, number];
      const [ua, ub, uc] = studentIds as [number, number, number];
      const pair = (l: number, r: number, lu: number, ru: number, similarity: number, language: 'python' | 'c'): PlagiarismPair => ({
        leftId: l, rightId: r, leftUserId: lu, rightUserId: ru, language, similarity, longestFragmentTokens: 17, leftMatchedTokens: 10,
        rightMatchedTokens: 11, leftTotalTokens: 12, rightTotalTokens: 13,
        fragments: [{ left: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 8 }, right: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 8 }, tokens: 17 }],
      });
      // Not real similarities: the API only ranks and filters what the worker stored.
      await t.runtime.core.plagiarism.store.replaceUserPairs(problemId, ua, [pair(a, b, ua, ub, 0.62, 'python'), pair(a, c, ua, uc, 0.91, 'c')]);
    });
    after(() => t.close());

    const get = (url: string, user: User) => t.app.inject({ method: 'GET', url, headers: user.headers });

    it('is for teachers and admins: 401 signed out, 403 for students', async () => {
      const routes = [['POST', `/api/teacher/problems/${problemId}/plagiarism`], ['GET', `/api/teacher/problems/${problemId}/plagiarism`], ['GET', '/api/teacher/plagiarism/pairs/1']] as const;
      for (const [method, url] of routes) {
        assert.equal((await t.app.inject({ method, url })).statusCode, 401);
        const forbidden = await t.app.inject({ method, url, headers: student.headers });
        assert.equal(forbidden.statusCode, 403);
        assert.deepEqual(Object.keys(forbidden.json()).sort(), ['code', 'message', 'statusCode']);
        assert.equal(forbidden.json().code, 'FORBIDDEN');
      }
    });

    it('404s an unknown problem or pair, 400s bad parameters', async () => {
      assert.equal((await get('/api/teacher/problems/999999/plagiarism', teacher)).json().code, 'NOT_FOUND');
      assert.equal((await t.app.inject({ method: 'POST', url: '/api/teacher/problems/999999/plagiarism', headers: teacher.headers })).statusCode, 404);
      assert.equal((await get('/api/teacher/plagiarism/pairs/999999', teacher)).json().code, 'NOT_FOUND');
      const bad = await t.app.inject({ method: 'POST', url: `/api/teacher/problems/${problemId}/plagiarism`, headers: teacher.headers, payload: { params: { k: 1 } } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'VALIDATION');
      assert.equal((await get(`/api/teacher/problems/${problemId}/plagiarism?minSimilarity=2`, teacher)).statusCode, 400);
    });

    it('queues a run (202) and returns the same one while it waits', async () => {
      const first = await t.app.inject({ method: 'POST', url: `/api/teacher/problems/${problemId}/plagiarism`, headers: teacher.headers, payload: { params: { threshold: 0.4 } } });
      assert.equal(first.statusCode, 202);
      const again = await t.app.inject({ method: 'POST', url: `/api/teacher/problems/${problemId}/plagiarism`, headers: teacher.headers });
      assert.deepEqual(again.json(), first.json());
      const report = (await get(`/api/teacher/problems/${problemId}/plagiarism`, teacher)).json() as PlagiarismReport;
      assert.equal(report.run?.id, first.json().runId);
      assert.deepEqual([report.run?.status, report.run?.params, report.run?.requestedBy], ['queued', null, teacher.id]);
      assert.equal(await t.runtime.platform.queue('plagiarism').depth(), 1, 'one job for the worker');
    });

    it('lists pairs most similar first with both names, filtered and paged', async () => {
      const all = (await get(`/api/teacher/problems/${problemId}/plagiarism`, teacher)).json() as PlagiarismReport;
      assert.deepEqual(all.items.map((p) => p.similarity), [0.91, 0.62]);
      assert.deepEqual(all.items.map((p) => [p.left.userName, p.right.userName]), [['Ada', 'Cyd'], ['Ada', 'Brook']]);
      assert.equal(all.total, 2);
      const python = (await get(`/api/teacher/problems/${problemId}/plagiarism?language=python`, teacher)).json() as PlagiarismReport;
      assert.deepEqual(python.items.map((p) => p.language), ['python']);
      const strong = (await get(`/api/teacher/problems/${problemId}/plagiarism?minSimilarity=0.7`, teacher)).json() as PlagiarismReport;
      assert.deepEqual(strong.items.map((p) => p.similarity), [0.91]);
      const page2 = (await get(`/api/teacher/problems/${problemId}/plagiarism?page=2&pageSize=1`, teacher)).json() as PlagiarismReport;
      assert.deepEqual([page2.items.map((p) => p.similarity), page2.total, page2.page], [[0.62], 2, 2]);
    });

    it('returns one pair with both sources and the matched regions', async () => {
      const list = (await get(`/api/teacher/problems/${problemId}/plagiarism?language=python`, teacher)).json() as PlagiarismReport;
      const response = await get(`/api/teacher/plagiarism/pairs/${list.items[0]!.id}`, teacher);
      assert.equal(response.statusCode, 200, response.body);
      const detail = response.json() as PlagiarismPairDetail;
      assert.equal(detail.left.code, `code of ${studentIds[0]}\nline two\n`);
      assert.equal(detail.right.code, `code of ${studentIds[1]}\nline two\n`);
      assert.deepEqual([detail.left.userName, detail.right.userName, detail.left.language, detail.right.verdict], ['Ada', 'Brook', 'python', 'AC']);
      assert.deepEqual(detail.fragments, [{ left: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 8 }, right: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 8 }, tokens: 17 }]);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { sumPackage } from './helpers/fixtures.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`teacher students and submissions [${dialect}]`, () => {
    let t: TestApp;
    let teacher: { authorization: string };
    let student: { id: number; headers: { authorization: string } };
    let quiet: { id: number };

    before(async () => {
      t = await createTestApp(dialect);
      teacher = (await t.userWithRole('teacher')).headers;
      const admin = (await t.userWithRole('admin')).headers;
      student = await t.userWithRole('student', 'Ada Lovelace');
      quiet = await t.userWithRole('student', 'Quiet Student');
      const problem = (await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: sumPackage() })).json();
      const { db } = t.runtime.db;
      const now = Date.now();
      const session = (counters: object, integrityScore: number, at: number) => ({
        userId: student.id, problemId: problem.id, assessmentId: null, startedAtMs: at, lastHeartbeatAtMs: at, endedAtMs: null,
        endReason: null, deadlineAtMs: null, isActive: 1, language: 'python', counters: JSON.stringify(counters), integrityScore,
      });
      await db.insertInto('problemSessions').values([session({ tabHidden: 3, paste: 1 }, 70, now - 5000), session({ tabHidden: 2, paste: 4 }, 55, now)]).execute();
      await db.insertInto('proctorFlags').values([
        { attemptId: null, userId: student.id, problemId: problem.id, rule: 'tab_switches', reason: 'r', severity: 'medium', status: 'open', note: null, createdAtMs: now, updatedAtMs: now },
        { attemptId: null, userId: student.id, problemId: problem.id, rule: 'large_paste', reason: 'r', severity: 'high', status: 'cleared', note: null, createdAtMs: now, updatedAtMs: now },
      ] as never).execute();
      await db.insertInto('solved').values({ userId: student.id, problemId: problem.id, submissionId: 1, solvedAtMs: now }).execute();
      await db.insertInto('submissions').values({
        userId: student.id, problemId: problem.id, language: 'python', mode: 'submit', status: 'done', verdict: 'AC', score: 100,
        code: 'print(1)', customInput: null, compileOutput: null, testCount: 4, maxCpuMs: 5, maxMemoryKb: 8000, attemptId: null,
        autoSubmitted: 0, createdAtMs: now, startedAtMs: now, finishedAtMs: now,
      }).execute();
    });
    after(() => t.close());

    it('lists every student with aggregated progress and proctoring', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/teacher/students', headers: teacher });
      assert.equal(response.statusCode, 200, response.body);
      const rows = response.json().items;
      const ada = rows.find((r: { id: number }) => r.id === student.id);
      assert.deepEqual(
        { solved: ada.solvedCount, attempts: ada.attempts, flags: ada.openFlags, tab: ada.tabHidden, paste: ada.paste, integrity: ada.integrityScore },
        { solved: 1, attempts: 2, flags: 1, tab: 5, paste: 5, integrity: 55 },
      );
      assert.ok(ada.lastActiveAt);
      const q = rows.find((r: { id: number }) => r.id === quiet.id);
      assert.deepEqual([q.attempts, q.integrityScore, q.lastActiveAt], [0, null, null]);
      const searched = (await t.app.inject({ method: 'GET', url: '/api/teacher/students?q=lovelace', headers: teacher })).json().items;
      assert.deepEqual(searched.map((r: { id: number }) => r.id), [student.id]);
    });

    it('lists everyone\'s submissions for staff, with names and filters', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/teacher/submissions?userId=${student.id}&verdict=AC`, headers: teacher });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.total, 1);
      assert.equal(body.items[0].userName, 'Ada Lovelace');
      assert.equal(body.items[0].problemTitle, 'Sum of Two Numbers');
      assert.equal(body.items[0].code, undefined, 'code is fetched one submission at a time');
    });

    it('refuses students and anonymous callers', async () => {
      for (const url of ['/api/teacher/students', '/api/teacher/submissions']) {
        assert.equal((await t.app.inject({ method: 'GET', url, headers: student.headers })).statusCode, 403);
        assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 401);
      }
    });
  });
}

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
      // These views for one teacher over every student; who sees whom is apps/api/test/scope's (docs/access.md).
      t = await createTestApp(dialect, { TEACHER_SCOPE: 'all' });
      teacher = (await t.userWithRole('teacher')).headers;
      const admin = (await t.userWithRole('admin')).headers;
      student = await t.userWithRole('student', 'Ada Lovelace');
      quiet = await t.userWithRole('student', 'Quiet Student');
      const problem = (await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: sumPackage() })).json();
      const { db } = t.runtime.db;
      const now = Date.now();
      const session = (counters: object, integrityScore: number, at: number) => ({
        userId: student.id, problemId: problem.id, assessmentId: null, startedAtMs: at, lastHeartbeatAtMs: at, endedAtMs: null,
        endReason: null, deadlineAtMs: at + 3_600_000, isActive: 1, language: 'python', counters: JSON.stringify(counters), integrityScore, // timed: exam behaviour
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
      const body = response.json();
      assert.deepEqual([body.page, body.pageSize, body.total], [1, 50, 2]);
      const rows = body.items;
      const ada = rows.find((r: { id: number }) => r.id === student.id);
      assert.deepEqual(
        { solved: ada.solvedCount, attempts: ada.attempts, flags: ada.openFlags, tab: ada.tabHidden, paste: ada.paste, integrity: ada.integrityScore },
        { solved: 1, attempts: 2, flags: 1, tab: 5, paste: 5, integrity: 55 },
      );
      assert.ok(ada.lastActiveAt);
      const q = rows.find((r: { id: number }) => r.id === quiet.id);
      assert.deepEqual([q.attempts, q.integrityScore, q.lastActiveAt], [0, null, null]);
      const searched = (await t.app.inject({ method: 'GET', url: '/api/teacher/students?q=LOVELACE', headers: teacher })).json();
      assert.deepEqual([searched.items.map((r: { id: number }) => r.id), searched.total], [[student.id], 1]);
    });

    it('sorts and pages the class on the server', async () => {
      const ids = async (query: string) => {
        const response = await t.app.inject({ method: 'GET', url: `/api/teacher/students?${query}`, headers: teacher });
        assert.equal(response.statusCode, 200, response.body);
        return response.json().items.map((r: { id: number }) => r.id);
      };
      assert.deepEqual(await ids('sort=name'), [student.id, quiet.id]);
      assert.deepEqual(await ids('sort=name&dir=desc'), [quiet.id, student.id]);
      assert.deepEqual(await ids('sort=openFlags&dir=desc'), [student.id, quiet.id]);
      // A student without attempts has no integrity score: last whichever the direction.
      assert.deepEqual(await ids('sort=integrityScore&dir=asc'), [student.id, quiet.id]);
      assert.deepEqual(await ids('sort=integrityScore&dir=desc'), [student.id, quiet.id]);
      assert.deepEqual(await ids('sort=name&pageSize=1&page=2'), [quiet.id]);
      assert.deepEqual(await ids('sort=name&pageSize=1&page=3'), []);
      const tooMany = await t.app.inject({ method: 'GET', url: '/api/teacher/students?pageSize=5000', headers: teacher });
      assert.equal(tooMany.statusCode, 400, 'a page is at most 100 students');
      const badSort = await t.app.inject({ method: 'GET', url: '/api/teacher/students?sort=password', headers: teacher });
      assert.equal(badSort.statusCode, 400);
    });

    it('returns a student\'s attempts newest first, a bounded slice at a time with a cursor', async () => {
      const get = async (query: string) => {
        const response = await t.app.inject({ method: 'GET', url: `/api/teacher/students/${student.id}?${query}`, headers: teacher });
        assert.equal(response.statusCode, 200, response.body);
        return response.json();
      };
      const all = await get('');
      assert.equal(all.attempts.length, 2);
      assert.deepEqual([all.attemptCount, all.nextAttemptsCursor, all.solvedProblemIds.length], [2, null, 1]);
      const [newer, older] = all.attempts.map((a: { id: number }) => a.id);
      assert.ok(newer > older, 'newest first');
      const first = await get('attemptsLimit=1');
      assert.deepEqual([first.attempts.map((a: { id: number }) => a.id), first.attemptCount, first.nextAttemptsCursor], [[newer], 2, newer]);
      const second = await get(`attemptsLimit=1&attemptsBefore=${first.nextAttemptsCursor}`);
      assert.deepEqual([second.attempts.map((a: { id: number }) => a.id), second.nextAttemptsCursor], [[older], null]);
      // Each slice carries its own attempts' flags, the older slice too (its flags are read below the cursor).
      const now = Date.now();
      const flag = (attemptId: number, rule: string) => ({
        attemptId, userId: student.id, problemId: all.attempts[0].problemId, rule, reason: 'r', severity: 'low', status: 'cleared', note: null, createdAtMs: now, updatedAtMs: now,
      });
      await t.runtime.db.db.insertInto('proctorFlags').values([flag(older, 'older_rule'), flag(newer, 'newer_rule')] as never).execute();
      const rules = (detail: { attempts: { flags: { rule: string }[] }[] }) => detail.attempts.map((a) => a.flags.map((f) => f.rule));
      assert.deepEqual(rules(await get('attemptsLimit=1')), [['newer_rule']]);
      assert.deepEqual(rules(await get(`attemptsLimit=1&attemptsBefore=${newer}`)), [['older_rule']]);
      assert.deepEqual(rules(await get('')), [['newer_rule'], ['older_rule']]);
      const tooMany = await t.app.inject({ method: 'GET', url: `/api/teacher/students/${student.id}?attemptsLimit=500`, headers: teacher });
      assert.equal(tooMany.statusCode, 400, 'a slice is at most 50 attempts');
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

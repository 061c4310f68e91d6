// Issue 19, the teacher's pages over HTTP: flags filtered by class and assessment and reviewed in bulk, the
// attempt timeline's Runs and Submits, a plagiarism pair's playback links, a bulk invite naming a bad address,
// and the chart endpoints (a student's own calendar, a class's progress). Every addition answers through the one
// scope rule: teacher B's class, assessment or flags are refused (404, or left alone and listed as not found).
// And categories are free entry: a new one is taken and offered, a malformed one refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CATEGORIES } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { sumPackage } from '../helpers/fixtures.js';
import { assessmentBody, publishedAssessment } from '../assessments/helpers.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildSchool, get, ok, type School } from './helpers.js';

const today = () => new Date().toISOString().slice(0, 10);

for (const dialect of TEST_DIALECTS) {
  describe(`teacher pages and charts within the scope [${dialect}]`, () => {
    let t: TestApp;
    let s: School;
    /** An assessment of teacher A's class with one attempt of Alice's and a flag raised in it. */
    let assessmentA: number;
    let assessmentFlag: number;
    let assessmentB: number;

    before(async () => {
      t = await createTestApp(dialect);
      s = await buildSchool(t);
      const { db } = t.runtime.db;
      assessmentA = await publishedAssessment(t, s.teacherA.headers, assessmentBody(s.classA, [s.problemId]));
      assessmentB = await publishedAssessment(t, s.teacherB.headers, assessmentBody(s.classB, [s.problemId]));
      const now = Date.now();
      const attemptId = Number((await db.insertInto('problemSessions').values({
        userId: s.alice.id, problemId: s.problemId, assessmentId: assessmentA, startedAtMs: now - 1000, lastHeartbeatAtMs: now, endedAtMs: now,
        endReason: 'submitted', deadlineAtMs: null, isActive: 0, language: 'python', counters: '{}', integrityScore: 100,
      }).executeTakeFirstOrThrow()).insertId);
      assessmentFlag = Number((await db.insertInto('proctorFlags').values({
        attemptId, userId: s.alice.id, problemId: s.problemId, rule: 'tab_switches', reason: 'Left the tab 4 times', severity: 'medium', status: 'open',
        note: null, createdAtMs: now, updatedAtMs: now, eventId: null, dedupeKey: `charts-${dialect}-1`, reviewedBy: null, reviewedAtMs: null,
      }).executeTakeFirstOrThrow()).insertId);
      // Alice solved the problem today (the class chart counts first solves).
      await db.insertInto('solved').values({ userId: s.alice.id, problemId: s.problemId, submissionId: s.alice.submissionId, solvedAtMs: now }).execute();
    });
    after(() => t.close());

    it('flags filter by class and by assessment; another teacher\'s class or assessment is 404', async () => {
      const byClass = (await ok(t, 'GET', `/api/teacher/flags?classId=${s.classA}`, s.teacherA.headers)).items as { id: number }[];
      assert.deepEqual(new Set(byClass.map((f) => f.id)), new Set([s.alice.flagId, s.amir.flagId, assessmentFlag]));
      const byAssessment = (await ok(t, 'GET', `/api/teacher/flags?assessmentId=${assessmentA}`, s.teacherA.headers)).items as { id: number }[];
      assert.deepEqual(byAssessment.map((f) => f.id), [assessmentFlag]);
      for (const url of [`/api/teacher/flags?classId=${s.classB}`, `/api/teacher/flags?assessmentId=${assessmentB}`]) {
        const res = await get(t, url, s.teacherA.headers);
        assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
        assert.doesNotMatch(res.body, /Bella/);
      }
      // The admin filters any class.
      const adminB = (await ok(t, 'GET', `/api/teacher/flags?classId=${s.classB}`, s.admin.headers)).items as { id: number }[];
      assert.deepEqual(adminB.map((f) => f.id), [s.bella.flagId]);
    });

    it('a bulk review clears the teacher\'s own flags, each audited, and leaves another teacher\'s alone', async () => {
      const result = await ok(t, 'PATCH', '/api/teacher/flags', s.teacherA.headers, { ids: [s.amir.flagId, s.bella.flagId, 999_999], status: 'cleared', note: 'Talked to them' });
      assert.deepEqual(result, { updated: [s.amir.flagId], notFound: [s.bella.flagId, 999_999] });
      const { db } = t.runtime.db;
      const rows = await db.selectFrom('proctorFlags').select(['id', 'status']).where('id', 'in', [s.amir.flagId, s.bella.flagId]).orderBy('id').execute();
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.status])), { [s.amir.flagId]: 'cleared', [s.bella.flagId]: 'open' });
      const audit = await db.selectFrom('flagAudit').select(['flagId', 'action', 'note']).where('flagId', 'in', [s.amir.flagId, s.bella.flagId]).execute();
      assert.deepEqual(audit, [{ flagId: s.amir.flagId, action: 'clear', note: 'Talked to them' }]);
      // A student may not; an empty note is refused.
      assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/teacher/flags', headers: s.alice.headers, payload: { ids: [s.alice.flagId], note: 'x' } })).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'PATCH', url: '/api/teacher/flags', headers: s.teacherA.headers, payload: { ids: [s.alice.flagId], note: ' ' } })).statusCode, 400);
    });

    it('the attempt timeline lists the Runs and Submits made in it, with their verdicts', async () => {
      const timeline = await ok(t, 'GET', `/api/teacher/attempts/${s.alice.attemptId}/timeline`, s.teacherA.headers);
      assert.deepEqual(timeline.submissions.map((x: { id: number; mode: string; verdict: string; score: number }) => [x.id, x.mode, x.verdict, x.score]),
        [[s.alice.submissionId, 'submit', 'AC', 100]]);
      assert.equal((await get(t, `/api/teacher/attempts/${s.bella.attemptId}/timeline`, s.teacherA.headers)).statusCode, 404);
    });

    it('a plagiarism pair of practice submissions links each side to the attempt it was written in', async () => {
      const pair = await ok(t, 'GET', `/api/teacher/plagiarism/pairs/${s.pairInside}`, s.teacherA.headers);
      const bySide = { [pair.left.userId]: pair.left.attemptId, [pair.right.userId]: pair.right.attemptId };
      assert.deepEqual(bySide, { [s.alice.id]: s.alice.attemptId, [s.amir.id]: s.amir.attemptId });
      assert.equal((await get(t, `/api/teacher/plagiarism/pairs/${s.pairAcross}`, s.teacherA.headers)).statusCode, 404);
    });

    it('a bulk invite with a bad address invites the valid ones and names the bad one', async () => {
      const result = await ok(t, 'POST', `/api/classes/${s.classA}/invites`, s.teacherA.headers, { emails: ['new.kid@school.test', 'not-an-address', s.alice.email] });
      assert.deepEqual(result, { added: [], pending: ['new.kid@school.test'], alreadyMembers: [s.alice.email], notStudents: [], invalid: ['not-an-address'] });
      const other = await t.app.inject({ method: 'POST', url: `/api/classes/${s.classB}/invites`, headers: s.teacherA.headers, payload: { emails: ['x@school.test'] } });
      assert.equal(other.statusCode, 404);
    });

    it('a student\'s calendar counts their own Runs and Submits per day', async () => {
      const mine = await ok(t, 'GET', '/api/me/activity', s.alice.headers);
      assert.equal(mine.toDay, today());
      assert.deepEqual(mine.days, [{ day: today(), submits: 1, accepted: 1, runs: 0 }]);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/me/activity' })).statusCode, 401);
    });

    it('a class\'s progress counts its students\' solves per day; another teacher\'s class is 404, a student 403', async () => {
      const progress = await ok(t, 'GET', `/api/classes/${s.classA}/progress?days=30`, s.teacherA.headers);
      assert.equal(progress.students, 2);
      assert.deepEqual(progress.days, [{ day: today(), solved: 1, students: 1 }]);
      assert.equal(progress.solvedBefore, 0);
      const refused = await get(t, `/api/classes/${s.classA}/progress`, s.teacherB.headers);
      assert.equal(refused.statusCode, 404, refused.body);
      assert.equal((await get(t, `/api/classes/${s.classA}/progress`, s.alice.headers)).statusCode, 403);
      assert.equal((await ok(t, 'GET', `/api/classes/${s.classA}/progress`, s.admin.headers)).students, 2);
    });

    it('a new category is taken, offered after the usual ones and counted in progress', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: s.admin.headers, payload: sumPackage({ slug: `bits-${dialect}`, category: 'bit-tricks' }) });
      assert.equal(res.statusCode, 201, res.body);
      const meta = (await t.app.inject({ method: 'GET', url: '/api/problems/meta' })).json() as { categories: string[] };
      assert.deepEqual(meta.categories, [...CATEGORIES, 'bit-tricks']);
      const progress = await ok(t, 'GET', '/api/me/progress', s.bella.headers);
      assert.deepEqual(progress.byCategory.find((c: { category: string }) => c.category === 'bit-tricks'), { category: 'bit-tricks', solved: 0, total: 1 });
    });

    it('a category that is not lower-case words with dashes is refused, naming the field', async () => {
      for (const category of ['Not A Category', 'x', 'trailing-', 'a'.repeat(41)]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: s.admin.headers, payload: sumPackage({ slug: `bad-${category.length}`, category }) });
        assert.equal(res.statusCode, 400, `${category}: ${res.body}`);
        assert.ok((res.json().details as { path: string }[]).some((d) => d.path === 'problem.category'), res.body);
      }
    });
  });
}

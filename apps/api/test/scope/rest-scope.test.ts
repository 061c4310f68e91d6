// Teacher scope over HTTP (issue 14, item 4): a teacher reads and acts on the students of their own classes only.
// Teacher A tries every kind of read about teacher B's student (and a flag review); each is refused with 404 (as
// an unknown id would be) or filtered out of a list, while the same reads of A's own students succeed. Admins see
// everyone; TEACHER_SCOPE=all widens a teacher's scope to everyone; the global proctoring rules are the admin's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCOPE_FRESH_MS } from '@logicode/core';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { assessmentBody, publishedAssessment } from '../assessments/helpers.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildSchool, get, type School } from './helpers.js';

const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);

for (const dialect of TEST_DIALECTS) {
  describe(`teacher scope over REST [${dialect}]`, () => {
    let t: TestApp;
    let s: School;

    before(async () => {
      t = await createTestApp(dialect);
      s = await buildSchool(t);
    });
    after(() => t.close());

    it('a student\'s detail, a timeline and events of another teacher\'s student answer 404; one\'s own answer 200', async () => {
      const { teacherA, alice, bella } = s;
      for (const url of [`/api/teacher/students/${bella.id}`, `/api/teacher/attempts/${bella.attemptId}/timeline`,
        `/api/teacher/events?userId=${bella.id}`, `/api/teacher/events?attemptId=${bella.attemptId}`]) {
        const res = await get(t, url, teacherA.headers);
        assert.equal(res.statusCode, 404, `${url}: ${res.body}`);
        assert.equal(res.json().code, 'NOT_FOUND');
        assert.doesNotMatch(res.body, /Bella/);
      }
      assert.equal((await get(t, `/api/teacher/students/${alice.id}`, teacherA.headers)).json().user.name, 'Alice Chen');
      const timeline = await get(t, `/api/teacher/attempts/${alice.attemptId}/timeline`, teacherA.headers);
      assert.equal(timeline.statusCode, 200, timeline.body);
      // The review names the student and the problem.
      assert.equal(timeline.json().userName, 'Alice Chen');
      assert.equal(timeline.json().attempt.problemTitle, s.problemTitle);
      assert.deepEqual((await get(t, `/api/teacher/events?attemptId=${alice.attemptId}`, teacherA.headers)).json().items.map((e: { id: string }) => e.id), [alice.eventId]);
    });

    it('lists hold only the teacher\'s students: events, flags, sessions, students page, submissions', async () => {
      const { teacherA, teacherB, alice, amir, bella } = s;
      const events = (await get(t, '/api/teacher/events', teacherA.headers)).json().items as { id: string; userId: number }[];
      assert.deepEqual(new Set(events.map((e) => e.userId)), new Set([alice.id, amir.id]));
      const flags = (await get(t, '/api/teacher/flags', teacherA.headers)).json().items as { id: number; userName: string; problemTitle: string }[];
      assert.deepEqual(ids(flags), [alice.flagId, amir.flagId].sort((a, b) => a - b));
      // Every flag names the student and the problem.
      assert.deepEqual(new Set(flags.map((f) => f.userName)), new Set(['Alice Chen', 'Amir Khan']));
      assert.ok(flags.every((f) => f.problemTitle === s.problemTitle));
      assert.deepEqual((await get(t, `/api/teacher/flags?userId=${bella.id}`, teacherA.headers)).json().items, []);
      const sessions = (await get(t, '/api/teacher/sessions', teacherA.headers)).json().items as { userId: number }[];
      assert.deepEqual(new Set(sessions.map((a) => a.userId)), new Set([alice.id, amir.id]));
      const page = (await get(t, '/api/teacher/students', teacherA.headers)).json();
      assert.equal(page.total, 2);
      assert.deepEqual(ids(page.items), [alice.id, amir.id].sort((a, b) => a - b));
      assert.equal((await get(t, '/api/teacher/students?q=bella', teacherA.headers)).json().total, 0);
      const subs = (await get(t, '/api/teacher/submissions', teacherA.headers)).json();
      assert.deepEqual(ids(subs.items), [alice.submissionId, amir.submissionId].sort((a, b) => a - b));
      assert.equal(subs.total, 2);
      assert.equal((await get(t, `/api/teacher/submissions?userId=${bella.id}`, teacherA.headers)).json().total, 0);
      // Teacher B sees Bella and only Bella.
      assert.deepEqual(ids((await get(t, '/api/teacher/students', teacherB.headers)).json().items), [bella.id]);
    });

    it('a submission by id and a student\'s submissions list of another teacher\'s student answer 404', async () => {
      const { teacherA, alice, bella } = s;
      const foreign = await get(t, `/api/submissions/${bella.submissionId}`, teacherA.headers);
      assert.equal(foreign.statusCode, 404);
      assert.doesNotMatch(foreign.body, /Bella/);
      assert.equal((await get(t, `/api/submissions?userId=${bella.id}`, teacherA.headers)).statusCode, 404);
      assert.equal((await get(t, `/api/submissions/${alice.submissionId}`, teacherA.headers)).statusCode, 200);
      assert.equal((await get(t, `/api/submissions?userId=${alice.id}`, teacherA.headers)).json().total, 1);
      // A student still sees only their own.
      assert.equal((await get(t, `/api/submissions/${alice.submissionId}`, bella.headers)).statusCode, 404);
    });

    it('the dashboard counts the teacher\'s students only; an admin\'s counts everyone', async () => {
      const mine = (await get(t, '/api/teacher/dashboard', s.teacherA.headers)).json();
      assert.deepEqual(mine, { students: 2, activeNow: 2, flaggedAttemptsToday: 2, eventsToday: 2 });
      const theirs = (await get(t, '/api/teacher/dashboard', s.teacherB.headers)).json();
      assert.deepEqual(theirs, { students: 1, activeNow: 1, flaggedAttemptsToday: 1, eventsToday: 1 });
      const all = (await get(t, '/api/teacher/dashboard', s.admin.headers)).json();
      assert.equal(all.activeNow, 3);
      assert.equal(all.eventsToday, 3);
    });

    it('a teacher cannot clear a flag of another teacher\'s student; the flag stays open and unaudited', async () => {
      const { teacherA, bella, alice } = s;
      const res = await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${bella.flagId}`, headers: teacherA.headers, payload: { status: 'cleared', note: 'nothing to see' } });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'NOT_FOUND');
      const row = await t.runtime.db.db.selectFrom('proctorFlags').select(['status', 'note']).where('id', '=', bella.flagId).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'open', note: null });
      const audit = await t.runtime.db.db.selectFrom('flagAudit').select('id').where('flagId', '=', bella.flagId).execute();
      assert.equal(audit.length, 0);
      const own = await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${alice.flagId}`, headers: teacherA.headers, payload: { status: 'cleared', note: 'talked to her' } });
      assert.equal(own.statusCode, 200, own.body);
      assert.equal(own.json().status, 'cleared');
      // An admin may review anyone's.
      const admin = await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${bella.flagId}`, headers: s.admin.headers, payload: { note: 'seen' } });
      assert.equal(admin.statusCode, 200);
    });

    it('plagiarism: a teacher sees only pairs whose two students are both theirs; a cross-class pair is 404', async () => {
      const { teacherA, teacherB, admin, problemId, pairInside, pairAcross } = s;
      const report = (await get(t, `/api/teacher/problems/${problemId}/plagiarism`, teacherA.headers)).json();
      assert.deepEqual(report.items.map((p: { id: number }) => p.id), [pairInside]);
      assert.equal(report.total, 1);
      assert.doesNotMatch(JSON.stringify(report), /Bella/);
      assert.equal((await get(t, `/api/teacher/plagiarism/pairs/${pairInside}`, teacherA.headers)).statusCode, 200);
      const across = await get(t, `/api/teacher/plagiarism/pairs/${pairAcross}`, teacherA.headers);
      assert.equal(across.statusCode, 404);
      assert.doesNotMatch(across.body, /Bella|print\(/);
      assert.equal((await get(t, `/api/teacher/plagiarism/pairs/${pairAcross}`, teacherB.headers)).statusCode, 404);
      assert.equal((await get(t, `/api/teacher/problems/${problemId}/plagiarism`, teacherB.headers)).json().total, 0);
      assert.equal((await get(t, `/api/teacher/problems/${problemId}/plagiarism`, admin.headers)).json().total, 2);
      assert.equal((await get(t, `/api/teacher/plagiarism/pairs/${pairAcross}`, admin.headers)).statusCode, 200);
    });

    it('global proctoring rules: a teacher reads them (200) but may not change them (403); an admin may (200)', async () => {
      const current = await get(t, '/api/teacher/proctor-settings', s.teacherA.headers);
      assert.equal(current.statusCode, 200);
      const put = (headers: { authorization: string }) => t.app.inject({ method: 'PUT', url: '/api/teacher/proctor-settings', headers, payload: current.json() });
      const refused = await put(s.teacherA.headers);
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'FORBIDDEN');
      assert.equal((await put(s.admin.headers)).statusCode, 200);
      // A problem's own rules stay the teachers' (problems are shared).
      const override = await t.app.inject({ method: 'GET', url: `/api/teacher/problems/${s.problemId}/proctor-settings`, headers: s.teacherA.headers });
      assert.equal(override.statusCode, 200);
    });

    it('an attempt in a teacher\'s own assessment stays theirs after its student left the class; to others it is 404', async () => {
      const { db } = t.runtime.db;
      const cleo = await t.userWithRole('student', 'Cleo Park');
      await db.insertInto('classMembers').values({ classId: s.classB, userId: cleo.id, joinedAtMs: Date.now() }).execute();
      const assessmentId = await publishedAssessment(t, s.teacherB.headers, assessmentBody(s.classB, [s.problemId]));
      const now = Date.now();
      const attemptId = Number((await db.insertInto('problemSessions').values({
        userId: cleo.id, problemId: s.problemId, assessmentId, startedAtMs: now - 1000, lastHeartbeatAtMs: now, endedAtMs: now, endReason: 'submitted',
        deadlineAtMs: now + 60_000, isActive: 0, language: 'python', counters: '{}', integrityScore: 100,
      }).executeTakeFirstOrThrow()).insertId);
      const flagId = Number((await db.insertInto('proctorFlags').values({
        attemptId, userId: cleo.id, problemId: s.problemId, rule: 'tab_switches', reason: 'Left the tab 4 times', severity: 'medium', status: 'open',
        note: null, createdAtMs: now, updatedAtMs: now, eventId: null, dedupeKey: 'left-class', reviewedBy: null, reviewedAtMs: null,
      }).executeTakeFirstOrThrow()).insertId);
      // Cleo leaves the class; the remembered scope expires.
      await db.deleteFrom('classMembers').where('classId', '=', s.classB).where('userId', '=', cleo.id).execute();
      await new Promise((r) => setTimeout(r, SCOPE_FRESH_MS + 100));
      assert.equal((await get(t, `/api/teacher/students/${cleo.id}`, s.teacherB.headers)).statusCode, 404);
      const timeline = await get(t, `/api/teacher/attempts/${attemptId}/timeline`, s.teacherB.headers);
      assert.equal(timeline.statusCode, 200, timeline.body);
      assert.equal(timeline.json().userName, 'Cleo Park');
      for (const headers of [s.teacherA.headers]) {
        assert.equal((await get(t, `/api/teacher/attempts/${attemptId}/timeline`, headers)).statusCode, 404);
        assert.equal((await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${flagId}`, headers, payload: { status: 'cleared', note: 'x' } })).statusCode, 404);
      }
      const review = await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${flagId}`, headers: s.teacherB.headers, payload: { note: 'discussed' } });
      assert.equal(review.statusCode, 200, review.body);
    });

    it('an admin reads every student', async () => {
      for (const student of [s.alice, s.bella]) {
        assert.equal((await get(t, `/api/teacher/students/${student.id}`, s.admin.headers)).statusCode, 200);
        assert.equal((await get(t, `/api/teacher/attempts/${student.attemptId}/timeline`, s.admin.headers)).statusCode, 200);
        assert.equal((await get(t, `/api/submissions/${student.submissionId}`, s.admin.headers)).statusCode, 200);
      }
      // The shared overview may be a few seconds old (students-overview.ts): at least the three of the school.
      assert.ok((await get(t, '/api/teacher/students', s.admin.headers)).json().total >= 3);
    });
  });

  describe(`TEACHER_SCOPE=all widens a teacher's scope to every student [${dialect}]`, () => {
    let t: TestApp;
    let s: School;
    before(async () => {
      t = await createTestApp(dialect, { TEACHER_SCOPE: 'all' });
      s = await buildSchool(t);
    });
    after(() => t.close());

    it('teacher A reads teacher B\'s student, their submission, flags and the cross-class pair', async () => {
      const { teacherA, bella } = s;
      assert.equal((await get(t, `/api/teacher/students/${bella.id}`, teacherA.headers)).statusCode, 200);
      assert.equal((await get(t, `/api/teacher/attempts/${bella.attemptId}/timeline`, teacherA.headers)).statusCode, 200);
      assert.equal((await get(t, `/api/submissions/${bella.submissionId}`, teacherA.headers)).statusCode, 200);
      assert.equal((await get(t, '/api/teacher/flags', teacherA.headers)).json().items.length, 3);
      assert.equal((await get(t, '/api/teacher/students', teacherA.headers)).json().total, 3);
      assert.equal((await get(t, `/api/teacher/plagiarism/pairs/${s.pairAcross}`, teacherA.headers)).statusCode, 200);
      // Still not the global rules: those stay the admin's whatever the scope.
      const current = (await get(t, '/api/teacher/proctor-settings', teacherA.headers)).json();
      assert.equal((await t.app.inject({ method: 'PUT', url: '/api/teacher/proctor-settings', headers: teacherA.headers, payload: current })).statusCode, 403);
    });
  });
}

// Issue 14, item 3: every path that can create a submission goes through one rule (core proctoring/attempt-guard.ts).
// Each bypass the issue found is tried through HTTP; each is refused with a clear error, and nothing it sent is
// stored, judged or scored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_PROCTOR_SETTINGS } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, importProblem, postEvents, startAttempt } from '../proctor/helpers.js';
import {
  MINUTE_MS, assessmentBody, classWith, controlClock, inject, judge, ok, publishedAssessment, submit, type Headers, type Person,
} from '../assessments/helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`the attempt guard on every submission path [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let teacher: Headers;
    let ann: Person;
    let ben: Person;
    let practiceId: number;
    let otherId: number;
    let timedId: number;
    let classId: number;

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      teacher = (await t.userWithRole('teacher')).headers;
      ann = await t.userWithRole('student', 'Ann');
      ben = await t.userWithRole('student', 'Ben');
      practiceId = await importProblem(t, admin, { slug: 'g-practice', title: 'Practice' });
      otherId = await importProblem(t, admin, { slug: 'g-other', title: 'Other' });
      timedId = await importProblem(t, admin, { slug: 'g-timed', title: 'Timed', timedDurationSec: 300 });
      classId = await classWith(t, teacher, [ann, ben]);
    });
    after(() => t.close());
    const db = () => t.runtime.db.db;
    const submissionsOf = async (userId: number) => db().selectFrom('submissions').selectAll().where('userId', '=', userId).orderBy('id').execute();
    const post = (who: Person, body: Record<string, unknown>) => inject(t, 'POST', '/api/submissions', who.headers, { language: 'python', code: 'print(1)\n', mode: 'submit', ...body });

    it('another student\'s attemptId is 404 (not revealed); an attempt at another problem too; nothing is stored', async () => {
      const bens = await startAttempt(t, ben.headers, practiceId);
      const before = (await submissionsOf(ann.id)).length;
      const foreign = await post(ann, { problemId: practiceId, attemptId: bens.attempt.id });
      assert.equal(foreign.statusCode, 404, foreign.body);
      assert.equal(foreign.json().code, 'NOT_FOUND');
      const missing = await post(ann, { problemId: practiceId, attemptId: 99_999_999 });
      assert.deepEqual([missing.statusCode, missing.json().message], [404, foreign.json().message], 'a foreign attempt looks like a missing one');
      const anns = await startAttempt(t, ann.headers, otherId);
      const elsewhere = await post(ann, { problemId: practiceId, attemptId: anns.attempt.id });
      assert.equal(elsewhere.statusCode, 404, elsewhere.body);
      assert.equal((await submissionsOf(ann.id)).length, before, 'nothing stored');
      // Her own attempt at this problem is fine, and stored with it.
      const mine = await startAttempt(t, ann.headers, practiceId);
      const made = await post(ann, { problemId: practiceId, attemptId: mine.attempt.id });
      assert.equal(made.statusCode, 202, made.body);
      const row = await db().selectFrom('submissions').select('attemptId').where('id', '=', made.json().id).executeTakeFirstOrThrow();
      assert.equal(row.attemptId, mine.attempt.id);
    });

    it('a timed practice problem past its server deadline refuses Submit and Run, with or without attemptId; no solved mark', async () => {
      const clock = controlClock(t);
      try {
        const never = await post(ben, { problemId: timedId });
        assert.deepEqual([never.statusCode, never.json().code], [409, 'ATTEMPT_REQUIRED'], 'a timed problem never opened has no clock to submit in');
        const staff = await inject(t, 'POST', '/api/submissions', admin, { problemId: timedId, language: 'python', code: 'print(1)\n', mode: 'run' });
        assert.equal(staff.statusCode, 202, 'staff trying a timed problem out have no clock and no grade');
        const { attempt } = await startAttempt(t, ann.headers, timedId);
        const inTime = await post(ann, { problemId: timedId, attemptId: attempt.id, mode: 'run' });
        assert.equal(inTime.statusCode, 202, inTime.body);
        clock.advance(301_000);
        const before = (await submissionsOf(ann.id)).length;
        for (const body of [
          { problemId: timedId, attemptId: attempt.id }, { problemId: timedId }, { problemId: timedId, mode: 'run' },
          { problemId: timedId, attemptId: attempt.id, mode: 'run' },
        ]) {
          const res = await post(ann, body);
          assert.deepEqual([res.statusCode, res.json().code], [409, 'ATTEMPT_ENDED'], JSON.stringify(body));
          assert.match(res.json().message, /time/i);
        }
        // After the sweep wrote the end ('deadline') it stays refused, and re-opening does not restart the clock.
        await t.runtime.core.proctoring.deadlines.sweepDeadlines();
        const reopened = await startAttempt(t, ann.headers, timedId);
        assert.deepEqual([reopened.attempt.id, reopened.attempt.status], [attempt.id, 'ended']);
        const later = await post(ann, { problemId: timedId, attemptId: attempt.id });
        assert.equal(later.json().code, 'ATTEMPT_ENDED');
        const mine = (await submissionsOf(ann.id)).filter((s) => s.autoSubmitted === 0);
        assert.equal(mine.length, before, 'nothing stored');
        const solved = await db().selectFrom('solved').selectAll().where('userId', '=', ann.id).where('problemId', '=', timedId).execute();
        assert.equal(solved.length, 0, 'no solved mark');
      } finally {
        clock.reset();
      }
    });

    it('a timed practice problem a rule ended stays ended: a reload does not resume it, Submit is refused', async () => {
      const strictId = await importProblem(t, admin, { slug: 'g-timed-strict', title: 'Timed, strict', timedDurationSec: 600 });
      const override = { ...DEFAULT_PROCTOR_SETTINGS, enabled: true, allowedTabSwitches: 0, actionOnBreach: 'end_attempt' as const };
      await ok(t, 'PUT', `/api/teacher/problems/${strictId}/proctor-settings`, admin, { override });
      const { attempt } = await startAttempt(t, ben.headers, strictId);
      assert.equal((await postEvents(t, ben.headers, [event(strictId, attempt.id, 'tab_hidden')])).statusCode, 202);
      const reloaded = await startAttempt(t, ben.headers, strictId);
      assert.deepEqual([reloaded.attempt.id, reloaded.attempt.status], [attempt.id, 'ended']);
      for (const body of [{ problemId: strictId, attemptId: attempt.id }, { problemId: strictId }]) {
        const res = await post(ben, body);
        assert.deepEqual([res.statusCode, res.json().code], [409, 'ATTEMPT_ENDED'], JSON.stringify(body));
      }
    });

    it('a problem a rule ended refuses both routes, and the score stays 102 (the issue\'s 102 -> 202)', async () => {
      const ending = { ...DEFAULT_PROCTOR_SETTINGS, allowedTabSwitches: 0, actionOnBreach: 'end_attempt' as const };
      const body = assessmentBody(classId, [practiceId, otherId], { proctoring: ending });
      body.problems = [{ problemId: practiceId, points: 100 }, { problemId: otherId, points: 100 }];
      const id = await publishedAssessment(t, teacher, body);
      await ok(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
      await ok(t, 'POST', `/api/assessments/${id}/problems/${practiceId}/open`, ann.headers);
      await judge(t, await submit(t, ann, id, practiceId), 100);
      const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${otherId}/open`, ann.headers);
      await judge(t, await submit(t, ann, id, otherId), 2);
      const total = async () => (await ok(t, 'GET', `/api/assessments/${id}/scoreboard`, teacher)).rows.find((r: { userId: number }) => r.userId === ann.id).totalPoints;
      assert.equal(await total(), 102);

      // Her editor holds better code, then a tab switch: the rule ends her attempt at the second problem.
      const better = event(otherId, opened.session.attempt.id, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content: 'print(3)\n' });
      assert.equal((await postEvents(t, ann.headers, [better, event(otherId, opened.session.attempt.id, 'tab_hidden')])).statusCode, 202);
      const before = (await submissionsOf(ann.id)).length;
      const viaAssessment = await inject(t, 'POST', `/api/assessments/${id}/problems/${otherId}/submissions`, ann.headers, { language: 'python', code: 'print(3)', mode: 'submit' });
      assert.deepEqual([viaAssessment.statusCode, viaAssessment.json().code], [409, 'ATTEMPT_ENDED']);
      const generic = await post(ann, { problemId: otherId, attemptId: opened.session.attempt.id });
      assert.deepEqual([generic.statusCode, generic.json().code], [409, 'ATTEMPT_ENDED'], generic.body);
      assert.match(generic.json().message, /rule/);
      assert.equal((await submissionsOf(ann.id)).length, before, 'nothing stored');

      // A row that slipped past the guard (made before it existed, or by a bug) is not scored either: the scorer
      // re-checks that it was made inside its session, before the rule's end.
      const slipped = await db().insertInto('submissions').values({
        userId: ann.id, problemId: otherId, language: 'python', mode: 'submit', status: 'queued', verdict: null, score: null,
        code: 'print(3)', customInput: null, compileOutput: null, testCount: 0, maxCpuMs: null, maxMemoryKb: null,
        attemptId: opened.session.attempt.id, autoSubmitted: 0, createdAtMs: Date.now() + 1000, startedAtMs: null, finishedAtMs: null,
      }).executeTakeFirstOrThrow();
      await judge(t, Number(slipped.insertId), 100);
      // Nor one filed under her first problem's session for another problem.
      const firstSession = await db().selectFrom('problemSessions').select('id').where('assessmentId', '=', id).where('problemId', '=', practiceId).executeTakeFirstOrThrow();
      const crossed = await db().insertInto('submissions').values({
        userId: ann.id, problemId: otherId, language: 'python', mode: 'submit', status: 'queued', verdict: null, score: null,
        code: 'print(3)', customInput: null, compileOutput: null, testCount: 0, maxCpuMs: null, maxMemoryKb: null,
        attemptId: firstSession.id, autoSubmitted: 0, createdAtMs: Date.now(), startedAtMs: null, finishedAtMs: null,
      }).executeTakeFirstOrThrow();
      await judge(t, Number(crossed.insertId), 100);
      assert.equal(await total(), 102, 'still 102');
      // At the end, the deadline sweep submits the other problems' code but not the one the rule ended.
      await ok(t, 'POST', `/api/assessments/${id}/finish`, ann.headers);
      await t.runtime.core.proctoring.deadlines.sweepDeadlines();
      const autos = await db().selectFrom('submissions').select('id').where('attemptId', '=', opened.session.attempt.id).where('autoSubmitted', '=', 1).execute();
      assert.equal(autos.length, 0, 'no auto-submit for a rule-ended problem');
      assert.equal(await total(), 102, 'still 102 after the end');
    });

    it('once the assessment\'s clock ends (time up, or handed in), both routes refuse', async () => {
      const clock = controlClock(t);
      try {
        const id = await publishedAssessment(t, teacher, assessmentBody(classId, [practiceId, otherId], { durationMs: 2 * MINUTE_MS }));
        await ok(t, 'POST', `/api/assessments/${id}/start`, ben.headers, { consent: true });
        const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${practiceId}/open`, ben.headers);
        const sessionId = opened.session.attempt.id as number;
        const running = await post(ben, { problemId: practiceId, attemptId: sessionId });
        assert.equal(running.statusCode, 202, 'the generic route with the running attempt works');
        clock.advance(3 * MINUTE_MS);
        const before = (await submissionsOf(ben.id)).length;
        const viaAssessment = await inject(t, 'POST', `/api/assessments/${id}/problems/${practiceId}/submissions`, ben.headers, { language: 'python', code: 'print(3)', mode: 'submit' });
        assert.deepEqual([viaAssessment.statusCode, viaAssessment.json().code], [409, 'ATTEMPT_ENDED']);
        const generic = await post(ben, { problemId: practiceId, attemptId: sessionId });
        assert.deepEqual([generic.statusCode, generic.json().code], [409, 'ATTEMPT_ENDED'], generic.body);
        assert.equal((await submissionsOf(ben.id)).length, before, 'nothing stored');
        clock.reset();

        // Handed in early: the clock stops at once, for both routes.
        const early = await publishedAssessment(t, teacher, assessmentBody(classId, [practiceId, otherId]));
        await ok(t, 'POST', `/api/assessments/${early}/start`, ben.headers, { consent: true });
        const o2 = await ok(t, 'POST', `/api/assessments/${early}/problems/${otherId}/open`, ben.headers);
        await ok(t, 'POST', `/api/assessments/${early}/finish`, ben.headers);
        const after = await post(ben, { problemId: otherId, attemptId: o2.session.attempt.id });
        assert.deepEqual([after.statusCode, after.json().code], [409, 'ATTEMPT_ENDED'], after.body);
      } finally {
        clock.reset();
      }
    });

    it('the deadline sweep (the server\'s own exception) still auto-submits the latest code', async () => {
      const { attempt } = await startAttempt(t, ben.headers, timedId);
      const res = await postEvents(t, ben.headers, [event(timedId, attempt.id, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content: 'print(7)\n' })]);
      assert.equal(res.json().accepted, 1, res.body);
      await db().updateTable('problemSessions').set({ deadlineAtMs: Date.now() - 1 }).where('id', '=', attempt.id).execute();
      assert.ok(await t.runtime.core.proctoring.deadlines.sweepDeadlines() >= 1);
      const auto = await db().selectFrom('submissions').selectAll().where('attemptId', '=', attempt.id).where('autoSubmitted', '=', 1).executeTakeFirstOrThrow();
      assert.equal(auto.code, 'print(7)\n');
    });
  });
}

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DEFAULT_PROCTOR_SETTINGS } from '@logicode/contracts';
import { DEFAULT_RETENTION, runRetention, SOCKET_EMIT_CHANNEL, type SocketEmitMessage } from '@logicode/core';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, postEvents } from '../proctor/helpers.js';
import {
  MINUTE_MS, assessmentBody, classWith, controlClock, inject, ok, publishedAssessment, twoProblems, type Headers, type Person,
} from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`taking an assessment: one server clock [${dialect}]`, () => {
    let t: TestApp;
    let teacher: Headers;
    let students: Person[];
    let problems: [number, number];
    let classId: number;
    let clock: ReturnType<typeof controlClock>;

    before(async () => {
      t = await createTestApp(dialect);
      const admin = (await t.userWithRole('admin')).headers;
      teacher = (await t.userWithRole('teacher')).headers;
      students = [];
      for (const name of ['Ann', 'Ben', 'Cat', 'Dan']) students.push(await t.userWithRole('student', name));
      problems = await twoProblems(t, admin);
      classId = await classWith(t, teacher, students);
      clock = controlClock(t);
    });
    afterEach(() => clock.advance(0));
    after(async () => {
      clock.reset();
      await t.close();
    });
    const db = () => t.runtime.db.db;
    // The client stamps events with its clock; here it shares the server's (test) clock, which the tests move
    // forward: the server refuses client times outside the attempt's window on its own clock (attempt-guard.ts).
    const onServerClock = <T extends { clientTsMs: number }>(e: T): T => ({ ...e, clientTsMs: clock.now() });

    it('each clock starts at the student\'s start, gets extra time, and never runs past the window\'s end', async () => {
      const [ann, ben, cat] = students as [Person, Person, Person];
      const now = clock.now();
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, {
        windowStartAtMs: now - MINUTE_MS, windowEndAtMs: now + 40 * MINUTE_MS, durationMs: 20 * MINUTE_MS,
        accommodations: [{ userId: ben.id, extraTimeMs: 10 * MINUTE_MS }, { userId: cat.id, extraTimeMs: 10 * MINUTE_MS }],
      }));
      const annAttempt = await ok(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
      assert.equal(annAttempt.deadlineAtMs - annAttempt.startedAtMs, 20 * MINUTE_MS, 'the duration, from her start');
      assert.equal(annAttempt.status, 'active');
      assert.ok(Math.abs(annAttempt.serverNowMs - clock.now()) < 5000);

      clock.advance(5 * MINUTE_MS);
      const benAttempt = await ok(t, 'POST', `/api/assessments/${id}/start`, ben.headers, { consent: true });
      assert.equal(benAttempt.deadlineAtMs - benAttempt.startedAtMs, 30 * MINUTE_MS, 'duration + his extra time');
      assert.ok(benAttempt.startedAtMs >= annAttempt.startedAtMs + 5 * MINUTE_MS);

      clock.advance(10 * MINUTE_MS); // 25 minutes of the window left: duration + extra (30) is capped at its end
      const catAttempt = await ok(t, 'POST', `/api/assessments/${id}/start`, cat.headers, { consent: true });
      assert.equal(catAttempt.deadlineAtMs, now + 40 * MINUTE_MS, 'capped at the window\'s end');

      // A running attempt's extra time can be raised; it is still capped at the window's end.
      await ok(t, 'PUT', `/api/assessments/${id}/accommodations`, teacher, { accommodations: [{ userId: ann.id, extraTimeMs: 5 * MINUTE_MS }, { userId: cat.id, extraTimeMs: 10 * MINUTE_MS }] });
      const annLater = await ok(t, 'GET', `/api/assessments/${id}/attempt`, ann.headers);
      assert.equal(annLater.deadlineAtMs, annAttempt.deadlineAtMs + 5 * MINUTE_MS);
      const benLater = await ok(t, 'GET', `/api/assessments/${id}/attempt`, ben.headers);
      assert.equal(benLater.deadlineAtMs, benAttempt.startedAtMs + 20 * MINUTE_MS, 'his extra time was taken out of the list');

      const live = await ok(t, 'GET', `/api/assessments/${id}/live`, teacher);
      const row = (name: string) => live.students.find((s: { name: string }) => s.name === name);
      assert.equal(row('Ann').state, 'in_progress');
      assert.equal(row('Ann').timeLeftMs, annLater.deadlineAtMs - live.serverNowMs);
      assert.equal(row('Cat').extraTimeMs, 10 * MINUTE_MS);
      assert.equal(row('Dan').state, 'not_started');
      assert.equal(row('Dan').timeLeftMs, null);

      // Past Ann's deadline her attempt has ended, with nothing written by any client.
      clock.advance(annLater.deadlineAtMs - clock.now() + 1000);
      const over = await ok(t, 'GET', `/api/assessments/${id}/attempt`, ann.headers);
      assert.deepEqual([over.status, over.endReason, over.endedAtMs], ['ended', 'deadline', annLater.deadlineAtMs]);
      assert.equal((await inject(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/open`, ann.headers)).json().code, 'ATTEMPT_ENDED');
      assert.equal((await inject(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/submissions`, ann.headers, { language: 'python', code: 'print(3)' })).json().code, 'ATTEMPT_ENDED');
      assert.equal((await ok(t, 'GET', `/api/assessments/${id}/live`, teacher)).students.find((s: { name: string }) => s.name === 'Ann').timeLeftMs, 0);
      // And past the window's end nobody can start.
      clock.advance(now + 40 * MINUTE_MS - clock.now());
      const late = await inject(t, 'POST', `/api/assessments/${id}/start`, students[3]!.headers, { consent: true });
      assert.equal(late.json().code, 'ASSESSMENT_NOT_OPEN');
      clock.reset();
      clock = controlClock(t);
    });

    it('a reload or a second device continues the same attempt; it cannot be restarted', async () => {
      const [ann] = students as [Person];
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { durationMs: 10 * MINUTE_MS }));
      const first = await ok(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
      clock.advance(2 * MINUTE_MS);
      const again = await ok(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
      assert.deepEqual([again.id, again.startedAtMs, again.deadlineAtMs], [first.id, first.startedAtMs, first.deadlineAtMs]);
      // Two devices opening the same problem share one proctoring attempt, with the assessment's deadline.
      const openA = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[1]}/open`, ann.headers);
      const openB = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[1]}/open`, ann.headers);
      assert.equal(openA.session.attempt.id, openB.session.attempt.id);
      assert.equal(Date.parse(openA.session.attempt.deadlineAt), first.deadlineAtMs);
      assert.equal(openA.problem.title, 'Sum, "B", hidden', 'an unpublished problem is shown inside the assessment');
      assert.equal(openA.problem.isPublished, false);
      assert.equal((await inject(t, 'GET', `/api/problems/${problems[1]}`, ann.headers)).statusCode, 404, 'but not in the catalogue');
      // An assessment's proctoring attempt is not the practice one.
      const practice = await ok(t, 'POST', '/api/proctor/attempts', ann.headers, { problemId: problems[0] });
      const inAssessment = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/open`, ann.headers);
      assert.notEqual(practice.attempt.id, inAssessment.session.attempt.id);

      const attempt = await ok(t, 'GET', `/api/assessments/${id}/attempt`, ann.headers);
      assert.deepEqual(attempt.problems.map((p: { progress: string }) => p.progress), ['opened', 'opened']);
      assert.equal(attempt.earnedPoints, null, 'results are hidden');

      const done = await ok(t, 'POST', `/api/assessments/${id}/finish`, ann.headers);
      assert.deepEqual([done.status, done.endReason], ['ended', 'submitted']);
      const restart = await inject(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
      assert.equal(restart.statusCode, 409);
      assert.equal(restart.json().code, 'ATTEMPT_ENDED');
      const rows = await db().selectFrom('assessmentAttempts').selectAll().where('assessmentId', '=', id).execute();
      assert.equal(rows.length, 1, 'one attempt per student, ever');
      // Handing in ends both opened problems' proctoring attempts at once; nothing was typed, so nothing is submitted.
      assert.equal(await t.runtime.core.proctoring.deadlines.sweepDeadlines(), 2);
      const sessions = await db().selectFrom('problemSessions').selectAll().where('assessmentId', '=', id).execute();
      assert.deepEqual(sessions.map((s) => [s.endReason, s.autoSubmissionId]), [['deadline', 0], ['deadline', 0]]);
    });

    it('at the deadline the server submits the last saved code of each opened problem, with no client connected', async () => {
      const [, ben, cat] = students as [Person, Person, Person];
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { durationMs: 5 * MINUTE_MS, showResultsToStudents: true }));
      const attempt = await ok(t, 'POST', `/api/assessments/${id}/start`, ben.headers, { consent: true });
      const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/open`, ben.headers);
      const proctorId = opened.session.attempt.id as number;
      const saved = await postEvents(t, ben.headers, [
        onServerClock(event(problems[0], proctorId, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content: 'a, b = map(int, input().split())\nprint(0)\n' })),
        onServerClock(event(problems[0], proctorId, 'code_snapshot', { kind: 'diff', seq: 2, baseSeq: 1, language: 'python', edits: [{ from: 39, to: 40, text: 'a + b' }] })),
      ]);
      assert.equal(saved.statusCode, 202, saved.body);
      // Cat starts too, opens nothing, and leaves.
      await ok(t, 'POST', `/api/assessments/${id}/start`, cat.headers, { consent: true });

      // The browser is gone: no heartbeat, no finish. The server's clock passes the deadline.
      assert.equal(await t.runtime.core.proctoring.deadlines.sweepDeadlines(), 0, 'nothing is due yet');
      clock.advance(attempt.deadlineAtMs - clock.now() + 1);
      const pushed: string[] = [];
      const unsubscribe = await t.runtime.platform.pubsub.subscribe(SOCKET_EMIT_CHANNEL, (raw) => {
        const m = raw as SocketEmitMessage<'assessment:update'>;
        if (m.event === 'assessment:update' && m.room === `feed:assessment:${id}`) pushed.push(`${m.payload.userId}:${m.payload.kind}`);
      });
      assert.equal(await t.runtime.core.proctoring.deadlines.sweepDeadlines(), 1);
      await unsubscribe();
      assert.deepEqual(pushed, [`${ben.id}:submission`], 'the teachers\' live view hears of it');
      assert.equal(await t.runtime.core.proctoring.deadlines.sweepDeadlines(), 0, 'submitted once');
      const subs = await db().selectFrom('submissions').selectAll().where('attemptId', '=', proctorId).execute();
      assert.equal(subs.length, 1);
      assert.equal(subs[0]!.code, 'a, b = map(int, input().split())\nprint(a + b)\n');
      assert.deepEqual([subs[0]!.autoSubmitted, subs[0]!.mode, subs[0]!.userId], [1, 'submit', ben.id]);
      const session = await db().selectFrom('problemSessions').selectAll().where('id', '=', proctorId).executeTakeFirstOrThrow();
      assert.deepEqual([session.isActive, session.endReason], [0, 'deadline']);

      const after = await ok(t, 'GET', `/api/assessments/${id}/attempt`, ben.headers);
      assert.deepEqual([after.status, after.endReason], ['ended', 'deadline']);
      assert.equal(after.problems[0].submissionCount, 1);
      assert.equal(after.earnedPoints, 0, 'shown after the end; the auto-submission is still queued');
    });

    it('closing early ends running attempts now and submits their last saved code', async () => {
      const [, , , dan] = students as [Person, Person, Person, Person];
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { durationMs: 30 * MINUTE_MS }));
      await ok(t, 'POST', `/api/assessments/${id}/start`, dan.headers, { consent: true });
      const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[1]}/open`, dan.headers);
      await postEvents(t, dan.headers, [onServerClock(event(problems[1], opened.session.attempt.id, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content: 'print(42)\n' }))]);
      const closed = await ok(t, 'POST', `/api/assessments/${id}/close`, teacher);
      assert.equal(closed.status, 'closed');
      assert.equal(await t.runtime.core.proctoring.deadlines.sweepDeadlines(), 1);
      const attempt = await ok(t, 'GET', `/api/assessments/${id}/attempt`, dan.headers);
      assert.deepEqual([attempt.status, attempt.endReason], ['ended', 'closed']);
      const sub = await db().selectFrom('submissions').selectAll().where('attemptId', '=', opened.session.attempt.id).executeTakeFirstOrThrow();
      assert.equal(sub.code, 'print(42)\n');
      const list = await ok(t, 'GET', '/api/assessments/mine', students[0]!.headers);
      assert.equal(list.items.find((a: { id: number }) => a.id === id).state, 'missed');
      assert.equal((await inject(t, 'POST', `/api/assessments/${id}/close`, teacher)).statusCode, 409);
    });

    it('the assessment\'s own proctoring rules apply to its attempts; retention keeps its attempts', async () => {
      const [ann] = students as [Person];
      const strict = { ...DEFAULT_PROCTOR_SETTINGS, allowedTabSwitches: 0, actionOnBreach: 'warn' as const };
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { proctoring: strict }));
      const shown = await ok(t, 'GET', `/api/assessments/${id}/student`, ann.headers);
      assert.deepEqual(shown.proctoring, strict, 'the consent notice shows the rules that apply');
      await ok(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
      const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/open`, ann.headers);
      assert.deepEqual(opened.session.settings, strict);
      // The global rules allow two tab switches; this assessment allows none: the first one is flagged.
      const res = await postEvents(t, ann.headers, [onServerClock(event(problems[0], opened.session.attempt.id, 'tab_hidden'))]);
      assert.equal(res.statusCode, 202, res.body);
      const flags = await db().selectFrom('proctorFlags').selectAll().where('attemptId', '=', opened.session.attempt.id).execute();
      assert.deepEqual(flags.map((f) => [f.rule, f.action]), [['tab_switches', 'warn']]);
      await ok(t, 'PATCH', `/api/teacher/flags/${flags[0]!.id}`, teacher, { status: 'cleared', note: 'Checked the recording.' });

      // Long after, retention removes old ended practice attempts but not an assessment's (its scores hang on them).
      await ok(t, 'POST', `/api/assessments/${id}/finish`, ann.headers);
      await t.runtime.core.proctoring.deadlines.sweepDeadlines();
      const old = clock.now() - 400 * 24 * 3600_000;
      await db().updateTable('problemSessions').set({ endedAtMs: old, isActive: 0 }).where('assessmentId', '=', id).execute();
      await runRetention(t.runtime.core.deps, DEFAULT_RETENTION, { dryRun: false });
      const kept = await db().selectFrom('problemSessions').select('id').where('assessmentId', '=', id).execute();
      assert.equal(kept.length, 1);
    });

    it('a rule that ends the attempt ends that problem for good inside the assessment', async () => {
      const [, ben] = students as [Person, Person];
      const ending = { ...DEFAULT_PROCTOR_SETTINGS, allowedTabSwitches: 0, actionOnBreach: 'end_attempt' as const };
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { proctoring: ending }));
      await ok(t, 'POST', `/api/assessments/${id}/start`, ben.headers, { consent: true });
      const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/open`, ben.headers);
      assert.equal((await postEvents(t, ben.headers, [onServerClock(event(problems[0], opened.session.attempt.id, 'tab_hidden'))])).statusCode, 202);
      const reopened = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/open`, ben.headers);
      assert.deepEqual([reopened.session.attempt.id, reopened.session.attempt.status, reopened.session.attempt.endReason], [opened.session.attempt.id, 'ended', 'rule']);
      const refused = await inject(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/submissions`, ben.headers, { language: 'python', code: 'print(3)' });
      assert.equal(refused.json().code, 'ATTEMPT_ENDED');
      // The other problem, and the assessment's clock, go on.
      await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[1]}/submissions`, ben.headers, { language: 'python', code: 'print(3)' }, 202);
      assert.equal((await ok(t, 'GET', `/api/assessments/${id}/attempt`, ben.headers)).status, 'active');
    });
  });
}

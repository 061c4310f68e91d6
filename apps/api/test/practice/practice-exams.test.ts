import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_PROCTOR_SETTINGS } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assessmentBody, classWith, controlClock, ok, publishedAssessment, type Person } from '../assessments/helpers.js';
import { event, importProblem, postEvents, startAttempt, type Headers } from '../proctor/helpers.js';

/**
 * Practice and exams apart (issue 14, docs/proctoring.md "Practice and exams"): an untimed problem on its own is
 * practice, not recorded unless a teacher turns it on, and even then never flagged or scored as an exam; timed
 * problems and assessments are proctored.
 */
for (const dialect of TEST_DIALECTS) {
  describe(`practice and exams apart [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let teacher: Person;
    let student: Person;
    let practiceId: number;
    let timedId: number;

    const db = () => t.runtime.core.deps.db.db;
    const detail = async (id: number, who: Person) => ok(t, 'GET', `/api/problems/${id}`, who.headers);
    /** A cheater's burst: a huge paste, tab switches, a devtools shortcut. */
    const burst = (problemId: number, attemptId: number) => [
      event(problemId, attemptId, 'paste', { length: 4000, place: 'editor' }),
      event(problemId, attemptId, 'paste', { length: 900, place: 'editor' }),
      ...Array.from({ length: 4 }, () => event(problemId, attemptId, 'tab_hidden')),
      event(problemId, attemptId, 'devtools_shortcut', { key: 'F12' }),
    ];
    /** The students overview, computed afresh (it is shared for a few seconds: students-overview.ts). */
    let overviews = 0;
    const overviewRow = async (name: string) => {
      const clock = controlClock(t);
      overviews += 1;
      clock.advance(11_000 * overviews); // past the last one's shared life, whenever it was computed
      try {
        const page = await ok(t, 'GET', `/api/teacher/students?q=${encodeURIComponent(name)}`, teacher.headers);
        assert.equal(page.items.length, 1, JSON.stringify(page));
        return page.items[0];
      } finally {
        clock.reset();
      }
    };
    const stored = async (attemptId: number) => ({
      events: await db().selectFrom('proctorEvents').select(['type', 'severity']).where('attemptId', '=', attemptId).execute(),
      flags: await db().selectFrom('proctorFlags').select(['rule', 'severity']).where('attemptId', '=', attemptId).execute(),
      attempt: await db().selectFrom('problemSessions').select(['integrityScore', 'counters']).where('id', '=', attemptId).executeTakeFirstOrThrow(),
    });

    before(async () => {
      // A fresh runtime: no proctoring settings saved at all, as on a new install.
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      teacher = await t.userWithRole('teacher');
      student = await t.userWithRole('student', 'Pia Practice');
      practiceId = await importProblem(t, admin, { slug: 'practice-sum', title: 'Practice sum' });
      timedId = await importProblem(t, admin, { slug: 'timed-sum', title: 'Timed sum', timedDurationSec: 1800 });
    });
    after(() => t.close());

    it('a fresh install: an untimed problem is not proctored and needs no attempt to submit', async () => {
      assert.equal((await detail(practiceId, student)).proctored, false);
      const submitted = await ok(t, 'POST', '/api/submissions', student.headers,
        { problemId: practiceId, language: 'python', code: 'print(3)\n', mode: 'submit' }, 202);
      assert.ok(submitted.id > 0);
      const view = await ok(t, 'GET', `/api/teacher/problems/${practiceId}/proctor-settings`, teacher.headers);
      assert.equal(view.practice, true);
      assert.equal(view.override, null);
      assert.equal(view.effective.enabled, false, 'practice is not recorded by default');
      assert.deepEqual(view.global, DEFAULT_PROCTOR_SETTINGS, 'the global rules (exams) are unchanged');
      // Only staff choose: a student can neither read nor set a problem's rules (to record, or to dodge recording).
      const off = { ...DEFAULT_PROCTOR_SETTINGS, enabled: false };
      for (const id of [practiceId, timedId]) {
        const put = await t.app.inject({ method: 'PUT', url: `/api/teacher/problems/${id}/proctor-settings`, headers: student.headers, payload: { override: off } });
        assert.equal(put.statusCode, 403, put.body);
        assert.equal((await t.app.inject({ method: 'GET', url: `/api/teacher/problems/${id}/proctor-settings`, headers: student.headers })).statusCode, 403);
      }
      assert.equal((await detail(timedId, student)).proctored, true, 'the timed problem is still proctored');
    });

    it('events are not needed there: an attempt a client opens anyway records nothing that counts', async () => {
      // The web opens no attempt here (routes/problem.tsx); a hand-made client may, and is told recording is off.
      const { attempt, settings } = await startAttempt(t, student.headers, practiceId);
      assert.equal(settings.enabled, false);
      assert.equal(attempt.deadlineAt, null);
      const res = await postEvents(t, student.headers, burst(practiceId, attempt.id));
      assert.equal(res.statusCode, 202, res.body);
      const after = await stored(attempt.id);
      assert.deepEqual(after.flags, [], 'no flag');
      assert.ok(after.events.every((e) => e.severity === 'low' || e.severity === 'info'), JSON.stringify(after.events));
      assert.equal(after.attempt.integrityScore, 100);
    });

    it('a teacher turns recording on: proctored, events visible, but at most low and no integrity lost', async () => {
      const on = { ...DEFAULT_PROCTOR_SETTINGS, allowedTabSwitches: 0, largePasteChars: 50 };
      const set = await ok(t, 'PUT', `/api/teacher/problems/${practiceId}/proctor-settings`, teacher.headers, { override: on });
      assert.equal(set.effective.enabled, true);
      assert.equal(set.practice, true);
      assert.equal((await detail(practiceId, student)).proctored, true);

      const other = await t.userWithRole('student', 'Paul Paster');
      await classWith(t, teacher.headers, [other], 'Practice class'); // a teacher sees the students of their classes
      const { attempt, settings } = await startAttempt(t, other.headers, practiceId);
      assert.equal(settings.enabled, true, 'the client records');
      const res = await postEvents(t, other.headers, burst(practiceId, attempt.id));
      assert.equal(res.json().accepted, 7, res.body);
      const after = await stored(attempt.id);
      assert.equal(after.events.length, 7, 'recorded and kept');
      assert.deepEqual(after.flags, []);
      assert.deepEqual([...new Set(after.events.map((e) => e.severity))], ['low']);
      assert.equal(after.attempt.integrityScore, 100);
      assert.equal(JSON.parse(after.attempt.counters).largePaste, 2, 'the facts are counted');

      // The teacher sees the events, and the attempt's integrity is not lowered.
      const report = await ok(t, 'GET', `/api/teacher/students/${other.id}`, teacher.headers);
      const mine = report.attempts.find((a: { id: number }) => a.id === attempt.id);
      assert.equal(mine.counters.paste, 2);
      assert.deepEqual(mine.integrity, { score: 100, reasons: [] });
      assert.deepEqual(mine.flags, []);
      const events = await ok(t, 'GET', `/api/teacher/events?attemptId=${attempt.id}`, teacher.headers);
      assert.equal(events.items.length, 7);
      const high = await ok(t, 'GET', `/api/teacher/events?attemptId=${attempt.id}&minSeverity=medium`, teacher.headers);
      assert.equal(high.items.length, 0);

      // The students overview never ranks a student by practice pastes.
      const row = await overviewRow('Paul Paster');
      assert.equal(row.attempts, 1, 'the attempt is listed');
      assert.equal(row.paste, 0);
      assert.equal(row.tabHidden, 0);
      assert.equal(row.integrityScore, null, 'no exam attempt, no exam integrity');
      assert.equal(row.openFlags, 0);

      // Back to the default: not proctored again.
      await ok(t, 'PUT', `/api/teacher/problems/${practiceId}/proctor-settings`, teacher.headers, { override: null });
      assert.equal((await detail(practiceId, student)).proctored, false);
    });

    it('a timed problem is proctored under the global (exam) rules: a large paste is a high flag', async () => {
      assert.equal((await detail(timedId, student)).proctored, true);
      const view = await ok(t, 'GET', `/api/teacher/problems/${timedId}/proctor-settings`, teacher.headers);
      assert.equal(view.practice, false);
      assert.equal(view.effective.enabled, true);
      const { attempt, settings } = await startAttempt(t, student.headers, timedId);
      assert.equal(settings.enabled, true);
      assert.notEqual(attempt.deadlineAt, null);
      await postEvents(t, student.headers, [event(timedId, attempt.id, 'paste', { length: 4000, place: 'editor' })]);
      const after = await stored(attempt.id);
      assert.deepEqual(after.flags, [{ rule: 'large_paste', severity: 'high' }]);
      assert.ok(after.attempt.integrityScore < 100);
    });

    it('an assessment is proctored, even on an untimed practice problem, and its pastes count', async () => {
      const sitter = await t.userWithRole('student', 'Sam Sitter');
      const classId = await classWith(t, teacher.headers, [sitter]);
      const id = await publishedAssessment(t, teacher.headers, assessmentBody(classId, [practiceId]));
      await ok(t, 'POST', `/api/assessments/${id}/start`, sitter.headers, { consent: true });
      const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${practiceId}/open`, sitter.headers);
      assert.equal(opened.problem.proctored, true);
      assert.equal(opened.session.settings.enabled, true);
      const attemptId = opened.session.attempt.id as number;
      await postEvents(t, sitter.headers, [event(practiceId, attemptId, 'paste', { length: 4000, place: 'editor' })]);
      const after = await stored(attemptId);
      assert.deepEqual(after.flags, [{ rule: 'large_paste', severity: 'high' }]);
      assert.equal(after.attempt.integrityScore, 85);
      const row = await overviewRow('Sam Sitter');
      assert.equal(row.integrityScore, 85, 'an exam attempt does rank');
      assert.equal(row.paste, 1);
      // The same problem on its own is still practice.
      assert.equal((await detail(practiceId, sitter)).proctored, false);
    });
  });
}

// Issue 14, item 3 (evidence) and item 2's server rule: events and snapshots are taken only for the caller's running
// attempt, inside its window on the server's clock; an offline queue's flush within the grace is stored marked late;
// a large client clock skew is recorded and shown; a heartbeat gap never ends a timed or assessment attempt.
// The embedded path goes through HTTP; the scaled path's writer (what the stream consumer calls) is fed forged
// messages that never went through the api's check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ATTEMPT_TIMEOUT_MS, PROCTOR_LATE_GRACE_MS } from '@logicode/contracts';
import type { IngestMessage } from '@logicode/core';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, importProblem, postEvents, startAttempt } from '../proctor/helpers.js';
import {
  MINUTE_MS, assessmentBody, classWith, controlClock, ok, publishedAssessment, type Headers, type Person,
} from '../assessments/helpers.js';

const snapshot = (problemId: number, attemptId: number, clientTsMs: number, content = 'print(42)\n') => ({
  ...event(problemId, attemptId, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content }), clientTsMs,
});

for (const dialect of TEST_DIALECTS) {
  describe(`the attempt guard on events and snapshots [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let teacher: Headers;
    let ann: Person;
    let ben: Person;
    let practiceId: number;
    let timedId: number;
    let classId: number;

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      teacher = (await t.userWithRole('teacher')).headers;
      ann = await t.userWithRole('student', 'Ann');
      ben = await t.userWithRole('student', 'Ben');
      practiceId = await importProblem(t, admin, { slug: 'e-practice', title: 'Practice' });
      timedId = await importProblem(t, admin, { slug: 'e-timed', title: 'Timed', timedDurationSec: 300 });
      classId = await classWith(t, teacher, [ann, ben]);
    });
    after(() => t.close());
    const db = () => t.runtime.db.db;
    const storedFor = async (attemptId: number) => {
      const [events, snaps] = await Promise.all([
        db().selectFrom('proctorEvents').select(['id', 'late', 'clientTsMs']).where('attemptId', '=', attemptId).execute(),
        db().selectFrom('codeSnapshots').select(['id', 'late', 'clientTsMs']).where('attemptId', '=', attemptId).execute(),
      ]);
      return [...events, ...snaps];
    };

    it('events for another student\'s attempt are refused with a reason and not stored', async () => {
      const { attempt } = await startAttempt(t, ben.headers, practiceId);
      const res = await postEvents(t, ann.headers, [event(practiceId, attempt.id, 'paste', { length: 900, place: 'editor' }), snapshot(practiceId, attempt.id, Date.now())]);
      assert.equal(res.statusCode, 202);
      assert.equal(res.json().accepted, 0);
      assert.equal(res.json().rejected.length, 2);
      assert.match(res.json().rejected[0].reason, /not an attempt of yours/);
      assert.equal((await storedFor(attempt.id)).length, 0);
    });

    it('backdated (before the start, or 24 h ago) and future-dated events are refused; none is stored', async () => {
      const { attempt } = await startAttempt(t, ann.headers, practiceId);
      const startedAtMs = Date.parse((attempt as unknown as { startedAt: string }).startedAt);
      const res = await postEvents(t, ann.headers, [
        snapshot(practiceId, attempt.id, startedAtMs - 5 * MINUTE_MS),
        snapshot(practiceId, attempt.id, Date.now() - 24 * 3600 * 1000 + 60_000),
        { ...event(practiceId, attempt.id, 'tab_hidden'), clientTsMs: Date.now() + 10 * MINUTE_MS },
        event(practiceId, attempt.id, 'window_blur'),
      ]);
      const body = res.json();
      assert.equal(body.accepted, 1, res.body);
      assert.deepEqual(body.rejected.map((r: { index: number }) => r.index), [0, 1, 2]);
      assert.match(body.rejected[0].reason, /before the attempt started/);
      assert.match(body.rejected[1].reason, /before the attempt started/);
      assert.match(body.rejected[2].reason, /future/);
      assert.equal((await storedFor(attempt.id)).length, 1, 'only the honest event');
    });

    it('after the end: a flush within the grace is stored marked late and shown so; later, or recorded after the end, refused', async () => {
      const clock = controlClock(t);
      try {
        const { attempt } = await startAttempt(t, ann.headers, timedId);
        const deadlineMs = Date.parse(attempt.deadlineAt!);
        clock.advance(deadlineMs - Date.now() + 60_000); // one minute past the deadline (the sweep has not run)
        const typedBefore = snapshot(timedId, attempt.id, deadlineMs - 20_000, 'print(1)\n');
        const afterEnd = { ...event(timedId, attempt.id, 'tab_hidden'), clientTsMs: deadlineMs + 50_000 };
        const res = await postEvents(t, ann.headers, [typedBefore, afterEnd]);
        assert.equal(res.json().accepted, 1, res.body);
        assert.match(res.json().rejected[0].reason, /had ended when this was recorded/);
        const stored = await storedFor(attempt.id);
        assert.deepEqual(stored.map((r) => [r.id, Number(r.late)]), [[typedBefore.id, 1]]);
        const timeline = await ok(t, 'GET', `/api/teacher/attempts/${attempt.id}/timeline`, admin);
        const shown = timeline.events.find((e: { id: string }) => e.id === typedBefore.id);
        assert.equal(shown.late, true, 'the timeline marks it late');

        clock.advance(PROCTOR_LATE_GRACE_MS); // now past the grace
        const tooLate = snapshot(timedId, attempt.id, deadlineMs - 10_000, 'print(2)\n');
        const refused = await postEvents(t, ann.headers, [tooLate]);
        assert.equal(refused.json().accepted, 0);
        assert.match(refused.json().rejected[0].reason, /ended more than 120 s ago/);
        assert.equal((await storedFor(attempt.id)).length, 1, 'nothing more stored');
        // The auto-submit takes the code recorded before the end, not a forged later one.
        await t.runtime.core.proctoring.deadlines.sweepDeadlines();
        const auto = await db().selectFrom('submissions').select('code').where('attemptId', '=', attempt.id).executeTakeFirstOrThrow();
        assert.equal(auto.code, 'print(1)\n');
      } finally {
        clock.reset();
      }
    });

    it('a client clock 5 minutes behind: events are placed on the server clock, the skew is recorded and shown', async () => {
      const { attempt } = await startAttempt(t, ben.headers, practiceId);
      const skewMs = 5 * MINUTE_MS;
      const clientNow = Date.now() - skewMs;
      const res = await t.app.inject({
        method: 'POST', url: '/api/proctor/events', headers: ben.headers,
        payload: { sentAtMs: clientNow, events: [{ ...event(practiceId, attempt.id, 'window_blur'), clientTsMs: clientNow - 1000 }] },
      });
      assert.equal(res.json().accepted, 1, res.body);
      const [row] = await storedFor(attempt.id);
      assert.ok(Math.abs(Number(row!.clientTsMs) - (Date.now() - 1000)) < 5000, 'stored on the server clock');
      const detail = await ok(t, 'GET', `/api/teacher/students/${ben.id}`, admin);
      const report = detail.attempts.find((a: { id: number }) => a.id === attempt.id);
      assert.ok(report.clockSkewMs >= skewMs - 2000 && report.clockSkewMs <= skewMs + 5000, `clockSkewMs ${report.clockSkewMs}`);
      const timeline = await ok(t, 'GET', `/api/teacher/attempts/${attempt.id}/timeline`, admin);
      assert.equal(timeline.attempt.clockSkewMs, report.clockSkewMs);
      // Without the correction (no sentAtMs) the same wrong clock is outside the window: refused.
      const raw = await postEvents(t, ben.headers, [{ ...event(practiceId, attempt.id, 'window_focus'), clientTsMs: Date.parse((attempt as unknown as { startedAt: string }).startedAt) - skewMs }]);
      assert.equal(raw.json().accepted, 0);
      // A small skew is not recorded (an honest clock).
      const { attempt: other } = await startAttempt(t, ann.headers, practiceId);
      await t.app.inject({ method: 'POST', url: '/api/proctor/events', headers: ann.headers, payload: { sentAtMs: Date.now() - 3000, events: [event(practiceId, other.id, 'window_blur')] } });
      const row2 = await db().selectFrom('problemSessions').select('clockSkewMs').where('id', '=', other.id).executeTakeFirstOrThrow();
      assert.equal(row2.clockSkewMs, null);
    });

    it('a heartbeat gap longer than the time-out never ends a timed or assessment attempt: it shows as disconnected', async () => {
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, [practiceId]));
      await ok(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
      const opened = await ok(t, 'POST', `/api/assessments/${id}/problems/${practiceId}/open`, ann.headers);
      const { attempt: timed } = await startAttempt(t, ben.headers, timedId);
      const { attempt: untimed } = await startAttempt(t, ben.headers, practiceId);
      const ids = [opened.session.attempt.id as number, timed.id, untimed.id];
      await db().updateTable('problemSessions').set({ lastHeartbeatAtMs: Date.now() - ATTEMPT_TIMEOUT_MS - 60_000 }).where('id', 'in', ids).execute();
      await t.runtime.core.proctoring.attempts.sweepTimeouts();
      const rows = await db().selectFrom('problemSessions').select(['id', 'isActive', 'endReason']).where('id', 'in', ids).orderBy('id').execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      assert.deepEqual([byId.get(ids[0]!)!.isActive, byId.get(ids[0]!)!.endReason], [1, null], 'the assessment attempt runs on');
      assert.deepEqual([byId.get(ids[1]!)!.isActive, byId.get(ids[1]!)!.endReason], [1, null], 'the timed attempt runs on');
      assert.deepEqual([byId.get(ids[2]!)!.isActive, byId.get(ids[2]!)!.endReason], [0, 'timeout'], 'untimed practice may still time out');
      // The teacher sees "disconnected", not "ended".
      const sessions = await ok(t, 'GET', '/api/teacher/sessions', admin);
      const shown = sessions.items.find((s: { id: number }) => s.id === timed.id);
      assert.deepEqual([shown.status, shown.connected], ['active', false]);
      const live = await ok(t, 'GET', `/api/assessments/${id}/live`, teacher);
      const row = live.students.find((s: { userId: number }) => s.userId === ann.id);
      assert.deepEqual([row.state, row.connected], ['in_progress', false]);
      // The student comes back: a heartbeat reconnects, Submit works.
      const hb = await ok(t, 'POST', `/api/proctor/attempts/${timed.id}/heartbeat`, ben.headers, {});
      assert.equal(hb.status, 'active');
      const back = await ok(t, 'GET', '/api/teacher/sessions', admin);
      assert.equal(back.items.find((s: { id: number }) => s.id === timed.id).connected, true);
      const made = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: ben.headers, payload: { problemId: timedId, attemptId: timed.id, language: 'python', code: 'print(1)', mode: 'submit' } });
      assert.equal(made.statusCode, 202, made.body);
    });

    it('the scaled path: the writer the stream consumer calls refuses the same events (forged or stale messages)', async () => {
      const { attempt } = await startAttempt(t, ann.headers, practiceId);
      const earlier = new Set((await storedFor(attempt.id)).map((r) => r.id)); // her open attempt, resumed
      const writer = t.runtime.core.proctoring.writer;
      const now = Date.now();
      // A message claiming Ben sent events for Ann's attempt (never went through the api's check).
      const forged: IngestMessage = { userId: ben.id, receivedAtMs: now, events: [event(practiceId, attempt.id, 'tab_hidden') as never] };
      assert.equal((await writer.persist([forged])).stored, 0);
      // Backdated and future snapshots in a message of her own.
      const dated: IngestMessage = {
        userId: ann.id, receivedAtMs: now,
        events: [snapshot(practiceId, attempt.id, now - 24 * 3600 * 1000) as never, snapshot(practiceId, attempt.id, now + 10 * MINUTE_MS) as never],
      };
      assert.equal((await writer.persist([dated])).stored, 0);
      // The attempt ended while the batch waited: judged at the api's receipt, so it is stored (late if after the end)...
      const waiting: IngestMessage = { userId: ann.id, receivedAtMs: Date.now(), events: [event(practiceId, attempt.id, 'window_blur') as never] };
      await ok(t, 'POST', `/api/proctor/attempts/${attempt.id}/end`, ann.headers, {});
      assert.equal((await writer.persist([waiting])).stored, 1);
      // ...but one received long after the end is not.
      const endedAtMs = Number((await db().selectFrom('problemSessions').select('endedAtMs').where('id', '=', attempt.id).executeTakeFirstOrThrow()).endedAtMs);
      const stale: IngestMessage = {
        userId: ann.id, receivedAtMs: endedAtMs + PROCTOR_LATE_GRACE_MS + 1000, events: [{ ...event(practiceId, attempt.id, 'paste', { length: 5000, place: 'editor' }), clientTsMs: endedAtMs - 1000 } as never],
      };
      assert.equal((await writer.persist([stale])).stored, 0);
      const stored = (await storedFor(attempt.id)).filter((r) => !earlier.has(r.id));
      assert.deepEqual(stored.map((r) => [r.id, Number(r.late)]), [[waiting.events[0]!.id, 0]]);
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, importProblem, postEvents, startAttempt, type Headers } from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`proctor rules, flags and teacher API [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let teacher: { id: number; headers: Headers };
    let student: { id: number; headers: Headers };
    let problemId: number;
    let strictProblemId: number;

    before(async () => {
      // These views for one teacher over every student; who sees whom is apps/api/test/scope's (docs/access.md).
      t = await createTestApp(dialect, { TEACHER_SCOPE: 'all' });
      admin = (await t.userWithRole('admin')).headers;
      teacher = await t.userWithRole('teacher');
      student = await t.userWithRole('student');
      // Timed: exam rules. Untimed practice is observed only (apps/api/test/practice).
      problemId = await importProblem(t, admin, { timedDurationSec: 3600 });
      strictProblemId = await importProblem(t, admin, { slug: 'strict-one', title: 'Strict', timedDurationSec: 3600 });
    });
    after(() => t.close());

    it('reads and writes global and per-problem settings; students may not', async () => {
      const denied = await t.app.inject({ method: 'GET', url: '/api/teacher/proctor-settings', headers: student.headers });
      assert.equal(denied.statusCode, 403);
      const global = { enabled: true, allowedTabSwitches: 1, largePasteChars: 50, fullscreenRequired: false, idleLimitSec: 120, actionOnBreach: 'flag' };
      const put = await t.app.inject({ method: 'PUT', url: '/api/teacher/proctor-settings', headers: admin, payload: global }); // the global rules are the admin's
      assert.equal(put.statusCode, 200, put.body);
      const strict = { ...global, allowedTabSwitches: 0, fullscreenRequired: true, actionOnBreach: 'end_attempt' };
      const set = await t.app.inject({ method: 'PUT', url: `/api/teacher/problems/${strictProblemId}/proctor-settings`, headers: teacher.headers, payload: { override: strict } });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(set.json().effective, strict);
      const view = await t.app.inject({ method: 'GET', url: `/api/teacher/problems/${problemId}/proctor-settings`, headers: teacher.headers });
      assert.deepEqual(view.json(), { global, override: null, effective: global, practice: false });
      const bad = await t.app.inject({ method: 'PUT', url: '/api/teacher/proctor-settings', headers: admin, payload: { ...global, actionOnBreach: 'explode' } });
      assert.equal(bad.statusCode, 400);
    });

    it('rules produce the configured flags, counters and integrity score', async () => {
      const { attempt, settings } = await startAttempt(t, student.headers, problemId);
      assert.equal(settings.allowedTabSwitches, 1);
      const res = await postEvents(t, student.headers, [
        event(problemId, attempt.id, 'tab_hidden'), event(problemId, attempt.id, 'tab_visible', { hiddenMs: 3000 }),
        event(problemId, attempt.id, 'tab_hidden'),
        event(problemId, attempt.id, 'paste', { length: 49, place: 'editor' }),
        event(problemId, attempt.id, 'paste', { length: 80, place: 'editor' }),
        event(problemId, attempt.id, 'fullscreen_exit'),
        event(problemId, attempt.id, 'idle_end', { idleMs: 121_000 }),
      ]);
      assert.equal(res.json().accepted, 7);
      const detail = await t.app.inject({ method: 'GET', url: `/api/teacher/students/${student.id}`, headers: teacher.headers });
      assert.equal(detail.statusCode, 200, detail.body);
      const report = detail.json().attempts.find((a: { id: number }) => a.id === attempt.id);
      assert.deepEqual(report.flags.map((f: { rule: string }) => f.rule).sort(), ['idle_limit', 'large_paste', 'tab_switches']);
      assert.ok(report.flags.every((f: { action: string; status: string }) => f.action === 'flag' && f.status === 'open'));
      assert.equal(report.counters.tabHidden, 2);
      assert.equal(report.counters.hiddenMs, 3000);
      assert.equal(report.integrity.score, 100 - 5 - 15 - 5);
      assert.equal(report.status, 'active');
    });

    it('end_attempt ends the attempt on a breach (and a teacher still reviews it)', async () => {
      const { attempt } = await startAttempt(t, student.headers, strictProblemId);
      await postEvents(t, student.headers, [event(strictProblemId, attempt.id, 'fullscreen_exit')]);
      const beat = await t.app.inject({ method: 'POST', url: `/api/proctor/attempts/${attempt.id}/heartbeat`, headers: student.headers });
      assert.equal(beat.statusCode, 200, beat.body);
      assert.equal(beat.json().status, 'ended');
      assert.equal(beat.json().endReason, 'rule');
      const flags = await t.app.inject({ method: 'GET', url: `/api/teacher/flags?userId=${student.id}&status=open`, headers: teacher.headers });
      const mine = flags.json().items.filter((f: { attemptId: number }) => f.attemptId === attempt.id);
      assert.deepEqual(mine.map((f: { rule: string; action: string }) => [f.rule, f.action]), [['fullscreen_exit', 'end_attempt']]);
    });

    it('teachers clear and annotate flags with an audit trail; raw events stay', async () => {
      const flags = (await t.app.inject({ method: 'GET', url: '/api/teacher/flags', headers: teacher.headers })).json().items;
      const flag = flags[0];
      const cleared = await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${flag.id}`, headers: teacher.headers, payload: { status: 'cleared', note: 'Talked to the student: a notification popped up.' } });
      assert.equal(cleared.statusCode, 200, cleared.body);
      assert.equal(cleared.json().status, 'cleared');
      assert.equal(cleared.json().reviewedBy, teacher.id);
      await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${flag.id}`, headers: teacher.headers, payload: { note: 'Checked again.' } });
      const timeline = await t.app.inject({ method: 'GET', url: `/api/teacher/attempts/${flag.attemptId}/timeline`, headers: teacher.headers });
      assert.equal(timeline.statusCode, 200, timeline.body);
      assert.deepEqual(timeline.json().audit.map((a: { action: string }) => a.action), ['clear', 'annotate']);
      assert.ok(timeline.json().events.length >= 1);
      const studentTry = await t.app.inject({ method: 'PATCH', url: `/api/teacher/flags/${flag.id}`, headers: student.headers, payload: { status: 'cleared', note: 'x' } });
      assert.equal(studentTry.statusCode, 403);
    });

    it('lists events with filters and cursor pagination, and dashboard numbers', async () => {
      const { attempt } = await startAttempt(t, student.headers, problemId);
      await postEvents(t, student.headers, Array.from({ length: 7 }, () => event(problemId, attempt.id, 'right_click', { place: 'editor' })));
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/teacher/events?type=right_click&userId=${student.id}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = (await t.app.inject({ method: 'GET', url, headers: teacher.headers })).json();
        page.items.forEach((e: { id: string; type: string }) => {
          assert.equal(e.type, 'right_click');
          seen.add(e.id);
        });
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      assert.equal(seen.size, 7);
      assert.equal(pages, 3);
      const high = (await t.app.inject({ method: 'GET', url: '/api/teacher/events?minSeverity=high', headers: teacher.headers })).json();
      assert.ok(high.items.length >= 1 && high.items.every((e: { severity: string }) => e.severity === 'high'));
      const dash = (await t.app.inject({ method: 'GET', url: '/api/teacher/dashboard', headers: teacher.headers })).json();
      assert.ok(dash.students >= 1 && dash.activeNow >= 1 && dash.flaggedAttemptsToday >= 2 && dash.eventsToday >= 15, JSON.stringify(dash));
      const sessions = (await t.app.inject({ method: 'GET', url: '/api/teacher/sessions', headers: teacher.headers })).json();
      assert.ok(sessions.items.some((s: { id: number; userName: string }) => s.id === attempt.id && s.userName.length > 0));
    });
  });
}

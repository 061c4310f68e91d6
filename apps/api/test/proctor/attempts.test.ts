import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ATTEMPT_TIMEOUT_MS } from '@logicode/contracts';
import { DEFAULT_RETENTION, runRetention } from '@logicode/core';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, importProblem, postEvents, startAttempt, type Headers } from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`proctor attempts, timers and retention [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let student: { id: number; headers: Headers };
    let problemId: number;
    let timedId: number;

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      student = await t.userWithRole('student');
      problemId = await importProblem(t, admin);
      timedId = await importProblem(t, admin, { slug: 'timed-one', title: 'Timed', timedDurationSec: 600 });
    });
    after(() => t.close());
    const db = () => t.runtime.db.db;

    it('a reload resumes the attempt; leaving ends it; a silent attempt times out', async () => {
      const first = await startAttempt(t, student.headers, problemId);
      const again = await startAttempt(t, student.headers, problemId);
      assert.equal(again.attempt.id, first.attempt.id);
      assert.equal(first.attempt.deadlineAt, null);
      const left = await t.app.inject({ method: 'POST', url: `/api/proctor/attempts/${first.attempt.id}/end`, headers: { ...student.headers, 'content-type': 'text/plain;charset=UTF-8' }, payload: '' });
      assert.equal(left.statusCode, 200, left.body);
      assert.equal(left.json().endReason, 'left');
      const next = await startAttempt(t, student.headers, problemId);
      assert.notEqual(next.attempt.id, first.attempt.id);
      await db().updateTable('problemSessions').set({ lastHeartbeatAtMs: Date.now() - ATTEMPT_TIMEOUT_MS - 1000 }).where('id', '=', next.attempt.id).execute();
      assert.ok((await t.runtime.core.proctoring.attempts.sweepTimeouts()) >= 1);
      const row = await db().selectFrom('problemSessions').selectAll().where('id', '=', next.attempt.id).executeTakeFirstOrThrow();
      assert.equal(row.isActive, 0);
      assert.equal(row.endReason, 'timeout');
    });

    it('a heartbeat is written behind, a statement for many; after a long silence at once', async () => {
      const { attempt } = await startAttempt(t, student.headers, problemId);
      const stored = async () => Number((await db().selectFrom('problemSessions').select('lastHeartbeatAtMs').where('id', '=', attempt.id).executeTakeFirstOrThrow()).lastHeartbeatAtMs);
      const beat = (body: object = {}) => t.app.inject({ method: 'POST', url: `/api/proctor/attempts/${attempt.id}/heartbeat`, headers: student.headers, payload: body });
      // 10 s ago: the attempt looks connected, so the next heartbeat waits for the flush.
      const earlier = Date.now() - 10_000;
      await db().updateTable('problemSessions').set({ lastHeartbeatAtMs: earlier }).where('id', '=', attempt.id).execute();
      const res = await beat({ language: 'python' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(await stored(), earlier, 'not written per heartbeat');
      await t.runtime.core.proctoring.attempts.flushHeartbeats();
      assert.ok((await stored()) >= Date.now() - 2000, 'written at the flush (to the second)');
      const row = await db().selectFrom('problemSessions').select('language').where('id', '=', attempt.id).executeTakeFirstOrThrow();
      assert.equal(row.language, 'python');
      // The attempt looked disconnected (stored time older than the time-out): the heartbeat is written at once.
      await db().updateTable('problemSessions').set({ lastHeartbeatAtMs: Date.now() - ATTEMPT_TIMEOUT_MS - 1000 }).where('id', '=', attempt.id).execute();
      assert.equal((await beat()).statusCode, 200);
      assert.ok((await stored()) >= Date.now() - 5000, 'a student back from a gap shows as connected at once');
    });

    it('a timed attempt is auto-submitted by the server after its deadline with no client connected', async () => {
      const { attempt } = await startAttempt(t, student.headers, timedId);
      const deadlineMs = Date.parse(attempt.deadlineAt!);
      assert.ok(Math.abs(deadlineMs - (Date.now() + 600_000)) < 5000);
      const reload = await startAttempt(t, student.headers, timedId);
      assert.equal(reload.attempt.deadlineAt, attempt.deadlineAt, 'a reload does not reset the clock');
      const res = await postEvents(t, student.headers, [
        event(timedId, attempt.id, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content: 'a, b = map(int, input().split())\nprint(0)\n' }),
        event(timedId, attempt.id, 'code_snapshot', { kind: 'diff', seq: 2, baseSeq: 1, language: 'python', edits: [{ from: 39, to: 40, text: 'a + b' }] }),
      ]);
      assert.equal(res.json().accepted, 2, res.body);
      // The client goes away: no heartbeat, no end. The server's clock passes the deadline.
      await db().updateTable('problemSessions').set({ deadlineAtMs: Date.now() - 1 }).where('id', '=', attempt.id).execute();
      assert.equal(await t.runtime.core.proctoring.deadlines.sweepDeadlines(), 1);
      assert.equal(await t.runtime.core.proctoring.deadlines.sweepDeadlines(), 0, 'submitted once');
      const submission = await db().selectFrom('submissions').selectAll().where('attemptId', '=', attempt.id).executeTakeFirstOrThrow();
      assert.equal(submission.autoSubmitted, 1);
      assert.equal(submission.userId, student.id);
      assert.equal(submission.mode, 'submit');
      assert.equal(submission.code, 'a, b = map(int, input().split())\nprint(a + b)\n');
      const row = await db().selectFrom('problemSessions').selectAll().where('id', '=', attempt.id).executeTakeFirstOrThrow();
      assert.equal(row.endReason, 'deadline');
      assert.equal(row.autoSubmissionId, submission.id);
      const after = await startAttempt(t, student.headers, timedId);
      assert.equal(after.attempt.id, attempt.id);
      assert.equal(after.attempt.status, 'ended', 'the time does not restart');
    });

    it('retention: the dry run deletes nothing; the real run deletes only what is old', async () => {
      const { attempt } = await startAttempt(t, student.headers, problemId);
      const old = Date.now() - 40 * 24 * 3600 * 1000;
      const rows = ['low', 'high', 'medium'].map((severity, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`, userId: student.id, problemId, attemptId: attempt.id, type: 'tab_hidden',
        severity: severity as 'low', payload: '{}', clientTsMs: old, createdAtMs: i === 2 ? Date.now() - 10 * 24 * 3600 * 1000 : old,
      }));
      await db().insertInto('proctorEvents').values(rows).execute();
      const total = async () => Number((await db().selectFrom('proctorEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await total();
      const dry = await runRetention(t.runtime.core.deps, DEFAULT_RETENTION, { dryRun: true });
      assert.equal(dry.dryRun, true);
      assert.equal(dry.events, 2);
      assert.equal(await total(), before, 'dry run deleted nothing');
      const real = await runRetention(t.runtime.core.deps, DEFAULT_RETENTION, { dryRun: false });
      assert.equal(real.events, 2);
      assert.equal(await total(), before - 2);
      const kept = await db().selectFrom('proctorEvents').select('id').where('id', '=', rows[2]!.id).executeTakeFirst();
      assert.ok(kept, 'a 10-day-old medium event is kept');
    });
  });
}

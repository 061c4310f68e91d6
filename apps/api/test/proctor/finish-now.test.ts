// "Finish now" on a timed problem (issue 19): Submit through the guard, then the attempt ends as submitted for good.
// Tries to get around it: finishing someone else's attempt, an untimed one, twice, or submitting after finishing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { importProblem, startAttempt, type Headers } from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`finish a timed problem now [${dialect}]`, () => {
    let t: TestApp;
    let student: { id: number; headers: Headers };
    let other: { id: number; headers: Headers };
    let untimedId: number;
    let timedId: number;

    before(async () => {
      t = await createTestApp(dialect);
      const admin = (await t.userWithRole('admin')).headers;
      student = await t.userWithRole('student');
      other = await t.userWithRole('student');
      untimedId = await importProblem(t, admin, { slug: 'untimed-finish', title: 'Untimed' });
      timedId = await importProblem(t, admin, { slug: 'timed-finish', title: 'Timed', timedDurationSec: 600 });
    });
    after(() => t.close());

    const finish = (headers: Headers, attemptId: number) => t.app.inject({ method: 'POST', url: `/api/proctor/attempts/${attemptId}/finish`, headers });
    const submit = (headers: Headers, problemId: number, attemptId: number) => t.app.inject({
      method: 'POST', url: '/api/submissions', headers, payload: { problemId, language: 'python', mode: 'submit', code: 'print(3)', attemptId },
    });

    it('ends the attempt as submitted after its Submit; later Submits, Runs and reopening are refused', async () => {
      const { attempt } = await startAttempt(t, student.headers, timedId);
      assert.equal((await finish(other.headers, attempt.id)).statusCode, 404, "another student's attempt is not found");
      assert.equal((await submit(student.headers, timedId, attempt.id)).statusCode, 202);
      const finished = await finish(student.headers, attempt.id);
      assert.equal(finished.statusCode, 200, finished.body);
      assert.equal(finished.json().endReason, 'submitted');
      const late = await submit(student.headers, timedId, attempt.id);
      assert.deepEqual([late.statusCode, late.json().code], [409, 'ATTEMPT_ENDED']);
      const withoutId = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: student.headers, payload: { problemId: timedId, language: 'python', mode: 'run', code: 'print(3)' } });
      assert.equal(withoutId.json().code, 'ATTEMPT_ENDED', 'the timed clock is the finished attempt');
      const again = await finish(student.headers, attempt.id);
      assert.deepEqual([again.statusCode, again.json().code], [409, 'ATTEMPT_ENDED'], 'finishing twice');
      const reopened = (await t.app.inject({ method: 'POST', url: '/api/proctor/attempts', headers: student.headers, payload: { problemId: timedId } })).json();
      assert.deepEqual([reopened.attempt.id, reopened.attempt.status, reopened.attempt.endReason], [attempt.id, 'ended', 'submitted'], 'opening the problem again does not resume a finished attempt');
    });

    it('refuses an untimed attempt (nothing to finish)', async () => {
      const { attempt } = await startAttempt(t, student.headers, untimedId);
      const response = await finish(student.headers, attempt.id);
      assert.deepEqual([response.statusCode, response.json().code], [409, 'CONFLICT']);
    });
  });
}

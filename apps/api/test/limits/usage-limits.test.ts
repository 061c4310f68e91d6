// Per-user rate and volume limits (issue 15, item 5), on SQLite and MariaDB: Runs and Submits a minute (429 with
// Retry-After, other users unaffected), a Run's custom input in bytes (413), proctoring bytes a minute (429 with
// Retry-After: the browser keeps the events) and per attempt (past it, that attempt's events are refused one by
// one; another attempt goes on).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, importProblem, postEvents, startAttempt } from '../proctor/helpers.js';

const SNAPSHOT_CHARS = 8000;

for (const dialect of TEST_DIALECTS) {
  describe(`usage limits [${dialect}]`, () => {
    let t: TestApp;
    let problemId: number;
    let otherProblemId: number;

    before(async () => {
      t = await createTestApp(dialect, {
        SUBMISSIONS_PER_MINUTE: '3', MAX_QUEUED_PER_USER: '50', CUSTOM_INPUT_MAX_BYTES: '1024',
        PROCTOR_BYTES_PER_MINUTE: '40000', PROCTOR_BYTES_PER_ATTEMPT: '20000',
      });
      const admin = await t.userWithRole('admin');
      problemId = await importProblem(t, admin.headers, { slug: 'limits-one' });
      otherProblemId = await importProblem(t, admin.headers, { slug: 'limits-two' });
    });
    after(async () => t.close());

    const run = (headers: { authorization: string }, customInput: string | null = null) => t.app.inject({
      method: 'POST', url: '/api/submissions', headers,
      payload: { problemId, language: 'python', mode: 'run', code: 'print(1)\n', customInput },
    });

    it('Runs and Submits a minute: the next one is 429 with Retry-After; another student is not limited', async () => {
      const student = await t.userWithRole('student');
      for (let i = 0; i < 3; i += 1) assert.equal((await run(student.headers)).statusCode, 202);
      const limited = await run(student.headers);
      assert.equal(limited.statusCode, 429, limited.body);
      assert.equal(limited.json().code, 'RATE_LIMITED');
      const retry = Number(limited.headers['retry-after']);
      assert.ok(retry >= 1 && retry <= 60, String(limited.headers['retry-after']));
      const submit = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: student.headers, payload: { problemId, language: 'python', mode: 'submit', code: 'print(1)\n' } });
      assert.equal(submit.statusCode, 429, 'a Submit counts with the Runs');
      const other = await t.userWithRole('student');
      assert.equal((await run(other.headers)).statusCode, 202);
    });

    it('a custom input over the byte cap is 413 (counted in UTF-8 bytes, not characters)', async () => {
      const student = await t.userWithRole('student');
      const tooBig = await run(student.headers, 'é'.repeat(513)); // 513 characters, 1026 bytes
      assert.equal(tooBig.statusCode, 413, tooBig.body);
      assert.equal(tooBig.json().code, 'PAYLOAD_TOO_LARGE');
      assert.equal(tooBig.json().details.maxBytes, 1024);
      assert.equal((await run(student.headers, 'x'.repeat(1024))).statusCode, 202);
    });

    it('proctoring bytes: per attempt, its further events are refused; per minute, 429 with Retry-After', async () => {
      const student = await t.userWithRole('student');
      const { attempt } = await startAttempt(t, student.headers, problemId);
      const { attempt: other } = await startAttempt(t, student.headers, otherProblemId);
      let seq = 0;
      const snapshot = (pid: number, attemptId: number) => {
        seq += 1;
        return event(pid, attemptId, 'code_snapshot', { kind: 'full', seq, language: 'python', content: 'x'.repeat(SNAPSHOT_CHARS) });
      };
      const first = await postEvents(t, student.headers, [snapshot(problemId, attempt.id), snapshot(problemId, attempt.id)]);
      assert.equal(first.statusCode, 202, first.body);
      assert.equal(first.json().accepted, 2);
      // The attempt's third snapshot passes its 20 000 bytes: refused with a reason (the client drops it).
      const third = await postEvents(t, student.headers, [snapshot(problemId, attempt.id), snapshot(otherProblemId, other.id)]);
      assert.equal(third.statusCode, 202, third.body);
      assert.equal(third.json().accepted, 1, 'the other attempt goes on');
      assert.deepEqual(third.json().rejected.map((r: { index: number; reason: string }) => [r.index, r.reason]), [[0, 'attempt_bytes_exceeded']]);
      // 40 000 bytes a minute for the user: two more snapshots pass it.
      const flood = await postEvents(t, student.headers, [snapshot(otherProblemId, other.id), snapshot(otherProblemId, other.id)]);
      assert.equal(flood.statusCode, 429, flood.body);
      assert.equal(flood.json().code, 'RATE_LIMITED');
      assert.ok(Number(flood.headers['retry-after']) >= 1, String(flood.headers['retry-after']));
      // Another student's minute is their own.
      const other2 = await t.userWithRole('student');
      const { attempt: theirs } = await startAttempt(t, other2.headers, problemId);
      assert.equal((await postEvents(t, other2.headers, [snapshot(problemId, theirs.id)])).json().accepted, 1);
    });
  });
}

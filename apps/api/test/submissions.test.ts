// Submission intake without a worker: validation, the per-user queue cap, visibility. (Judging itself is tested
// with the real worker in apps/cli/test/submission-flow.test.ts.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { sumPackage } from './helpers/fixtures.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`submission intake [${dialect}]`, () => {
    let t: TestApp;
    let student: { id: number; headers: { authorization: string } };
    let problemId: number;

    before(async () => {
      t = await createTestApp(dialect, { MAX_QUEUED_PER_USER: '3' });
      const admin = (await t.userWithRole('admin')).headers;
      student = await t.userWithRole('student');
      problemId = (await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: sumPackage() })).json().id;
    });
    after(() => t.close());

    const submit = (payload: object) => t.app.inject({ method: 'POST', url: '/api/submissions', headers: student.headers, payload });

    it('refuses bad bodies with field errors', async () => {
      const cases = [
        { problemId, language: 'cobol', mode: 'submit', code: 'x' },
        { problemId, language: 'python', mode: 'judge', code: 'x' },
        { problemId, language: 'python', mode: 'submit', code: '' },
        { problemId, language: 'python', mode: 'submit', code: 'x'.repeat(100_001) },
        { problemId: 'one', language: 'python', mode: 'submit', code: 'x' },
      ];
      for (const payload of cases) {
        const response = await submit(payload);
        assert.equal(response.statusCode, 400, JSON.stringify(payload).slice(0, 80));
        assert.equal(response.json().code, 'VALIDATION');
      }
      assert.equal((await submit({ problemId: 99_999, language: 'python', mode: 'run', code: 'x' })).statusCode, 404);
    });

    it('queues up to MAX_QUEUED_PER_USER submissions per user, then answers 429 QUEUE_FULL', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await submit({ problemId, language: 'python', mode: 'run', code: `print(${i})` })).statusCode);
      assert.deepEqual(statuses, [202, 202, 202, 429]);
      const refused = await submit({ problemId, language: 'python', mode: 'run', code: 'print(9)' });
      assert.equal(refused.json().code, 'QUEUE_FULL');
      const other = await t.userWithRole('student');
      const fromOther = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: other.headers, payload: { problemId, language: 'c', mode: 'run', code: 'int main(){}' } });
      assert.equal(fromOther.statusCode, 202, 'the cap is per user');
    });

    it('answers 202 with a location and shows the queued submission to its owner', async () => {
      const other = await t.userWithRole('student');
      const created = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: other.headers, payload: { problemId, language: 'python', mode: 'submit', code: 'print(1)' } });
      assert.equal(created.statusCode, 202);
      assert.equal(created.headers.location, `/api/submissions/${created.json().id}`);
      const body = (await t.app.inject({ method: 'GET', url: `/api/submissions/${created.json().id}`, headers: other.headers })).json();
      assert.deepEqual([body.status, body.verdict, body.code], ['queued', null, 'print(1)']);
      const list = (await t.app.inject({ method: 'GET', url: `/api/submissions?problemId=${problemId}`, headers: other.headers })).json();
      assert.equal(list.total, 1);
    });
  });
}

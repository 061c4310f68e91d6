// A custom-input Run is compared with the reference solution's output in practice (docs/web.md), never inside an
// assessment, where the reference's answer to whatever input the student types would be an answer oracle. The job
// the worker would get is read from the claim (the judging itself is tested in apps/cli/test/custom-expected-output).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assessmentBody, classWith, ok, publishedAssessment, twoProblems, type Person } from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`custom input and the reference solution in an assessment [${dialect}]`, () => {
    let t: TestApp;
    let ann: Person;
    let problemId: number;
    let assessmentId: number;

    before(async () => {
      t = await createTestApp(dialect);
      const admin = (await t.userWithRole('admin')).headers;
      const teacher = (await t.userWithRole('teacher')).headers;
      ann = await t.userWithRole('student', 'Ann');
      [problemId] = await twoProblems(t, admin);
      const classId = await classWith(t, teacher, [ann]);
      assessmentId = await publishedAssessment(t, teacher, assessmentBody(classId, [problemId]));
    });
    after(() => t.close());

    const referenceJobOf = async (submissionId: number) => {
      const claim = await t.runtime.core.submissions.claim(submissionId);
      assert.ok(claim, `submission ${submissionId} could be claimed`);
      return claim.referenceJob;
    };
    const payload = { language: 'python', code: 'print(1)\n', mode: 'run', customInput: '2 3\n' };

    it('practice: the reference solution runs on the custom input', async () => {
      const { id } = await ok(t, 'POST', '/api/submissions', ann.headers, { ...payload, problemId }, 202);
      const job = await referenceJobOf(id);
      assert.ok(job, 'a reference job in practice');
      assert.deepEqual(job.tests.map((test) => test.input), ['2 3\n'], 'that input only');
    });

    it('assessment: no reference job, so the output is shown unchecked', async () => {
      await ok(t, 'POST', `/api/assessments/${assessmentId}/start`, ann.headers, { consent: true });
      await ok(t, 'POST', `/api/assessments/${assessmentId}/problems/${problemId}/open`, ann.headers);
      const { id } = await ok(t, 'POST', `/api/assessments/${assessmentId}/problems/${problemId}/submissions`, ann.headers, payload, 202);
      assert.equal(await referenceJobOf(id), null);
    });
  });
}

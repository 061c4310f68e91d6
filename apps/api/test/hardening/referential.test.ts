// Issue 15, item 6: every referential error is a 4xx with a clear code, path ids are strict integers, and a problem
// is archived (hidden, everything that refers to it kept) rather than deleted; only an archived problem nothing
// refers to may be purged. Real SQLite and MariaDB.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { sumPackage } from '../helpers/fixtures.js';
import { importProblem } from '../proctor/helpers.js';
import { assessmentBody, classWith, inject, ok, type Headers, type Person } from '../assessments/helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`referential errors and archived problems [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let teacher: Person;
    let alice: Person;
    let problemId: number;

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      teacher = await t.userWithRole('teacher', 'Ms Teacher');
      alice = await t.userWithRole('student', 'Alice');
      problemId = await importProblem(t, admin, { slug: 'ref-sum', title: 'Sum, referenced' });
    });
    after(() => t.close());

    it('path ids are digits only: loose forms are a 400, never another id', async () => {
      assert.equal((await inject(t, 'GET', `/api/problems/${problemId}`)).statusCode, 200);
      for (const loose of [`%20${problemId}`, `${problemId}%20`, '1e3', `0${problemId}`, `${problemId}.0`, '0x1', '-1', '0', '+1', '99999999999', '2147483648']) {
        for (const url of [`/api/problems/${loose}`, `/api/admin/problems/${loose}`, `/api/admin/problems/${problemId}/tests/${loose}`]) {
          const method = url.includes('/tests/') ? 'DELETE' : 'GET';
          const res = await inject(t, method, url, admin);
          assert.equal(res.statusCode, 400, `${method} ${url}: ${res.body}`);
          assert.equal(res.json().code, 'VALIDATION');
        }
      }
      assert.equal((await inject(t, 'GET', '/api/problems/2147483647')).statusCode, 404, 'the largest id is looked up');
    });

    it('extra time for a user who does not exist is a 400 naming the id, on create, update and accommodations', async () => {
      const classId = await classWith(t, teacher.headers, [alice]);
      const ghost = 987_654;
      const bad = assessmentBody(classId, [problemId], { accommodations: [{ userId: ghost, extraTimeMs: 60_000 }] });
      const created = await inject(t, 'POST', '/api/assessments', teacher.headers, bad);
      assert.equal(created.statusCode, 400, created.body);
      assert.equal(created.json().code, 'VALIDATION');
      assert.match(JSON.stringify(created.json().details), new RegExp(`No user ${ghost}`));

      const good = await ok(t, 'POST', '/api/assessments', teacher.headers, assessmentBody(classId, [problemId], { accommodations: [{ userId: alice.id, extraTimeMs: 60_000 }] }), 201);
      const updated = await inject(t, 'PUT', `/api/assessments/${good.id}`, teacher.headers, bad);
      assert.equal(updated.statusCode, 400, updated.body);
      const put = await inject(t, 'PUT', `/api/assessments/${good.id}/accommodations`, teacher.headers, { accommodations: [{ userId: alice.id, extraTimeMs: 1000 }, { userId: ghost, extraTimeMs: 1000 }] });
      assert.equal(put.statusCode, 400, put.body);
      assert.equal(put.json().code, 'VALIDATION');
      const kept = await ok(t, 'GET', `/api/assessments/${good.id}`, teacher.headers);
      assert.deepEqual(kept.accommodations, [{ userId: alice.id, extraTimeMs: 60_000 }], 'a refused change leaves the old extra times');
    });

    it('deleting a problem used by an assessment and by a student archives it: hidden, and every submission kept', async () => {
      const used = await importProblem(t, admin, { slug: 'ref-used', title: 'Used everywhere' });
      const classId = await classWith(t, teacher.headers, [], 'Archive class');
      const assessment = await ok(t, 'POST', '/api/assessments', teacher.headers, assessmentBody(classId, [used]), 201);
      const submitted = await inject(t, 'POST', '/api/submissions', alice.headers, { problemId: used, language: 'python', code: 'print(3)\n', mode: 'submit' });
      assert.equal(submitted.statusCode, 202, submitted.body);
      const submissionId = submitted.json().id as number;

      // Not an admin: no archive, restore or purge.
      for (const [method, url] of [['DELETE', `/api/admin/problems/${used}`], ['POST', `/api/admin/problems/${used}/restore`], ['DELETE', `/api/admin/problems/${used}/purge`]] as const) {
        assert.equal((await inject(t, method, url, teacher.headers)).statusCode, 403);
        assert.equal((await inject(t, method, url, alice.headers)).statusCode, 403);
      }

      const purgeLive = await inject(t, 'DELETE', `/api/admin/problems/${used}/purge`, admin);
      assert.equal(purgeLive.statusCode, 409, 'a problem that is not archived cannot be purged');
      assert.equal(purgeLive.json().code, 'CONFLICT');

      await ok(t, 'DELETE', `/api/admin/problems/${used}`, admin); // was a 500 (foreign key) or a cascade
      await ok(t, 'DELETE', `/api/admin/problems/${used}`, admin); // again: still archived, same time
      const archived = await ok(t, 'GET', `/api/admin/problems/${used}`, admin);
      assert.ok(archived.archivedAt, 'the admin sees when it was archived');
      assert.equal(archived.isPublished, false);
      assert.deepEqual((await ok(t, 'GET', '/api/admin/problems/archived', admin)).map((p: { id: number }) => p.id), [used]);

      // Hidden from students and from the catalog; refused for practice and for new assessments.
      assert.equal((await inject(t, 'GET', `/api/problems/${used}`, alice.headers)).statusCode, 404);
      const catalog = await ok(t, 'GET', '/api/problems?pageSize=100', admin);
      assert.ok(!catalog.items.some((p: { id: number }) => p.id === used), 'not in the catalog, not even for staff');
      assert.equal((await inject(t, 'POST', '/api/submissions', alice.headers, { problemId: used, language: 'python', code: 'print(3)\n', mode: 'submit' })).statusCode, 404);
      const again = await inject(t, 'POST', '/api/assessments', teacher.headers, assessmentBody(classId, [used]));
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json().code, 'PROBLEM_ARCHIVED');
      const publish = await inject(t, 'PUT', `/api/admin/problems/${used}`, admin, { ...sumPackage({ slug: 'ref-used', title: 'Used everywhere' }), format: undefined });
      assert.equal(publish.statusCode, 409, publish.body);
      assert.equal(publish.json().code, 'PROBLEM_ARCHIVED');

      // The student's work, and the assessment that names it, are all still there.
      const mine = await ok(t, 'GET', `/api/submissions/${submissionId}`, alice.headers);
      assert.equal(mine.problemId, used);
      assert.deepEqual((await ok(t, 'GET', `/api/assessments/${assessment.id}`, teacher.headers)).problems.map((p: { problemId: number }) => p.problemId), [used]);

      // Purging what something refers to: 409 with the counts, and nothing deleted.
      const purge = await inject(t, 'DELETE', `/api/admin/problems/${used}/purge`, admin);
      assert.equal(purge.statusCode, 409, purge.body);
      assert.equal(purge.json().code, 'PROBLEM_IN_USE');
      assert.equal(purge.json().details.submissions, 1);
      assert.equal(purge.json().details.assessmentProblems, 1);
      assert.equal((await ok(t, 'GET', `/api/submissions/${submissionId}`, alice.headers)).id, submissionId);

      // Restored: a draft again, which the admin may publish.
      await ok(t, 'POST', `/api/admin/problems/${used}/restore`, admin);
      const restored = await ok(t, 'GET', `/api/admin/problems/${used}`, admin);
      assert.equal(restored.archivedAt, null);
      assert.equal(restored.isPublished, false);
      await ok(t, 'PUT', `/api/admin/problems/${used}`, admin, { ...sumPackage({ slug: 'ref-used', title: 'Used everywhere' }), format: undefined });
      assert.equal((await inject(t, 'GET', `/api/problems/${used}`, alice.headers)).statusCode, 200);
    });

    it('an archived problem nothing refers to is purged with its tests and solutions', async () => {
      const lonely = await importProblem(t, admin, { slug: 'ref-lonely', title: 'Never used' });
      await ok(t, 'DELETE', `/api/admin/problems/${lonely}`, admin);
      await ok(t, 'DELETE', `/api/admin/problems/${lonely}/purge`, admin);
      assert.equal((await inject(t, 'GET', `/api/admin/problems/${lonely}`, admin)).statusCode, 404);
      const tests = await t.runtime.db.db.selectFrom('testCases').select('id').where('problemId', '=', lonely).execute();
      assert.equal(tests.length, 0);
      assert.equal((await inject(t, 'DELETE', `/api/admin/problems/${lonely}/purge`, admin)).statusCode, 404);
      assert.equal((await inject(t, 'DELETE', '/api/admin/problems/2147483647', admin)).statusCode, 404);
    });
  });
}

// The problem model for package-format judging through the admin API (issue 17): a JSON package made before the
// package validators (a custom checker without a protocol) keeps its legacy 0/1 protocol, a package-protocol one stays
// as it is; a scored problem's groups and each test's group round-trip; groups that do not fit are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { sumPackage } from './helpers/fixtures.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`problem validator model [${dialect}]`, () => {
    let t: TestApp;
    let admin: { authorization: string };
    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
    });
    after(() => t.close());

    const importJson = (payload: object) => t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload });

    it('a custom checker without a protocol imports as legacy; an explicit package one stays', async () => {
      const legacy = { kind: 'custom', language: 'python', source: 'import sys\nsys.exit(0)\n' };
      const made = await importJson({ ...sumPackage({ slug: 'legacy-checker', checker: legacy as never }), solutions: [] });
      assert.equal(made.statusCode, 201, made.body);
      assert.equal(made.json().checker.protocol, 'legacy');
      const exported = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${made.json().id}/export`, headers: admin })).json();
      assert.equal(exported.problem.checker.protocol, 'legacy', 'the export says so, so a re-import keeps it');
      const pkg = { ...legacy, protocol: 'package', files: [{ name: 'helper.py', content: 'X = 1\n' }], flags: ['case_sensitive'] };
      const modern = await importJson({ ...sumPackage({ slug: 'package-checker', checker: pkg as never }), solutions: [] });
      assert.equal(modern.statusCode, 201, modern.body);
      assert.deepEqual(modern.json().checker, pkg);
    });

    it('scored groups and test groups round-trip; an unknown or empty group is a 400', async () => {
      const base = sumPackage({ slug: 'scored-one', scoring: { type: 'scored', groups: [{ name: 'g1', points: 30, rule: 'min' }, { name: 'g2', points: 70, rule: 'sum' }] } });
      const tests = base.tests.map((test, i) => ({ ...test, group: test.isSample ? null : i === 2 ? 'g1' : 'g2' }));
      const made = await importJson({ ...base, tests, solutions: [] });
      assert.equal(made.statusCode, 201, made.body);
      const problem = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${made.json().id}`, headers: admin })).json();
      assert.deepEqual(problem.scoring, base.problem.scoring);
      assert.deepEqual(problem.tests.map((x: { group?: string }) => x.group ?? null), [null, null, 'g1', 'g2']);
      const detail = (await t.app.inject({ method: 'GET', url: `/api/problems/${made.json().id}` })).json();
      assert.deepEqual(detail.scoring, base.problem.scoring, 'students see the groups and their points');
      assert.equal(JSON.stringify(detail).includes('"group"'), false, "but not which test is in which group");

      const unknown = await importJson({ ...base, problem: { ...base.problem, slug: 'scored-two' }, tests: tests.map((x) => (x.group === 'g2' ? { ...x, group: 'g3' } : x)), solutions: [] });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /unknown group \\"g3\\"|unknown group "g3"/);
      const onPassFail = await importJson({ ...sumPackage({ slug: 'scored-three' }), tests, solutions: [] });
      assert.equal(onPassFail.statusCode, 400, 'groups on a pass-fail problem');
    });
  });
}

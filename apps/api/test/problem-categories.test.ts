// Categories are free entry (issue 19): an author may add one (lower-case words with dashes, checked by the api),
// the catalog's filters and a student's progress list it after the usual ones, and anything else is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CATEGORIES } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { sumPackage } from './helpers/fixtures.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`problem categories [${dialect}]`, () => {
    let t: TestApp;
    let admin: { headers: Record<string, string> };
    let student: { headers: Record<string, string> };
    before(async () => {
      t = await createTestApp(dialect);
      admin = await t.userWithRole('admin', 'Ada Admin');
      student = await t.userWithRole('student', 'Sam Student');
    });
    after(() => t.close());

    it('a new category is taken, offered after the usual ones and counted in progress', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin.headers, payload: sumPackage({ slug: 'bits-one', category: 'bit-tricks' }) });
      assert.equal(res.statusCode, 201, res.body);
      const meta = (await t.app.inject({ method: 'GET', url: '/api/problems/meta' })).json() as { categories: string[] };
      assert.deepEqual(meta.categories, [...CATEGORIES, 'bit-tricks']);
      const progress = (await t.app.inject({ method: 'GET', url: '/api/me/progress', headers: student.headers })).json() as { byCategory: { category: string; total: number }[] };
      assert.deepEqual(progress.byCategory.find((c) => c.category === 'bit-tricks'), { category: 'bit-tricks', solved: 0, total: 1 });
    });

    it('a category that is not lower-case words with dashes is refused, naming the field', async () => {
      for (const category of ['Not A Category', 'x', 'trailing-', 'a'.repeat(41)]) {
        const res = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin.headers, payload: sumPackage({ slug: `bad-${category.length}`, category }) });
        assert.equal(res.statusCode, 400, `${category}: ${res.body}`);
        assert.ok((res.json().details as { path: string }[]).some((d) => d.path === 'problem.category'), res.body);
      }
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '@logicode/db/testing';
import { compiledOnce } from '../src/compiled-query.js';

for (const dialect of TEST_DIALECTS) {
  describe(`compiledOnce [${dialect}]`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
      const now = Date.now();
      await t.handle.db.insertInto('users').values(['ada', 'bob', 'cy'].map((name) => ({
        email: `${name}@example.test`, name, passwordHash: 'x', role: 'student' as const, createdAtMs: now, updatedAtMs: now,
      }))).execute();
    });
    after(() => t.drop());

    it('answers what the same query built each time answers, for every set of arguments', async () => {
      const { db } = t.handle;
      const build = (above: number, limit: number) => db.selectFrom('users').select(['id', 'name', 'createdAtMs'])
        .where('id', '>', above).where('name', '!=', 'nobody').orderBy('id', 'desc').limit(limit);
      const run = compiledOnce(db, build, 2);
      const ids = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((r) => r.id);
      for (const [above, limit] of [[0, 10], [ids[0]!, 1], [ids[1]!, 5], [ids[2]!, 5], [0, 2]] as const) {
        assert.deepEqual(await run(above, limit), await build(above, limit).execute(), `above ${above}, limit ${limit}`);
      }
      // Columns come back camelCased, as from any query (the plugins run on the result).
      assert.ok('createdAtMs' in (await run(0, 1))[0]!);
    });

    it('refuses a query whose argument is not one of its parameters', async () => {
      const { db } = t.handle;
      const run = compiledOnce(db, (_unused: number) => db.selectFrom('users').select('id').where('id', '>', 0), 1);
      await assert.rejects(run(5), /argument 0 is not a parameter/);
    });
  });
}

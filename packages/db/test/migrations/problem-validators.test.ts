// Migration 0180 on problems that already exist: a custom checker stored before it speaks the legacy protocol
// (exit 0/1) and must be marked so, since a custom checker without a protocol now means the package interface
// (exit 42/43); other checkers and already-marked ones stay as they were; the new columns read back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as validators from '../../src/migrations/0180-problem-validators.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../src/testing.js';

for (const dialect of TEST_DIALECTS) {
  describe(`migration 0180-problem-validators [${dialect}]`, () => {
    let test: TestDatabase;
    before(async () => {
      test = await createTestDatabase(dialect);
    });
    after(() => test.drop());

    const problem = (slug: string, checker: unknown) => ({
      slug, title: slug, statement: 's', category: 'math', difficulty: 'easy' as const, tags: '[]', style: 'stdio' as const,
      timeLimitMs: 1000, memoryLimitKb: 65536, checker: JSON.stringify(checker), timedDurationSec: null, isPublished: 1,
      createdBy: null, createdAtMs: 1, updatedAtMs: 1, archivedAtMs: null,
    });

    it('marks stored custom checkers legacy and adds the scoring, group and transcript columns', async () => {
      const { db } = test.handle;
      await validators.down(db);
      const old = { kind: 'custom', language: 'python', source: 'print(1)' };
      const marked = { kind: 'custom', protocol: 'package', language: 'c', source: 'int main(){return 42;}' };
      await db.insertInto('problems').values([problem('old-custom', old), problem('tokens', { kind: 'tokens' }), problem('package', marked)]).execute();

      await validators.up(db);
      const rows = await db.selectFrom('problems').select(['slug', 'checker', 'scoring']).orderBy('slug').execute();
      const bySlug = new Map(rows.map((r) => [r.slug, r]));
      assert.deepEqual(JSON.parse(bySlug.get('old-custom')!.checker), { ...old, protocol: 'legacy' });
      assert.deepEqual(JSON.parse(bySlug.get('tokens')!.checker), { kind: 'tokens' });
      assert.deepEqual(JSON.parse(bySlug.get('package')!.checker), marked);
      assert.equal(bySlug.get('tokens')!.scoring, null);

      const id = (await db.selectFrom('problems').select('id').where('slug', '=', 'tokens').executeTakeFirstOrThrow()).id;
      await db.insertInto('testCases').values({ problemId: id, ordinal: 0, input: '1', expectedOutput: '1', isSample: 1, weight: 1, groupName: 'g1', transcript: '< 1\n> 2\n' }).execute();
      const t = await db.selectFrom('testCases').select(['groupName', 'transcript']).where('problemId', '=', id).executeTakeFirstOrThrow();
      assert.deepEqual(t, { groupName: 'g1', transcript: '< 1\n> 2\n' });
      await db.updateTable('problems').set({ scoring: '{"type":"scored","groups":[]}' }).where('id', '=', id).execute();

      await validators.down(db);
      const back = await db.selectFrom('problems').select(['slug', 'checker']).where('slug', '=', 'old-custom').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(back.checker), old, 'down removes the mark it added');
      await validators.up(db);
    });
  });
}

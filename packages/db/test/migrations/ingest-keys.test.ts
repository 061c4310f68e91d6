// Migration 0100 on tables that already hold events: every row is kept, the event id stays unique (what makes a
// retried batch store nothing twice), and on MariaDB the rows are numbered by the new clustered key.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import * as ingestKeys from '../../src/migrations/0100-ingest-keys.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../src/testing.js';

for (const dialect of TEST_DIALECTS) {
  describe(`migration 0100-ingest-keys [${dialect}]`, () => {
    let test: TestDatabase;
    before(async () => {
      test = await createTestDatabase(dialect);
    });
    after(() => test.drop());

    const event = (id: string) => ({
      id, userId: 1, problemId: 1, attemptId: 1, type: 'tab_hidden', severity: 'medium' as const, payload: '{}', clientTsMs: 1, createdAtMs: 2,
    });
    const snapshot = (id: string) => ({
      id, attemptId: 1, userId: 1, problemId: 1, language: 'python', code: 'print(1)', clientTsMs: 1, createdAtMs: 2, kind: 'full' as const, seq: 1, baseSeq: null,
    });

    it('keeps existing rows and the uniqueness of event ids', async () => {
      const { db } = test.handle;
      await ingestKeys.down(db); // back to the layout of 0001 (clustered on the UUID)
      const before = Array.from({ length: 5 }, () => randomUUID());
      await db.insertInto('proctorEvents').values(before.map(event)).execute();
      await db.insertInto('codeSnapshots').values(before.slice(0, 2).map(snapshot)).execute();

      await ingestKeys.up(db);
      const ids = (await db.selectFrom('proctorEvents').select('id').execute()).map((r) => r.id).sort();
      assert.deepEqual(ids, [...before].sort());
      assert.equal((await db.selectFrom('codeSnapshots').select('id').execute()).length, 2);

      // A retried batch: the known ids are ignored, the new one is stored once.
      const fresh = randomUUID();
      const retried = await db.insertInto('proctorEvents').values([...before.slice(0, 2), fresh].map(event)).ignore().executeTakeFirst();
      assert.equal(Number(retried.numInsertedOrUpdatedRows), 1);
      await assert.rejects(db.insertInto('proctorEvents').values(event(before[0]!)).execute(), 'a duplicate id is refused');
      await assert.rejects(db.insertInto('codeSnapshots').values(snapshot(before[0]!)).execute());
      assert.equal((await db.selectFrom('proctorEvents').select('id').execute()).length, 6);

      if (dialect === 'mysql') {
        const rows = await sql<{ rowId: number }>`select row_id from proctor_events order by row_id`.execute(db); // camel-cased by the plugin
        assert.deepEqual(rows.rows.map((r) => Number(r.rowId)), [1, 2, 3, 4, 5, 6], 'existing rows numbered, new ones appended');
      }
    });
  });
}

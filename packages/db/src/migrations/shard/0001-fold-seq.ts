// Frozen in time: this migration imports only kysely and never changes once released.
// Shard databases only (their own migration table): numbers each attempt's events and snapshots so that the
// main database can fold them into counters exactly once although the two are different databases.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('proctor_events').addColumn('fold_seq', 'integer').execute();
  await db.schema.createIndex('proctor_events_fold_idx').on('proctor_events').columns(['attempt_id', 'fold_seq']).execute();
  await db.schema.alterTable('code_snapshots').addColumn('fold_seq', 'integer').execute();
  await db.schema.createIndex('code_snapshots_fold_idx').on('code_snapshots').columns(['attempt_id', 'fold_seq']).execute();
  await db.schema
    .createTable('proctor_attempt_seqs')
    .addColumn('attempt_id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('proctor_attempt_seqs').ifExists().execute();
  await db.schema.dropIndex('code_snapshots_fold_idx').on('code_snapshots').execute();
  await db.schema.alterTable('code_snapshots').dropColumn('fold_seq').execute();
  await db.schema.dropIndex('proctor_events_fold_idx').on('proctor_events').execute();
  await db.schema.alterTable('proctor_events').dropColumn('fold_seq').execute();
}

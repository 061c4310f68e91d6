// Frozen in time: this migration imports only kysely and never changes once released.
// Proctoring needs: snapshot diffs (kind, seq, base), idempotent flags (a unique key per attempt), the action
// taken and who reviewed a flag, and the auto-submission made for an attempt at its deadline.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('code_snapshots').addColumn('kind', 'varchar(8)', (c) => c.notNull().defaultTo('full')).execute();
  await db.schema.alterTable('code_snapshots').addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('code_snapshots').addColumn('base_seq', 'integer').execute();

  await db.schema.alterTable('proctor_flags').addColumn('action', 'varchar(12)', (c) => c.notNull().defaultTo('flag')).execute();
  await db.schema.alterTable('proctor_flags').addColumn('event_id', 'varchar(36)').execute();
  await db.schema.alterTable('proctor_flags').addColumn('dedupe_key', 'varchar(120)', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('proctor_flags').addColumn('reviewed_by', 'integer').execute();
  await db.schema.alterTable('proctor_flags').addColumn('reviewed_at_ms', 'bigint').execute();
  await db.schema
    .createIndex('proctor_flags_attempt_key_uq')
    .on('proctor_flags')
    .columns(['attempt_id', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema.createIndex('proctor_flags_status_idx').on('proctor_flags').columns(['status', 'created_at_ms']).execute();

  await db.schema.alterTable('problem_sessions').addColumn('auto_submission_id', 'integer').execute();
  await db.schema.createIndex('problem_sessions_ended_idx').on('problem_sessions').columns(['is_active', 'ended_at_ms']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('problem_sessions_ended_idx').execute();
  await db.schema.alterTable('problem_sessions').dropColumn('auto_submission_id').execute();
  await db.schema.dropIndex('proctor_flags_status_idx').execute();
  await db.schema.dropIndex('proctor_flags_attempt_key_uq').execute();
  for (const column of ['reviewed_at_ms', 'reviewed_by', 'dedupe_key', 'event_id', 'action']) {
    await db.schema.alterTable('proctor_flags').dropColumn(column).execute();
  }
  for (const column of ['base_seq', 'seq', 'kind']) {
    await db.schema.alterTable('code_snapshots').dropColumn(column).execute();
  }
}

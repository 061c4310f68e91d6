// Frozen in time: this migration imports only kysely and never changes once released.
// One enforcement point for grades and evidence (issue 14): an event or snapshot received after its attempt ended
// (an offline queue flushing within the grace) is stored marked `late`; the largest client clock skew measured on an
// attempt's event batches is kept on the attempt for the teacher. Shard databases run this sequence too, so their
// event tables get the column as well.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('proctor_events').addColumn('late', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('code_snapshots').addColumn('late', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('problem_sessions').addColumn('clock_skew_ms', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problem_sessions').dropColumn('clock_skew_ms').execute();
  await db.schema.alterTable('code_snapshots').dropColumn('late').execute();
  await db.schema.alterTable('proctor_events').dropColumn('late').execute();
}

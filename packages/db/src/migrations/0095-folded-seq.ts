// Frozen in time: this migration imports only kysely and never changes once released.
// With DATABASE_SHARD_URLS an attempt's events live on a shard, numbered there; the attempt remembers the last
// number folded into its counters, so a redelivered batch is not counted twice (unused without shards).
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problem_sessions').addColumn('folded_seq', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problem_sessions').dropColumn('folded_seq').execute();
}

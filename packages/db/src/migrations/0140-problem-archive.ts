// Frozen in time: this migration imports only kysely and never changes once released.
// Problems are archived, not deleted (issue 15, item 6): a deleted problem cascaded to every student's submissions,
// solved marks, attempts and plagiarism pairs. `archived_at_ms` set means hidden from students and from new
// assessments while everything that refers to it stays.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problems').addColumn('archived_at_ms', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('problems').dropColumn('archived_at_ms').execute();
}

// Frozen in time: this migration imports only kysely and never changes once released.
// A Run's custom input is also run through the problem's reference solution (issue 19): its output is the expected
// output the student's is compared with, and its verdict says why there is none (null: no reference solution).
import { MysqlAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const longText = mysql ? sql`longtext` : sql`text`;
  await db.schema.alterTable('submissions').addColumn('custom_expected_output', longText).execute();
  await db.schema.alterTable('submissions').addColumn('custom_reference_verdict', 'varchar(8)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submissions').dropColumn('custom_reference_verdict').execute();
  await db.schema.alterTable('submissions').dropColumn('custom_expected_output').execute();
}

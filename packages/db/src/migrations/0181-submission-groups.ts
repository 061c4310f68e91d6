// Frozen in time: this migration imports only kysely and never changes once released.
// Judged package-format problems (issue 17): a scored submission's points per test group (JSON of GroupResult[] in
// `submissions.group_points`), and per test a validator's judgemessage.txt (shown to authors; to students on
// samples only) and an interactive test's transcript.
import { MysqlAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const longText = db.getExecutor().adapter instanceof MysqlAdapter ? sql`longtext` : sql`text`;
  await db.schema.alterTable('submissions').addColumn('group_points', longText).execute();
  await db.schema.alterTable('submission_tests').addColumn('judge_message', longText).execute();
  await db.schema.alterTable('submission_tests').addColumn('transcript', longText).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submission_tests').dropColumn('transcript').execute();
  await db.schema.alterTable('submission_tests').dropColumn('judge_message').execute();
  await db.schema.alterTable('submissions').dropColumn('group_points').execute();
}

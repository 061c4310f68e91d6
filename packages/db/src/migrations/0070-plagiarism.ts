// Frozen in time: this migration imports only kysely and never changes once released.
// Plagiarism reports: runs per problem (with the parameters used and progress) and the problem's current pairs.
import { MysqlAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  // Fragments of a long pair can pass MySQL TEXT's 64 KB.
  const longText = mysql ? sql`longtext` : sql`text`;

  await db.schema
    .createTable('plagiarism_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('requested_params', 'varchar(1000)', (c) => c.notNull().defaultTo('{}'))
    .addColumn('params', 'varchar(1000)')
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('submission_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pair_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'varchar(1000)')
    .addColumn('requested_by', 'integer')
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('started_at_ms', 'bigint')
    .addColumn('finished_at_ms', 'bigint')
    .execute();
  await db.schema.createIndex('plagiarism_runs_problem_idx').on('plagiarism_runs').columns(['problem_id', 'id']).execute();
  await db.schema.createIndex('plagiarism_runs_status_idx').on('plagiarism_runs').columns(['status', 'id']).execute();

  await db.schema
    .createTable('plagiarism_pairs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('run_id', 'integer')
    .addColumn('left_submission_id', 'integer', (c) => c.notNull())
    .addColumn('right_submission_id', 'integer', (c) => c.notNull())
    .addColumn('left_user_id', 'integer', (c) => c.notNull())
    .addColumn('right_user_id', 'integer', (c) => c.notNull())
    .addColumn('language', 'varchar(16)', (c) => c.notNull())
    .addColumn('similarity', 'double precision', (c) => c.notNull())
    .addColumn('longest_fragment_tokens', 'integer', (c) => c.notNull())
    .addColumn('left_matched_tokens', 'integer', (c) => c.notNull())
    .addColumn('right_matched_tokens', 'integer', (c) => c.notNull())
    .addColumn('left_total_tokens', 'integer', (c) => c.notNull())
    .addColumn('right_total_tokens', 'integer', (c) => c.notNull())
    .addColumn('fragment_count', 'integer', (c) => c.notNull())
    .addColumn('fragments', longText, (c) => c.notNull())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('plagiarism_pairs_uq', ['problem_id', 'left_submission_id', 'right_submission_id'])
    .execute();
  // Listing: a problem's pairs, most similar first, optionally of one language.
  await db.schema.createIndex('plagiarism_pairs_rank_idx').on('plagiarism_pairs').columns(['problem_id', 'similarity']).execute();
  await db.schema.createIndex('plagiarism_pairs_lang_idx').on('plagiarism_pairs').columns(['problem_id', 'language', 'similarity']).execute();
  // Replacing one user's pairs after a new submission.
  await db.schema.createIndex('plagiarism_pairs_left_user_idx').on('plagiarism_pairs').columns(['problem_id', 'left_user_id']).execute();
  await db.schema.createIndex('plagiarism_pairs_right_user_idx').on('plagiarism_pairs').columns(['problem_id', 'right_user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('plagiarism_pairs').ifExists().execute();
  await db.schema.dropTable('plagiarism_runs').ifExists().execute();
}

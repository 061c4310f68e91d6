// Frozen in time: this migration imports only kysely and never changes once released.
import { MysqlAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  // MySQL's TEXT holds 64 KB; statements, code and test data need more. SQLite's TEXT has no such cap.
  const longText = mysql ? sql`longtext` : sql`text`;
  const id = (c: any) => c.primaryKey().autoIncrement();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull().defaultTo('student'))
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_role_idx').on('users').columns(['role', 'id']).execute();

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('family_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at_ms', 'bigint')
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refresh_tokens_family_idx').on('refresh_tokens').column('family_id').execute();
  await db.schema.createIndex('refresh_tokens_user_idx').on('refresh_tokens').column('user_id').execute();

  await db.schema
    .createTable('problems')
    .addColumn('id', 'integer', id)
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('statement', longText, (c) => c.notNull())
    .addColumn('category', 'varchar(40)', (c) => c.notNull())
    .addColumn('difficulty', 'varchar(10)', (c) => c.notNull())
    .addColumn('tags', 'varchar(1000)', (c) => c.notNull().defaultTo('[]'))
    .addColumn('style', 'varchar(10)', (c) => c.notNull())
    .addColumn('time_limit_ms', 'integer', (c) => c.notNull())
    .addColumn('memory_limit_kb', 'integer', (c) => c.notNull())
    .addColumn('checker', longText, (c) => c.notNull())
    .addColumn('timed_duration_sec', 'integer')
    .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('solved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('problems_category_idx').on('problems').columns(['category', 'difficulty']).execute();
  await db.schema.createIndex('problems_difficulty_idx').on('problems').column('difficulty').execute();

  await db.schema
    .createTable('problem_languages')
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('language', 'varchar(16)', (c) => c.notNull())
    .addColumn('starter_code', longText, (c) => c.notNull())
    .addColumn('driver_code', longText)
    .addPrimaryKeyConstraint('problem_languages_pk', ['problem_id', 'language'])
    .execute();

  await db.schema
    .createTable('test_cases')
    .addColumn('id', 'integer', id)
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('input', longText, (c) => c.notNull())
    .addColumn('expected_output', longText, (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('test_cases_problem_idx').on('test_cases').columns(['problem_id', 'ordinal']).execute();

  await db.schema
    .createTable('reference_solutions')
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('language', 'varchar(16)', (c) => c.notNull())
    .addColumn('source', longText, (c) => c.notNull())
    .addPrimaryKeyConstraint('reference_solutions_pk', ['problem_id', 'language'])
    .execute();

  await createSubmissionTables(db, longText, id);
  await createProctoringTables(db, longText, id);
}

async function createSubmissionTables(db: Kysely<any>, longText: any, id: (c: any) => any): Promise<void> {
  await db.schema
    .createTable('submissions')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('language', 'varchar(16)', (c) => c.notNull())
    .addColumn('mode', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('verdict', 'varchar(4)')
    .addColumn('score', 'double precision')
    .addColumn('code', longText, (c) => c.notNull())
    .addColumn('custom_input', longText)
    .addColumn('compile_output', longText)
    .addColumn('test_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_cpu_ms', 'double precision')
    .addColumn('max_memory_kb', 'integer')
    .addColumn('attempt_id', 'integer')
    .addColumn('auto_submitted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('started_at_ms', 'bigint')
    .addColumn('finished_at_ms', 'bigint')
    .execute();
  await db.schema.createIndex('submissions_user_problem_idx').on('submissions').columns(['user_id', 'problem_id', 'id']).execute();
  await db.schema.createIndex('submissions_problem_idx').on('submissions').columns(['problem_id', 'id']).execute();
  await db.schema.createIndex('submissions_status_idx').on('submissions').columns(['status', 'id']).execute();

  await db.schema
    .createTable('submission_tests')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('test_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('verdict', 'varchar(4)', (c) => c.notNull())
    .addColumn('cpu_ms', 'double precision', (c) => c.notNull())
    .addColumn('wall_ms', 'double precision', (c) => c.notNull())
    .addColumn('memory_kb', 'integer', (c) => c.notNull())
    .addColumn('exit_code', 'integer')
    .addColumn('signal', 'varchar(16)')
    .addColumn('message', 'varchar(1000)')
    .addColumn('output', longText, (c) => c.notNull())
    .addColumn('stderr', longText, (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_tests_pk', ['submission_id', 'idx'])
    .execute();

  await db.schema
    .createTable('solved')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('submission_id', 'integer', (c) => c.notNull())
    .addColumn('solved_at_ms', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('solved_user_problem_uq', ['user_id', 'problem_id'])
    .execute();
  await db.schema.createIndex('solved_problem_idx').on('solved').column('problem_id').execute();
  await db.schema.createIndex('solved_at_idx').on('solved').columns(['solved_at_ms']).execute();
}

async function createProctoringTables(db: Kysely<any>, longText: any, id: (c: any) => any): Promise<void> {
  await db.schema
    .createTable('problem_sessions')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id').onDelete('cascade'))
    .addColumn('assessment_id', 'integer')
    .addColumn('started_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_heartbeat_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('ended_at_ms', 'bigint')
    .addColumn('end_reason', 'varchar(32)')
    .addColumn('deadline_at_ms', 'bigint')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('language', 'varchar(16)')
    .addColumn('counters', 'varchar(2000)', (c) => c.notNull().defaultTo('{}'))
    .addColumn('integrity_score', 'integer', (c) => c.notNull().defaultTo(100))
    .execute();
  await db.schema.createIndex('problem_sessions_user_active_idx').on('problem_sessions').columns(['user_id', 'is_active']).execute();
  await db.schema.createIndex('problem_sessions_active_hb_idx').on('problem_sessions').columns(['is_active', 'last_heartbeat_at_ms']).execute();
  await db.schema.createIndex('problem_sessions_deadline_idx').on('problem_sessions').columns(['is_active', 'deadline_at_ms']).execute();

  await db.schema
    .createTable('proctor_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.notNull())
    .addColumn('attempt_id', 'integer')
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('severity', 'varchar(8)', (c) => c.notNull())
    .addColumn('payload', 'varchar(4000)', (c) => c.notNull().defaultTo('{}'))
    .addColumn('client_ts_ms', 'bigint', (c) => c.notNull())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proctor_events_user_created_idx').on('proctor_events').columns(['user_id', 'created_at_ms']).execute();
  await db.schema.createIndex('proctor_events_attempt_idx').on('proctor_events').columns(['attempt_id', 'created_at_ms']).execute();
  await db.schema.createIndex('proctor_events_problem_idx').on('proctor_events').columns(['problem_id', 'created_at_ms']).execute();
  await db.schema.createIndex('proctor_events_created_idx').on('proctor_events').columns(['created_at_ms', 'severity']).execute();

  await db.schema
    .createTable('proctor_settings')
    .addColumn('problem_id', 'integer', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('allowed_tab_switches', 'integer', (c) => c.notNull())
    .addColumn('large_paste_chars', 'integer', (c) => c.notNull())
    .addColumn('fullscreen_required', 'integer', (c) => c.notNull())
    .addColumn('idle_limit_sec', 'integer', (c) => c.notNull())
    .addColumn('breach_action', 'varchar(8)', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('code_snapshots')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('attempt_id', 'integer')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.notNull())
    .addColumn('language', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', longText, (c) => c.notNull())
    .addColumn('client_ts_ms', 'bigint', (c) => c.notNull())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('code_snapshots_attempt_idx').on('code_snapshots').columns(['attempt_id', 'client_ts_ms']).execute();
  await db.schema.createIndex('code_snapshots_user_idx').on('code_snapshots').columns(['user_id', 'created_at_ms']).execute();

  await db.schema
    .createTable('proctor_flags')
    .addColumn('id', 'integer', id)
    .addColumn('attempt_id', 'integer')
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.notNull())
    .addColumn('rule', 'varchar(40)', (c) => c.notNull())
    .addColumn('reason', 'varchar(1000)', (c) => c.notNull())
    .addColumn('severity', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(8)', (c) => c.notNull().defaultTo('open'))
    .addColumn('note', 'varchar(2000)')
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('proctor_flags_user_idx').on('proctor_flags').columns(['user_id', 'created_at_ms']).execute();
  await db.schema.createIndex('proctor_flags_attempt_idx').on('proctor_flags').columns(['attempt_id']).execute();
  await db.schema.createIndex('proctor_flags_created_idx').on('proctor_flags').columns(['created_at_ms']).execute();

  await db.schema
    .createTable('flag_audit')
    .addColumn('id', 'integer', id)
    .addColumn('flag_id', 'integer', (c) => c.notNull().references('proctor_flags.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'varchar(2000)')
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('flag_audit_flag_idx').on('flag_audit').column('flag_id').execute();
  void longText;
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'flag_audit', 'proctor_flags', 'code_snapshots', 'proctor_settings', 'proctor_events', 'problem_sessions',
    'solved', 'submission_tests', 'submissions', 'reference_solutions', 'test_cases', 'problem_languages', 'problems',
    'refresh_tokens', 'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

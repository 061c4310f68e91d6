// Frozen in time: this migration imports only kysely and never changes once released.
// Classes (a teacher's students, invites by email, a join code) and assessments (timed problem sets for a class,
// one attempt per student with a server-owned deadline, per-student extra time, audited score adjustments).
import { MysqlAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  const longText = mysql ? sql`longtext` : sql`text`;
  const id = (c: any) => c.primaryKey().autoIncrement();

  await db.schema
    .createTable('classes')
    .addColumn('id', 'integer', id)
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('teacher_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('join_code', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classes_teacher_idx').on('classes').columns(['teacher_id', 'id']).execute();

  await db.schema
    .createTable('class_members')
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_members_pk', ['class_id', 'user_id'])
    .execute();
  await db.schema.createIndex('class_members_user_idx').on('class_members').columns(['user_id', 'class_id']).execute();

  // An invited email without an account yet; claimed (turned into a membership) when that person lists classes.
  await db.schema
    .createTable('class_invites')
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.notNull())
    .addColumn('invited_at_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_invites_pk', ['class_id', 'email'])
    .execute();
  await db.schema.createIndex('class_invites_email_idx').on('class_invites').column('email').execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'integer', id)
    .addColumn('class_id', 'integer', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('instructions', longText, (c) => c.notNull())
    .addColumn('window_start_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('window_end_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('duration_ms', 'bigint', (c) => c.notNull())
    // JSON ProctorSettings, or null: each problem's own rules.
    .addColumn('proctoring', 'varchar(1000)')
    .addColumn('show_results', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scoring', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('published_at_ms', 'bigint')
    .addColumn('closed_at_ms', 'bigint')
    .execute();
  await db.schema.createIndex('assessments_class_idx').on('assessments').columns(['class_id', 'id']).execute();

  await db.schema
    .createTable('assessment_problems')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('problems.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_problems_pk', ['assessment_id', 'problem_id'])
    .execute();

  await db.schema
    .createTable('assessment_accommodations')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('extra_time_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_accommodations_pk', ['assessment_id', 'user_id'])
    .execute();

  // One attempt per student and assessment (the unique key is what refuses a restart, even from two devices).
  await db.schema
    .createTable('assessment_attempts')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('started_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('consent_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('deadline_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('ended_at_ms', 'bigint')
    .addColumn('end_reason', 'varchar(16)')
    .addUniqueConstraint('assessment_attempts_uq', ['assessment_id', 'user_id'])
    .execute();
  await db.schema.createIndex('assessment_attempts_due_idx').on('assessment_attempts').columns(['ended_at_ms', 'deadline_at_ms']).execute();
  await db.schema.createIndex('assessment_attempts_user_idx').on('assessment_attempts').columns(['user_id', 'assessment_id']).execute();

  // Kept for good: who changed a score, by how much, and why.
  await db.schema
    .createTable('score_adjustments')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('problem_id', 'integer')
    .addColumn('delta_points', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.notNull())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('score_adjustments_idx').on('score_adjustments').columns(['assessment_id', 'user_id', 'id']).execute();

  // An assessment's proctoring attempts (problem_sessions.assessment_id has existed since 0001, unindexed).
  await db.schema.createIndex('problem_sessions_assessment_idx').on('problem_sessions').columns(['assessment_id', 'user_id', 'problem_id']).execute();
  // ... and their submissions (a scoreboard reads every submission of every attempt of the assessment).
  await db.schema.createIndex('submissions_attempt_idx').on('submissions').columns(['attempt_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table in DROP INDEX; SQLite refuses it.
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  for (const [index, table] of [['submissions_attempt_idx', 'submissions'], ['problem_sessions_assessment_idx', 'problem_sessions']] as const) {
    const drop = db.schema.dropIndex(index);
    await (mysql ? drop.on(table) : drop).execute();
  }
  for (const table of ['score_adjustments', 'assessment_attempts', 'assessment_accommodations', 'assessment_problems', 'assessments', 'class_invites', 'class_members', 'classes']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

// Frozen in time: this migration imports only kysely and never changes once released.
// A student's detail (teacher api) reads the newest attempts of one student and that student's flags, each
// `WHERE user_id = ? ORDER BY id`: the indexes on (user_id, is_active) and (user_id, created_at_ms) found the rows
// but sorted them afterwards (a filesort on MariaDB, a temporary B-tree on SQLite, EXPLAIN in issue 18). With
// (user_id, id) the newest slice is read in order and stops at its limit.
import { MysqlAdapter, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('problem_sessions_user_id_idx').on('problem_sessions').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('proctor_flags_user_id_idx').on('proctor_flags').columns(['user_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // MySQL names the table in DROP INDEX; SQLite refuses it.
  const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
  for (const [index, table] of [['proctor_flags_user_id_idx', 'proctor_flags'], ['problem_sessions_user_id_idx', 'problem_sessions']] as const) {
    const drop = db.schema.dropIndex(index);
    await (mysql ? drop.on(table) : drop).execute();
  }
}

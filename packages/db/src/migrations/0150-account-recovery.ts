// Frozen in time: this migration imports only kysely and never changes once released.
// Accounts (issue 15): one-time password reset tokens (only their SHA-256 is stored), and an admin's deactivation
// of an account (deactivated_at_ms set: no sign-in, no refresh; the sessions were ended when it was set).
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('deactivated_at_ms', 'bigint').execute();
  await db.schema
    .createTable('password_resets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('used_at_ms', 'bigint')
    /** Who asked: the user themself (e-mailed link) or the admin who issued it. */
    .addColumn('issued_by', 'integer')
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_resets_user_idx').on('password_resets').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_resets').execute();
  await db.schema.alterTable('users').dropColumn('deactivated_at_ms').execute();
}

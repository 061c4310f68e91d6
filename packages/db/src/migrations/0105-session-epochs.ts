// Frozen in time: this migration imports only kysely and never changes once released.
// A user's session epoch: every access token carries the epoch it was issued under, and the api refuses a token
// whose epoch is older than the user's. Signing out, a password change, a role change and an admin's revoke bump
// it, so access tokens issued before them are refused at once instead of living out their 15 minutes.
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('session_epoch', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('session_epoch').execute();
}

import type { User } from '@logicode/contracts';
import type { UserRow } from '@logicode/db';

/** A user for the wire; `active` is said when the row was read with its deactivation column. */
export function toUser(row: Pick<UserRow, 'id' | 'name' | 'email' | 'role' | 'createdAtMs'> & { deactivatedAtMs?: number | null }): User {
  const user: User = { id: row.id, name: row.name, email: row.email, role: row.role, createdAt: new Date(row.createdAtMs).toISOString() };
  if (row.deactivatedAtMs !== undefined) user.active = row.deactivatedAtMs === null;
  return user;
}

import type { User } from '@logicode/contracts';
import type { UserRow } from '@logicode/db';

export function toUser(row: Pick<UserRow, 'id' | 'name' | 'email' | 'role' | 'createdAtMs'>): User {
  return { id: row.id, name: row.name, email: row.email, role: row.role, createdAt: new Date(row.createdAtMs).toISOString() };
}

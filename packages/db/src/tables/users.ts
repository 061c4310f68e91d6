import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  name: string;
  /** Stored lower-cased: emails are unique case-insensitively. */
  email: string;
  /** argon2id, PHC string format. */
  passwordHash: string;
  role: 'student' | 'teacher' | 'admin';
  createdAtMs: number;
  updatedAtMs: number;
  /**
   * Access tokens issued under an older epoch are refused: signing out, a password or role change and an admin's
   * revoke bump it (migration 0105).
   */
  sessionEpoch: Generated<number>;
  /** Set by an admin's deactivate (migration 0150): no sign-in or refresh while set. */
  deactivatedAtMs: Generated<number | null>;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

export interface RefreshTokensTable {
  id: Generated<number>;
  userId: number;
  /** All tokens descending from one login; reuse of a rotated token revokes the whole family. */
  familyId: string;
  /** SHA-256 of the token: a leaked table does not leak usable tokens. */
  tokenHash: string;
  expiresAtMs: number;
  revokedAtMs: number | null;
  createdAtMs: number;
}

/** One-time password reset tokens (migration 0150); only the SHA-256 of a token is kept. */
export interface PasswordResetsTable {
  id: Generated<number>;
  userId: number;
  tokenHash: string;
  expiresAtMs: number;
  usedAtMs: number | null;
  /** The admin who issued it; null when the user asked for it by e-mail. */
  issuedBy: number | null;
  createdAtMs: number;
}

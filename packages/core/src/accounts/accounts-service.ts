import {
  AppError, type ChangePasswordBody, type LoginBody, type PasswordResetIssued, type ResetPasswordBody, type Role, type SessionResponse,
  type SignupBody, type User,
} from '@logicode/contracts';
import type { Selectable } from 'kysely';
import type { Database } from '@logicode/db';
import type { Actor, CoreDeps } from '../context.js';
import { isCommonPassword } from './common-passwords.js';
import { createPasswordResets } from './password-resets.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { createSessionEpochs } from './session-epochs.js';
import { createSignInThrottle } from './sign-in-throttle.js';
import { hashToken, newRefreshToken, newTokenFamily, signAccessToken, verifyAccessTokenClaims, type VerifiedAccessToken } from './tokens.js';
import { toUser } from './user-mapper.js';

export type AccountsService = ReturnType<typeof createAccountsService>;

type RefreshTokenRow = Selectable<Database['refreshTokens']>;

/** How long after a rotation its old token may be presented again by a client that never got the answer. */
export const REFRESH_RETRY_GRACE_MS = 30_000;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(e?.message ?? '');
}

export function createAccountsService(deps: CoreDeps) {
  const { db } = deps.db;
  const { config, clock } = deps;
  const epochs = createSessionEpochs(deps);
  const throttle = createSignInThrottle(deps);
  const resets = createPasswordResets(deps);
  const userColumns = ['id', 'name', 'email', 'role', 'createdAtMs', 'deactivatedAtMs'] as const;

  /** A password a user chooses (sign-up, change, reset); admins and seeds creating accounts are not checked. */
  function checkNewPassword(password: string): void {
    if (isCommonPassword(password)) throw new AppError('PASSWORD_TOO_COMMON');
  }

  /** A new access token and refresh token in the family (one sign-in on one device), under the user's epoch. */
  /**
   * A refresh whose answer never arrived (the network dropped after the server rotated the token) is retried with
   * the token just rotated. Reuse of a rotated token normally revokes the whole family (a stolen token), which would
   * sign a student out of an exam for a dropped packet; so within REFRESH_RETRY_GRACE_MS of the rotation, while the
   * family still holds the live successor that the client never received, the retry revokes that successor and gets
   * a new one instead (the "reuse interval" of OAuth servers). Logout, a password change or a revoke leave no live
   * successor, so nothing revoked by them comes back; nor does a token whose successor was used since.
   */
  async function retriedRotation(row: RefreshTokenRow, nowMs: number): Promise<boolean> {
    if (row.revokedAtMs === null || nowMs - Number(row.revokedAtMs) > REFRESH_RETRY_GRACE_MS || Number(row.expiresAtMs) <= nowMs) return false;
    // Only the family's latest rotation may be retried: once its successor was itself used (rotated), the client
    // evidently got it, and the old token coming back is a replay.
    const laterRotation = await db.selectFrom('refreshTokens').select('id').where('familyId', '=', row.familyId)
      .where('revokedAtMs', '>', Number(row.revokedAtMs)).executeTakeFirst();
    if (laterRotation) return false;
    const successors = await db.updateTable('refreshTokens').set({ revokedAtMs: nowMs })
      .where('familyId', '=', row.familyId).where('userId', '=', row.userId).where('revokedAtMs', 'is', null)
      .where('createdAtMs', '>=', Number(row.revokedAtMs)).where('expiresAtMs', '>', nowMs).executeTakeFirst();
    return Number(successors.numUpdatedRows) > 0;
  }

  /** A new token pair in the refresh token's family, for its user as they are now (role, epoch, not deactivated). */
  async function reissue(row: RefreshTokenRow): Promise<SessionResponse> {
    const user = await db.selectFrom('users').selectAll().where('id', '=', row.userId).executeTakeFirst();
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.deactivatedAtMs !== null) throw new AppError('ACCOUNT_DISABLED');
    return issueSession(toUser(user), row.familyId, Number(user.sessionEpoch));
  }

  async function issueSession(user: User, familyId: string, epoch: number): Promise<SessionResponse> {
    const now = clock.now();
    const access = await signAccessToken(
      { userId: user.id, role: user.role, name: user.name },
      { secret: config.jwtSecret, ttlSec: config.accessTokenTtlSec, nowMs: now, sessionId: familyId, epoch },
    );
    const refreshToken = newRefreshToken();
    await db
      .insertInto('refreshTokens')
      .values({
        userId: user.id,
        familyId,
        tokenHash: hashToken(refreshToken),
        expiresAtMs: now + config.refreshTokenTtlSec * 1000,
        revokedAtMs: null,
        createdAtMs: now,
      })
      .execute();
    return { user, accessToken: access.token, refreshToken, accessTokenExpiresAt: new Date(access.expiresAtMs).toISOString() };
  }

  async function createUser(input: SignupBody & { role: Role }): Promise<User> {
    const now = clock.now();
    const passwordHash = await hashPassword(input.password);
    try {
      const result = await db
        .insertInto('users')
        .values({ name: input.name, email: input.email.toLowerCase(), passwordHash, role: input.role, createdAtMs: now, updatedAtMs: now })
        .executeTakeFirstOrThrow();
      return toUser({ id: Number(result.insertId), name: input.name, email: input.email.toLowerCase(), role: input.role, createdAtMs: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN');
      throw error;
    }
  }

  /**
   * Verifies an access token and its session: a token issued before the user's last sign-out, password or role
   * change or revoke is answered TOKEN_EXPIRED (a refresh cures it if the session lives on, and signs out if not).
   * The fast path is two memory lookups: the verified token and the user's epoch.
   */
  async function verifySession(accessToken: string): Promise<VerifiedAccessToken> {
    const verified = await verifyAccessTokenClaims(accessToken, config.jwtSecret);
    if (verified.epoch < (await epochs.current(verified.actor.userId))) {
      throw new AppError('TOKEN_EXPIRED', 'The session changed (signed out, password or role changed); refresh it or sign in again.');
    }
    return verified;
  }

  async function revokeRefreshTokens(userId: number): Promise<void> {
    await db.updateTable('refreshTokens').set({ revokedAtMs: clock.now() }).where('userId', '=', userId).where('revokedAtMs', 'is', null).execute();
  }

  return {
    /** Sign-up always creates a student: roles change only by an admin. */
    async signup(body: SignupBody, address: string): Promise<SessionResponse> {
      checkNewPassword(body.password);
      await throttle.signup(address);
      const user = await createUser({ ...body, role: 'student' });
      return issueSession(user, newTokenFamily(), 0);
    },

    createUser,

    async login(body: LoginBody, address: string): Promise<SessionResponse> {
      const email = body.email.toLowerCase();
      await throttle.check(email, address);
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), body.password);
      if (!row || !ok) {
        await throttle.failed(email, address);
        throw new AppError('INVALID_CREDENTIALS');
      }
      await throttle.succeeded(email, address);
      // Said only to whoever knows the password, so a guesser learns nothing from it.
      if (row.deactivatedAtMs !== null) throw new AppError('ACCOUNT_DISABLED');
      return issueSession(toUser(row), newTokenFamily(), Number(row.sessionEpoch));
    },

    /**
     * Rotates a refresh token. Presenting a token that was already rotated means it leaked (or was replayed):
     * the whole family is revoked, so the thief's copy dies too.
     */
    async refresh(refreshToken: string): Promise<SessionResponse> {
      const now = clock.now();
      const row = await db.selectFrom('refreshTokens').selectAll().where('tokenHash', '=', hashToken(refreshToken)).executeTakeFirst();
      if (!row) throw new AppError('UNAUTHENTICATED', 'The session is not valid; sign in again.');
      if (row.revokedAtMs !== null) {
        if (await retriedRotation(row, now)) return reissue(row);
        await db.updateTable('refreshTokens').set({ revokedAtMs: now }).where('familyId', '=', row.familyId).where('revokedAtMs', 'is', null).execute();
        throw new AppError('UNAUTHENTICATED', 'The session was ended; sign in again.');
      }
      if (row.expiresAtMs <= now) throw new AppError('TOKEN_EXPIRED', 'The session has expired; sign in again.');
      const revoked = await db
        .updateTable('refreshTokens')
        .set({ revokedAtMs: now })
        .where('id', '=', row.id)
        .where('revokedAtMs', 'is', null)
        .executeTakeFirst();
      if (Number(revoked.numUpdatedRows) !== 1) throw new AppError('UNAUTHENTICATED', 'The session was ended; sign in again.');
      return reissue(row);
    },

    /**
     * Ends one session (the refresh token's family, or the access token's session): its refresh tokens are revoked,
     * its sockets end, and the user's access tokens issued so far are refused at once (the user's other devices
     * cure that with one refresh; this one cannot).
     */
    async logout(from: { refreshToken?: string | undefined; access?: VerifiedAccessToken | null }): Promise<void> {
      let session: { userId: number; familyId: string } | undefined;
      if (from.refreshToken) {
        session = await db.selectFrom('refreshTokens').select(['userId', 'familyId']).where('tokenHash', '=', hashToken(from.refreshToken)).executeTakeFirst();
      }
      if (!session && from.access?.sessionId) session = { userId: from.access.actor.userId, familyId: from.access.sessionId };
      if (!session) return;
      await db.updateTable('refreshTokens').set({ revokedAtMs: clock.now() })
        .where('userId', '=', session.userId).where('familyId', '=', session.familyId).where('revokedAtMs', 'is', null).execute();
      await epochs.bump({ userId: session.userId, reason: 'signed_out', sessionId: session.familyId });
    },

    verifySession,

    async authenticate(accessToken: string): Promise<Actor> {
      return (await verifySession(accessToken)).actor;
    },

    /**
     * The signed-in user changes their own password. Every other session ends (refresh tokens revoked, access
     * tokens refused, sockets disconnected); this one goes on with fresh tokens in the same family.
     */
    async changePassword(access: VerifiedAccessToken, body: ChangePasswordBody, address: string): Promise<SessionResponse> {
      const row = await db.selectFrom('users').selectAll().where('id', '=', access.actor.userId).executeTakeFirst();
      if (!row) throw new AppError('UNAUTHENTICATED');
      // The sign-in throttle applies: a stolen access token must not become a way to guess the password.
      await throttle.check(row.email, address);
      if (!(await verifyPassword(row.passwordHash, body.currentPassword))) {
        await throttle.failed(row.email, address);
        throw new AppError('PASSWORD_WRONG');
      }
      await throttle.succeeded(row.email, address);
      checkNewPassword(body.newPassword);
      await db.updateTable('users').set({ passwordHash: await hashPassword(body.newPassword), updatedAtMs: clock.now() }).where('id', '=', row.id).execute();
      await revokeRefreshTokens(row.id);
      // This session's sockets stay (they are the caller's); its tokens continue in a new family, so that no token
      // revoked here has a live successor in its own family (which a retried refresh would take for a lost answer).
      const epoch = await epochs.bump({ userId: row.id, reason: 'password_changed', exceptSessionId: access.sessionId ?? newTokenFamily() });
      return issueSession(toUser(row), newTokenFamily(), epoch);
    },

    /** An admin ends every session of a user: refresh tokens revoked, access tokens refused, sockets disconnected. */
    async revokeSessions(actor: Actor, userId: number): Promise<void> {
      if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can end a user\'s sessions.');
      await this.getUser(userId);
      await revokeRefreshTokens(userId);
      await epochs.bump({ userId, reason: 'revoked' });
    },

    /** Forgotten password: e-mails a one-time link when SMTP is configured; answers the same either way. */
    requestPasswordReset: (email: string, address: string) => resets.requestByEmail(email.toLowerCase(), address),

    /** Whether forgotten passwords are answered by e-mail here. */
    passwordResetByMail: resets.mailEnabled,

    /** An admin issues a one-time reset link for a user (the fallback without SMTP); the user's sessions go on. */
    async issuePasswordReset(actor: Actor, userId: number): Promise<PasswordResetIssued> {
      if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can issue a reset link.');
      const user = await this.getUser(userId);
      if (user.active === false) throw new AppError('ACCOUNT_DISABLED', 'This account is deactivated; reactivate it first.');
      return resets.issueByAdmin(userId, actor.userId);
    },

    /** Whether a reset token would be accepted now (the reset page asks before showing its form). */
    async checkResetToken(token: string): Promise<boolean> {
      return (await resets.peek(token)) !== null;
    },

    /**
     * Sets a new password with a one-time token. Every session of the user ends (whoever knew the old password
     * is out); the user signs in with the new one.
     */
    async resetPassword(body: ResetPasswordBody): Promise<void> {
      checkNewPassword(body.newPassword);
      const userId = await resets.consume(body.token);
      const row = await db.selectFrom('users').select(['id', 'deactivatedAtMs']).where('id', '=', userId).executeTakeFirst();
      if (!row) throw new AppError('RESET_TOKEN_INVALID');
      if (row.deactivatedAtMs !== null) throw new AppError('ACCOUNT_DISABLED');
      await db.updateTable('users').set({ passwordHash: await hashPassword(body.newPassword), updatedAtMs: clock.now() }).where('id', '=', userId).execute();
      await revokeRefreshTokens(userId);
      await epochs.bump({ userId, reason: 'password_changed' });
    },

    /**
     * An admin deactivates an account (every session ends at once; sign-in and refresh answer ACCOUNT_DISABLED)
     * or reactivates it. Not oneself, and never the last active admin.
     */
    async setActive(actor: Actor, userId: number, active: boolean): Promise<User> {
      if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can deactivate accounts.');
      const target = await this.getUser(userId);
      if (!active && userId === actor.userId) throw new AppError('CONFLICT', 'You cannot deactivate your own account.');
      if (!active && target.role === 'admin') {
        const admins = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
          .where('role', '=', 'admin').where('deactivatedAtMs', 'is', null).executeTakeFirstOrThrow();
        if (Number(admins.n) <= 1) throw new AppError('CONFLICT', 'This is the last active admin.');
      }
      if (target.active === active) return target;
      await db.updateTable('users').set({ deactivatedAtMs: active ? null : clock.now(), updatedAtMs: clock.now() }).where('id', '=', userId).execute();
      if (!active) {
        await revokeRefreshTokens(userId);
        await epochs.bump({ userId, reason: 'revoked' });
      }
      return this.getUser(userId);
    },

    async getUser(userId: number): Promise<User> {
      const row = await db.selectFrom('users').select([...userColumns]).where('id', '=', userId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'No such user.');
      return toUser(row);
    },

    async listUsers(query: { q?: string | undefined; role?: Role | undefined; page: number; pageSize: number }) {
      let base = db.selectFrom('users');
      if (query.q) {
        const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where((eb) => eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['name']), 'like', like)]));
      }
      if (query.role) base = base.where('role', '=', query.role);
      const [rows, count] = await Promise.all([
        base.select([...userColumns]).orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toUser), page: query.page, pageSize: query.pageSize, total: Number(count.n) };
    },

    /** Only admins change roles (the route checks); the last admin cannot demote themself. */
    async changeRole(actor: Actor, userId: number, role: Role): Promise<User> {
      if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can change roles.');
      const target = await db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
      if (!target) throw new AppError('NOT_FOUND', 'No such user.');
      if (target.role === 'admin' && role !== 'admin') {
        const admins = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
        if (Number(admins.n) <= 1) throw new AppError('CONFLICT', 'This is the last admin; promote someone else first.');
      }
      if (target.role === role) return this.getUser(userId);
      await db.updateTable('users').set({ role, updatedAtMs: clock.now() }).where('id', '=', userId).execute();
      // Access tokens carry the role: the bump refuses the old ones at once and ends the user's sockets (a demoted
      // teacher leaves the feed rooms now). Refresh tokens live on, so the user refreshes into the new role.
      await epochs.bump({ userId, reason: 'role_changed' });
      return this.getUser(userId);
    },

    async countUsers(): Promise<number> {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

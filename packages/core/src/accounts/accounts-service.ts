import {
  AppError, type ChangePasswordBody, type LoginBody, type Role, type SessionResponse, type SignupBody, type User,
} from '@logicode/contracts';
import type { Actor, CoreDeps } from '../context.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { createSessionEpochs } from './session-epochs.js';
import { hashToken, newRefreshToken, newTokenFamily, signAccessToken, verifyAccessTokenClaims, type VerifiedAccessToken } from './tokens.js';
import { toUser } from './user-mapper.js';

export type AccountsService = ReturnType<typeof createAccountsService>;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/.test(e?.message ?? '');
}

export function createAccountsService(deps: CoreDeps) {
  const { db } = deps.db;
  const { config, clock } = deps;
  const epochs = createSessionEpochs(deps);

  /** A new access token and refresh token in the family (one sign-in on one device), under the user's epoch. */
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

  async function limitLogin(email: string, address: string): Promise<void> {
    const { perAccountLimit, perAddressLimit, windowMs } = config.login;
    const [byAccount, byAddress] = await Promise.all([
      deps.rateLimiter.hit(`login:account:${email}`, perAccountLimit, windowMs),
      deps.rateLimiter.hit(`login:address:${address}`, perAddressLimit, windowMs),
    ]);
    if (!byAccount.allowed || !byAddress.allowed) {
      const retryAfterSec = Math.ceil((Math.max(byAccount.resetAtMs, byAddress.resetAtMs) - clock.now()) / 1000);
      throw new AppError('RATE_LIMITED', 'Too many sign-in attempts; try again later.', { retryAfterSec });
    }
  }

  return {
    /** Sign-up always creates a student: roles change only by an admin. */
    async signup(body: SignupBody): Promise<SessionResponse> {
      const user = await createUser({ ...body, role: 'student' });
      return issueSession(user, newTokenFamily(), 0);
    },

    createUser,

    async login(body: LoginBody, address: string): Promise<SessionResponse> {
      const email = body.email.toLowerCase();
      await limitLogin(email, address);
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      const ok = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), body.password);
      if (!row || !ok) throw new AppError('INVALID_CREDENTIALS');
      await deps.rateLimiter.reset(`login:account:${email}`);
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
      const user = await db.selectFrom('users').selectAll().where('id', '=', row.userId).executeTakeFirst();
      if (!user) throw new AppError('UNAUTHENTICATED');
      return issueSession(toUser(user), row.familyId, Number(user.sessionEpoch));
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
      // The sign-in limits apply: a stolen access token must not become a way to guess the password.
      await limitLogin(row.email, address);
      if (!(await verifyPassword(row.passwordHash, body.currentPassword))) throw new AppError('PASSWORD_WRONG');
      await deps.rateLimiter.reset(`login:account:${row.email}`);
      await db.updateTable('users').set({ passwordHash: await hashPassword(body.newPassword), updatedAtMs: clock.now() }).where('id', '=', row.id).execute();
      const familyId = access.sessionId ?? newTokenFamily();
      await revokeRefreshTokens(row.id);
      const epoch = await epochs.bump({ userId: row.id, reason: 'password_changed', exceptSessionId: familyId });
      return issueSession(toUser(row), familyId, epoch);
    },

    /** An admin ends every session of a user: refresh tokens revoked, access tokens refused, sockets disconnected. */
    async revokeSessions(actor: Actor, userId: number): Promise<void> {
      if (actor.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an admin can end a user\'s sessions.');
      await this.getUser(userId);
      await revokeRefreshTokens(userId);
      await epochs.bump({ userId, reason: 'revoked' });
    },

    async getUser(userId: number): Promise<User> {
      const row = await db.selectFrom('users').select(['id', 'name', 'email', 'role', 'createdAtMs']).where('id', '=', userId).executeTakeFirst();
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
        base.select(['id', 'name', 'email', 'role', 'createdAtMs']).orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
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

// One-time, expiring password reset tokens. Only a token's SHA-256 is stored; issuing a new one voids the user's
// unused ones; using one sets the password and ends every session of the user (the old password's sessions too).
import { randomBytes } from 'node:crypto';
import { AppError, type PasswordResetIssued } from '@logicode/contracts';
import { createSmtpMailer, type Mailer } from '@logicode/platform';
import type { CoreDeps } from '../context.js';
import { hashToken } from './tokens.js';

const DEFAULT_TTL_SEC = 3600;
/** Reset e-mails per address asked for, per hour: no one fills a mailbox by pressing the button. */
const MAILS_PER_ACCOUNT_PER_HOUR = 3;
const REQUESTS_PER_ADDRESS_PER_HOUR = 20;

export const RESET_PAGE_PATH = '/reset-password';

export type PasswordResets = ReturnType<typeof createPasswordResets>;

export function createPasswordResets(deps: CoreDeps) {
  const { db } = deps.db;
  const { clock, config, rateLimiter } = deps;
  const ttlMs = (config.passwordResetTtlSec ?? DEFAULT_TTL_SEC) * 1000;
  const mailer: Mailer | null = config.mail ? createSmtpMailer({ url: config.mail.smtpUrl, from: config.mail.from }) : null;

  async function issue(userId: number, issuedBy: number | null): Promise<PasswordResetIssued> {
    const now = clock.now();
    const token = randomBytes(32).toString('base64url');
    await db.deleteFrom('passwordResets').where('userId', '=', userId).where('usedAtMs', 'is', null).execute();
    await db.insertInto('passwordResets')
      .values({ userId, tokenHash: hashToken(token), expiresAtMs: now + ttlMs, usedAtMs: null, issuedBy, createdAtMs: now })
      .execute();
    return { token, resetPath: `${RESET_PAGE_PATH}?token=${token}`, expiresAt: new Date(now + ttlMs).toISOString() };
  }

  return {
    /** Whether forgotten passwords are answered by e-mail here (else an admin issues the link). */
    mailEnabled: mailer !== null,

    /** An admin's reset link for a user, to hand over (no e-mail needed). */
    issueByAdmin: (userId: number, adminId: number) => issue(userId, adminId),

    /**
     * Someone asks for a link to `email`. The answer never says whether the account exists; with SMTP the owner
     * gets the link by e-mail, without it nothing is sent (the page tells them to ask an admin).
     */
    async requestByEmail(email: string, address: string): Promise<void> {
      const byAddress = await rateLimiter.hit(`reset:address:${address}`, REQUESTS_PER_ADDRESS_PER_HOUR, 3600_000);
      if (!byAddress.allowed) {
        throw new AppError('RATE_LIMITED', 'Too many reset requests from here; try again later.', {
          retryAfterSec: Math.max(1, Math.ceil((byAddress.resetAtMs - clock.now()) / 1000)),
        });
      }
      if (!mailer || !config.mail) return;
      const user = await db.selectFrom('users').select(['id', 'email', 'deactivatedAtMs']).where('email', '=', email).executeTakeFirst();
      if (!user || user.deactivatedAtMs !== null) return;
      const byAccount = await rateLimiter.hit(`reset:account:${user.id}`, MAILS_PER_ACCOUNT_PER_HOUR, 3600_000);
      if (!byAccount.allowed) return;
      const issued = await issue(user.id, null);
      const link = `${config.mail.publicOrigin}${issued.resetPath}`;
      try {
        await mailer.send({
          to: user.email,
          subject: 'Reset your LogiCode password',
          text: [
            'Someone (hopefully you) asked to reset the password of this LogiCode account.',
            '',
            `Open this link to choose a new password; it works once, until ${issued.expiresAt}:`,
            link,
            '',
            'If you did not ask, ignore this e-mail: your password stays as it is.',
          ].join('\n'),
        });
      } catch (error) {
        // The answer stays the same (no enumeration); the operator sees why no mail went out.
        deps.log('error', 'password reset e-mail failed', { userId: user.id, error: String(error) });
      }
    },

    /**
     * Uses a token: answers the user it belongs to, once. A token that is unknown, used or expired is refused;
     * two requests racing with one token: one wins (the update's guard).
     */
    async consume(token: string): Promise<number> {
      const now = clock.now();
      const row = await db.selectFrom('passwordResets').select(['id', 'userId', 'expiresAtMs', 'usedAtMs'])
        .where('tokenHash', '=', hashToken(token)).executeTakeFirst();
      if (!row || row.usedAtMs !== null || row.expiresAtMs <= now) throw new AppError('RESET_TOKEN_INVALID');
      const used = await db.updateTable('passwordResets').set({ usedAtMs: now })
        .where('id', '=', row.id).where('usedAtMs', 'is', null).executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw new AppError('RESET_TOKEN_INVALID');
      return row.userId;
    },

    /** Whether a token would be accepted now (the page checks before asking for a new password). */
    async peek(token: string): Promise<number | null> {
      const row = await db.selectFrom('passwordResets').select(['userId', 'expiresAtMs', 'usedAtMs'])
        .where('tokenHash', '=', hashToken(token)).executeTakeFirst();
      return row && row.usedAtMs === null && row.expiresAtMs > clock.now() ? row.userId : null;
    },
  };
}

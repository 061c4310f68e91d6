// Sign-in throttling that slows a guesser without locking the owner out (issue 15). Failures count per account
// *and* address: after `perAccountLimit` failed passwords from one address, that address must wait before its next
// try on that account, 1 s, then 2 s, 4 s … up to `windowMs`; the owner signing in from anywhere else is not
// slowed. Failures also count per address across accounts (one address spraying many accounts). Successful
// sign-ins count nowhere, so a class behind one school NAT signing in at once is never limited.
import { AppError } from '@logicode/contracts';
import type { CoreDeps } from '../context.js';

const FIRST_BACKOFF_MS = 1000;
/** How long failures are remembered (from the first one in the window). */
const FAILURE_MEMORY_MS = 60 * 60 * 1000;

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

export function createSignInThrottle(deps: Pick<CoreDeps, 'rateLimiter' | 'clock' | 'config'>) {
  const { rateLimiter, clock } = deps;
  const { perAccountLimit, perAddressLimit, windowMs } = deps.config.login;
  const pairOf = (email: string, address: string) => `${email}|${address}`;

  const refuse = (resetAtMs: number): never => {
    const retryAfterSec = Math.max(1, Math.ceil((resetAtMs - clock.now()) / 1000));
    throw new AppError('RATE_LIMITED', 'Too many failed sign-ins from here; try again later.', { retryAfterSec });
  };

  return {
    /** Before checking a password: refused while this account+address waits, or the address failed too often. */
    async check(email: string, address: string): Promise<void> {
      const [blocked, byAddress] = await Promise.all([
        rateLimiter.peek(`login:block:${pairOf(email, address)}`),
        rateLimiter.peek(`login:addrfail:${address}`),
      ]);
      if (blocked) refuse(blocked.resetAtMs);
      if (byAddress && byAddress.count >= perAddressLimit) refuse(byAddress.resetAtMs);
    },

    /** A wrong password: count it; past the free tries, this account+address waits twice as long as last time. */
    async failed(email: string, address: string): Promise<void> {
      const pair = pairOf(email, address);
      const [failures] = await Promise.all([
        rateLimiter.hit(`login:fail:${pair}`, Number.MAX_SAFE_INTEGER, FAILURE_MEMORY_MS),
        rateLimiter.hit(`login:addrfail:${address}`, Number.MAX_SAFE_INTEGER, windowMs),
      ]);
      const over = failures.count - perAccountLimit;
      if (over >= 0) {
        const waitMs = Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(over, 30), windowMs);
        await rateLimiter.hit(`login:block:${pair}`, 0, waitMs);
      }
    },

    /** The right password: this account+address starts afresh. */
    async succeeded(email: string, address: string): Promise<void> {
      const pair = pairOf(email, address);
      await Promise.all([rateLimiter.reset(`login:fail:${pair}`), rateLimiter.reset(`login:block:${pair}`)]);
    },

    /** Sign-up: at most `perAddressLimit` new accounts per address per window. */
    async signup(address: string): Promise<void> {
      const { perAddressLimit: limit, windowMs: signupWindowMs } = deps.config.signup ?? DEFAULT_SIGNUP_LIMIT;
      const hit = await rateLimiter.hit(`signup:address:${address}`, limit, signupWindowMs);
      if (!hit.allowed) {
        throw new AppError('RATE_LIMITED', 'Too many accounts were created from here; try again later.', {
          retryAfterSec: Math.max(1, Math.ceil((hit.resetAtMs - clock.now()) / 1000)),
        });
      }
    },
  };
}

export const DEFAULT_SIGNUP_LIMIT = { perAddressLimit: 50, windowMs: 60 * 60 * 1000 };

// Access tokens for generated users, signed the way the api signs them (the benches' processes share the secret),
// so thousands of virtual users need no argon2 login each.
import { SignJWT } from 'jose';
import type { CoreConfig } from '@logicode/core';

export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-123';

export const benchCoreConfig: CoreConfig = {
  jwtSecret: BENCH_JWT_SECRET,
  accessTokenTtlSec: 7200,
  refreshTokenTtlSec: 86_400,
  login: { perAccountLimit: 1000, perAddressLimit: 100_000, windowMs: 60_000 },
  maxQueuedPerUser: 5,
};

export async function tokenFor(userId: number, role: 'student' | 'teacher' | 'admin', name = `user ${userId}`, secret = BENCH_JWT_SECRET): Promise<string> {
  return new SignJWT({ role, name }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(userId))
    .setIssuedAt().setExpirationTime('4h').setIssuer('logicode').sign(new TextEncoder().encode(secret));
}

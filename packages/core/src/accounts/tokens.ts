import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { AppError, roleSchema } from '@logicode/contracts';
import type { Actor } from '../context.js';

export interface AccessToken {
  token: string;
  expiresAtMs: number;
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signAccessToken(actor: Actor, options: { secret: string; ttlSec: number; nowMs: number }): Promise<AccessToken> {
  const issuedAt = Math.floor(options.nowMs / 1000);
  const expiresAt = issuedAt + options.ttlSec;
  const token = await new SignJWT({ role: actor.role, name: actor.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(actor.userId))
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setIssuer('logicode')
    .sign(keyOf(options.secret));
  return { token, expiresAtMs: expiresAt * 1000 };
}

/** Verifies an access token; TOKEN_EXPIRED tells a client to refresh, UNAUTHENTICATED to sign in. */
export async function verifyAccessToken(token: string, secret: string): Promise<Actor> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { issuer: 'logicode', algorithms: ['HS256'] });
    const role = roleSchema.safeParse(payload.role);
    const userId = Number(payload.sub);
    if (!role.success || !Number.isInteger(userId) || typeof payload.name !== 'string') {
      throw new AppError('UNAUTHENTICATED', 'The access token is not valid.');
    }
    return { userId, role: role.data, name: payload.name };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED');
    throw new AppError('UNAUTHENTICATED', 'The access token is not valid.');
  }
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newTokenFamily(): string {
  return randomBytes(16).toString('hex');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

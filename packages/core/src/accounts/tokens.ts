import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import { AppError, roleSchema } from '@logicode/contracts';
import type { Actor } from '../context.js';

export interface AccessToken {
  token: string;
  expiresAtMs: number;
}

/**
 * The HMAC key for a secret, imported once per process. Given raw bytes, jose imports a WebCrypto key on every
 * sign and verify: at a school's size that import was a fifth of the api's CPU under 50 connections (profile of
 * bench/http's views, every request authenticated).
 */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();
function keyOf(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

/** What an access token carries beyond its actor: its session (the refresh family) and the user's session epoch. */
export interface AccessTokenSession {
  /** The refresh token family the token was issued in (claim `sid`): one sign-in on one device. */
  sessionId: string | null;
  /** The user's session epoch when it was issued (claim `sep`); an older epoch than the user's is refused. */
  epoch: number;
}

export async function signAccessToken(
  actor: Actor,
  options: { secret: string; ttlSec: number; nowMs: number } & Partial<AccessTokenSession>,
): Promise<AccessToken> {
  const issuedAt = Math.floor(options.nowMs / 1000);
  const expiresAt = issuedAt + options.ttlSec;
  const claims: Record<string, unknown> = { role: actor.role, name: actor.name, sep: options.epoch ?? 0 };
  if (options.sessionId) claims.sid = options.sessionId;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(actor.userId))
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setIssuer('logicode')
    .sign(await keyOf(options.secret));
  return { token, expiresAtMs: expiresAt * 1000 };
}

/** A verified access token: who, until when, and in which session and epoch. */
export interface VerifiedAccessToken extends AccessTokenSession {
  actor: Actor;
  expiresAtMs: number;
}

/** Verified tokens this process has seen, at most this many (a client sends the same token for its whole life). */
const VERIFIED_MAX = 20_000;
const verified = new Map<string, { claims: VerifiedAccessToken; secret: string }>();

/**
 * Verifies an access token; TOKEN_EXPIRED tells a client to refresh, UNAUTHENTICATED to sign in.
 * A token verified before is answered from memory until it expires: the same bytes under the same secret verify
 * the same way, and the HMAC check through WebCrypto (an async job per request) was a fifth of the api's CPU
 * under 50 authenticated connections (bench/http views profile).
 */
export async function verifyAccessToken(token: string, secret: string): Promise<Actor> {
  return (await verifyAccessTokenClaims(token, secret)).actor;
}

/**
 * verifyAccessToken with the token's session claims. The memory of verified tokens makes this the fast path of
 * every authenticated request: a map lookup, no crypto and no I/O (the session epoch check is the caller's).
 */
export async function verifyAccessTokenClaims(token: string, secret: string): Promise<VerifiedAccessToken> {
  const known = verified.get(token);
  if (known && known.secret === secret && Date.now() < known.claims.expiresAtMs) return known.claims;
  if (known) verified.delete(token);
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), { issuer: 'logicode', algorithms: ['HS256'] });
    const role = roleSchema.safeParse(payload.role);
    const userId = Number(payload.sub);
    if (!role.success || !Number.isInteger(userId) || typeof payload.name !== 'string' || typeof payload.exp !== 'number') {
      throw new AppError('UNAUTHENTICATED', 'The access token is not valid.');
    }
    // Tokens from before session epochs carry neither claim: epoch 0, no session (valid until the first bump).
    const claims: VerifiedAccessToken = {
      actor: { userId, role: role.data, name: payload.name },
      expiresAtMs: payload.exp * 1000,
      sessionId: typeof payload.sid === 'string' ? payload.sid : null,
      epoch: typeof payload.sep === 'number' && Number.isInteger(payload.sep) ? payload.sep : 0,
    };
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims, secret });
    return claims;
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

// The only reader of process.env in the api. Validated at boot, every bad variable listed, then frozen.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { envFlag, infraConfigOf, infraEnvShape, parseEnv } from '@logicode/platform';
import { parseTrustProxy } from './trust-proxy.js';

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const envSchema = z.object({
  // NODE_ENV comes with infraEnvShape (development | production | test, default development).
  HOST: z.string().default('0.0.0.0'),
  PORT: int(3000, 0).pipe(z.number().max(65535)),
  ...infraEnvShape,
  JWT_SECRET: z.string().min(32, 'needs at least 32 characters')
    // The placeholders deploy/ ever shipped: applied by mistake they would leave every token forgeable.
    .refine((value) => !/change-me|replace-me/i.test(value), 'is a placeholder from an example; generate one (openssl rand -base64 48)')
    .optional(),
  ACCESS_TOKEN_TTL_SEC: int(900, 30),
  REFRESH_TOKEN_TTL_SEC: int(30 * 24 * 3600, 60),
  COOKIE_SECURE: z.string().optional(),
  /** With it, /metrics answers only `Authorization: Bearer <token>`; without, only direct loopback scrapes. */
  METRICS_TOKEN: z.string().min(16, 'needs at least 16 characters').refine((value) => !/replace-me/i.test(value), 'is the example placeholder').optional(),
  /** The proxies whose X-Forwarded-For is believed: a hop count or addresses/networks (trust-proxy.ts). */
  TRUST_PROXY: z.string().optional().transform((value, ctx) => {
    const parsed = parseTrustProxy(value);
    if (typeof parsed === 'object' && !Array.isArray(parsed)) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed;
  }),
  /** Comma-separated origins (scheme://host[:port]) whose pages may open a Socket.IO connection; empty: the request's own host. */
  PUBLIC_ORIGINS: z.string().default('').transform((value, ctx) => {
    const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
    const normalised: string[] = [];
    for (const origin of origins) {
      try {
        const url = new URL(origin);
        if (url.origin === 'null' || url.pathname !== '/' || url.search || url.hash) throw new Error('not an origin');
        normalised.push(url.origin);
      } catch {
        ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin like https://school.example.org` });
      }
    }
    return normalised;
  }),
  BODY_LIMIT_BYTES: int(1_048_576, 1024),
  /** An admin's problem-package upload (multipart, streamed to disk); every other route keeps BODY_LIMIT_BYTES. */
  PACKAGE_UPLOAD_LIMIT_BYTES: int(64 * 1024 * 1024, 1024),
  LOGIN_LIMIT_PER_ACCOUNT: int(10, 1),
  LOGIN_LIMIT_PER_ADDRESS: int(50, 1),
  LOGIN_LIMIT_WINDOW_SEC: int(300, 1),
  SIGNUP_LIMIT_PER_ADDRESS: int(50, 1),
  SIGNUP_LIMIT_WINDOW_SEC: int(3600, 1),
  PASSWORD_RESET_TTL_SEC: int(3600, 60),
  /** smtp://[user:pass@]host[:port] or smtps://…: forgotten-password e-mails (docs/accounts.md); unset: admins issue links. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'must look like smtp://user:pass@host:587 or smtps://host:465').optional(),
  SMTP_FROM: z.string().regex(/^[^\r\n]+$/).default('LogiCode <no-reply@localhost>'),
  WEB_DIST_DIR: z.string().default('apps/web/dist'),
  DATA_DIR: z.string().default('./data'),
  /** Who a teacher sees: 'classes' (their own classes' students) or 'all' (a one-teacher school); docs/access.md. */
  TEACHER_SCOPE: z.enum(['classes', 'all']).default('classes'),
});

export type ApiEnv = z.infer<typeof envSchema>;

/**
 * Without JWT_SECRET an embedded install keeps a generated secret in its data dir (so sessions survive a
 * restart); a scaled deployment (REDIS_URL) must share one secret across processes and so must set it.
 */
function jwtSecretOf(env: ApiEnv): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  if (env.REDIS_URL) throw new Error('Invalid configuration for api:\n  - JWT_SECRET: required when REDIS_URL is set (all processes must share it)');
  const file = resolve(env.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 }); // private: the secret signs every session
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** E-mailed reset links need SMTP and the site's public address (the first PUBLIC_ORIGINS entry) for the link. */
function mailConfigOf(env: ApiEnv): { smtpUrl: string; from: string; publicOrigin: string } | null {
  if (!env.SMTP_URL) return null;
  const publicOrigin = env.PUBLIC_ORIGINS[0];
  if (!publicOrigin) throw new Error('Invalid configuration for api:\n  - PUBLIC_ORIGINS: required when SMTP_URL is set (the reset link points at it)');
  return { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM, publicOrigin };
}

export function loadApiConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(envSchema, env, 'api');
  const { maxQueuedPerUser, usageLimits, ...infra } = infraConfigOf(parsed);
  return Object.freeze({
    env: parsed.NODE_ENV,
    host: parsed.HOST,
    port: parsed.PORT,
    ...infra,
    core: {
      jwtSecret: jwtSecretOf(parsed),
      accessTokenTtlSec: parsed.ACCESS_TOKEN_TTL_SEC,
      refreshTokenTtlSec: parsed.REFRESH_TOKEN_TTL_SEC,
      login: {
        perAccountLimit: parsed.LOGIN_LIMIT_PER_ACCOUNT,
        perAddressLimit: parsed.LOGIN_LIMIT_PER_ADDRESS,
        windowMs: parsed.LOGIN_LIMIT_WINDOW_SEC * 1000,
      },
      signup: { perAddressLimit: parsed.SIGNUP_LIMIT_PER_ADDRESS, windowMs: parsed.SIGNUP_LIMIT_WINDOW_SEC * 1000 },
      passwordResetTtlSec: parsed.PASSWORD_RESET_TTL_SEC,
      mail: mailConfigOf(parsed),
      maxQueuedPerUser,
      usageLimits,
      teacherScope: parsed.TEACHER_SCOPE,
    },
    cookieSecure: envFlag(parsed.COOKIE_SECURE, parsed.NODE_ENV === 'production'),
    trustProxy: parsed.TRUST_PROXY,
    metricsToken: parsed.METRICS_TOKEN ?? null,
    publicOrigins: Object.freeze(parsed.PUBLIC_ORIGINS),
    bodyLimitBytes: parsed.BODY_LIMIT_BYTES,
    packageUploadLimitBytes: parsed.PACKAGE_UPLOAD_LIMIT_BYTES,
    webDistDir: resolve(parsed.WEB_DIST_DIR),
    dataDir: resolve(parsed.DATA_DIR),
  });
}

export type ApiConfig = ReturnType<typeof loadApiConfig>;

// The CLI's own settings (the api and worker read theirs in their config modules).
import { z } from 'zod';
import { envFlag, parseEnv } from '@logicode/platform';

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  SEED_DEMO: z.string().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'needs at least 8 characters').optional(),
  PUBLIC_URL: z.string().url().optional(),
});

export function loadCliConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(envSchema, env, 'cli');
  const production = parsed.NODE_ENV === 'production';
  return Object.freeze({
    production,
    /**
     * Demo accounts and problems on an empty database: the laptop default, off in production unless asked for
     * (the demo's passwords are in the README, so a production install must not start with them).
     */
    seedDemo: envFlag(parsed.SEED_DEMO, !production),
    adminPassword: parsed.ADMIN_PASSWORD ?? null,
    publicUrl: parsed.PUBLIC_URL ?? null,
  });
}
export type CliConfig = ReturnType<typeof loadCliConfig>;

const importEnvSchema = z.object({
  LOGICODE_URL: z.string().url().default('http://127.0.0.1:3000'),
  LOGICODE_ADMIN_EMAIL: z.string().email().optional(),
  LOGICODE_ADMIN_PASSWORD: z.string().optional(),
  /** An admin's access token instead of an e-mail and password. */
  LOGICODE_TOKEN: z.string().optional(),
});

/** `logicode problems import`: which api, as which admin (docs/problem-packages.md). */
export function loadImportConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(importEnvSchema, env, 'cli');
  return Object.freeze({
    url: parsed.LOGICODE_URL.replace(/\/$/, ''),
    email: parsed.LOGICODE_ADMIN_EMAIL ?? null,
    password: parsed.LOGICODE_ADMIN_PASSWORD ?? null,
    token: parsed.LOGICODE_TOKEN ?? null,
  });
}
export type ImportConfig = ReturnType<typeof loadImportConfig>;

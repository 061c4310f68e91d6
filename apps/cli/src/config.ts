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

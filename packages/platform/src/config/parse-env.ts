import type { z } from 'zod';

/**
 * Validates environment variables against a schema and lists every bad variable at once, so a
 * misconfigured deployment fails at boot with the whole list, not one error per restart.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>, appName: string): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return Object.freeze(result.data) as z.infer<S>;
  const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new Error(`Invalid configuration for ${appName}:\n${lines.join('\n')}`);
}

/** "true"/"1"/"yes" → true; "false"/"0"/"no"/"" → false. */
export function envFlag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['true', '1', 'yes', 'on'].includes(value.toLowerCase());
}

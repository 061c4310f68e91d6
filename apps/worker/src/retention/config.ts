// The retention command's configuration: ages from RETENTION_* variables, overridable by flags.
import { DEFAULT_RETENTION, type RetentionAges } from '@logicode/core';

export interface RetentionCommandConfig {
  databaseUrl: string;
  /** DATABASE_SHARD_URLS: events and snapshots live there (see packages/db/src/shards.ts). */
  shardUrls: string[];
  ages: RetentionAges;
  dryRun: boolean;
}

const FLAGS: Record<string, keyof RetentionAges> = {
  '--low-days': 'lowSeverityEventsDays',
  '--events-days': 'allEventsDays',
  '--snapshots-days': 'snapshotsDays',
  '--sessions-days': 'endedSessionsDays',
};
const ENV: Record<keyof RetentionAges, string> = {
  lowSeverityEventsDays: 'RETENTION_LOW_EVENTS_DAYS',
  allEventsDays: 'RETENTION_EVENTS_DAYS',
  snapshotsDays: 'RETENTION_SNAPSHOTS_DAYS',
  endedSessionsDays: 'RETENTION_SESSIONS_DAYS',
};

function days(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid configuration for retention:\n  - ${name}: a whole number of days >= 1`);
  return n;
}

/** Retention ages for a long-running worker, from the environment. */
export function retentionAgesFromEnv(env: Record<string, string | undefined> = process.env): RetentionAges {
  const ages = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(ENV) as (keyof RetentionAges)[]) ages[key] = days(env[ENV[key]], ENV[key], ages[key]);
  return ages;
}

export function loadRetentionCommandConfig(argv: string[], env: Record<string, string | undefined> = process.env): RetentionCommandConfig {
  const ages = retentionAgesFromEnv(env);
  let dryRun = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--dry-run') dryRun = true;
    else if (FLAGS[arg]) {
      ages[FLAGS[arg]] = days(argv[i + 1], arg, ages[FLAGS[arg]]);
      i += 1;
    } else throw new Error(`Unknown argument ${arg}. Use --dry-run, ${Object.keys(FLAGS).join(', ')}.`);
  }
  const shardUrls = (env.DATABASE_SHARD_URLS ?? '').split(',').map((url) => url.trim()).filter(Boolean);
  return Object.freeze({ databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/logicode.db', shardUrls, ages, dryRun });
}

// `npx tsx apps/worker/src/retention/run-retention.ts [--dry-run] [--low-days N] [--events-days N]
//  [--snapshots-days N] [--sessions-days N]`: one retention pass over DATABASE_URL (and DATABASE_SHARD_URLS).
// --dry-run only counts.
import { createMemoryCache, createMemoryPubSub, createMemoryRateLimiter, systemClock } from '@logicode/platform';
import { createDb, DEFAULT_POOL } from '@logicode/db';
import { runRetention, type CoreDeps } from '@logicode/core';
import { loadRetentionCommandConfig } from './config.js';
import { formatRetentionReport } from './retention-job.js';

const config = loadRetentionCommandConfig(process.argv.slice(2));
const db = createDb({ url: config.databaseUrl, shardUrls: config.shardUrls, pool: DEFAULT_POOL });
const deps = {
  db, clock: systemClock, cache: createMemoryCache(), pubsub: createMemoryPubSub(), rateLimiter: createMemoryRateLimiter(systemClock),
  queue: () => {
    throw new Error('the retention command uses no queue');
  },
  config: {} as CoreDeps['config'], log: () => undefined,
} satisfies CoreDeps;
try {
  const report = await runRetention(deps, config.ages, { dryRun: config.dryRun });
  console.log(formatRetentionReport(report));
} finally {
  await db.close();
}

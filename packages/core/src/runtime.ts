import { createDb, ensureMysqlDatabases, migrateToLatest, type DbConfig, type DbHandle } from '@logicode/db';
import { createPlatform, type Platform, type RedisPersistencePolicy } from '@logicode/platform';
import type { CoreConfig, CoreLog } from './context.js';
import { createRemoteProblemValidator } from './problems/remote-validator.js';
import { VALIDATE_QUEUE } from './submissions/queues.js';
import { createCore, type Core, type CoreOptions } from './create-core.js';
import { PROCTOR_EVENTS_STREAM } from './proctoring/index.js';

export interface RuntimeOptions {
  db: DbConfig;
  redisUrl: string | null;
  redisPrefix: string;
  core: CoreConfig;
  log: CoreLog;
  /** Bring the schema up to date before serving (the default; `logicode migrate` does it alone). */
  migrate: boolean;
  coreOptions?: CoreOptions;
  /** Ask a worker to run reference solutions before a problem is saved (default true; HTTP-only tests turn it off). */
  validateProblems?: boolean;
  /** Scaled mode: what to do when Redis does not persist (REDIS_PERSISTENCE_CHECK; docs/scale-out.md). Default off. */
  redisPersistence?: RedisPersistencePolicy;
  /** BullMQ lock duration in scaled mode (see PlatformOptions.queueLockMs). */
  queueLockMs?: number;
  /** How long an admin's save waits for a worker's validation. */
  validationTimeoutMs?: number;
  /** An already open database (tests); then `db` only describes it and nothing is migrated or opened. */
  handle?: DbHandle;
}

/** One process's database, platform adapters and domain services; shared by the api and worker roles. */
export interface Runtime {
  db: DbHandle;
  platform: Platform;
  core: Core;
  close(): Promise<void>;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const migrate = options.migrate && !options.handle;
  if (migrate) await ensureMysqlDatabases(options.db);
  const db = options.handle ?? createDb(options.db);
  if (migrate) await migrateToLatest(db);
  const platform = createPlatform({
    redisUrl: options.redisUrl, prefix: options.redisPrefix, queueLockMs: options.queueLockMs, log: options.log, redisPersistence: options.redisPersistence,
  });
  try {
    await platform.checkDurability();
  } catch (error) {
    await platform.close();
    if (!options.handle) await db.close();
    throw error;
  }
  const core = createCore(
    {
      db,
      clock: platform.clock,
      cache: platform.cache,
      pubsub: platform.pubsub,
      rateLimiter: platform.rateLimiter,
      queue: (name) => platform.queue(name),
      ranking: (name, maxAgeMs) => platform.ranking(name, maxAgeMs),
      config: options.core,
      log: options.log,
    },
    // Scaled mode: proctor events go through the Redis stream to the worker's consumer (PROCTOR_EVENTS_STREAM).
    {
      ...(options.validateProblems === false ? {} : {
        problemValidator: createRemoteProblemValidator({
          queue: platform.queue(VALIDATE_QUEUE), pubsub: platform.pubsub, timeoutMs: options.validationTimeoutMs ?? 180_000,
        }),
        // A package's submissions/ may be many programs: a longer wait than one save's reference solutions.
        packageWorker: { queue: platform.queue(VALIDATE_QUEUE), pubsub: platform.pubsub, timeoutMs: Math.max(600_000, options.validationTimeoutMs ?? 0) },
      }),
      ...options.coreOptions,
      proctoring: { stream: platform.mode === 'scaled' ? platform.stream(PROCTOR_EVENTS_STREAM) : null, ...options.coreOptions?.proctoring } },
  );
  return {
    db,
    platform,
    core,
    async close() {
      await core.proctoring.attempts.flushHeartbeats(); // heartbeats written behind (heartbeat-buffer.ts)
      await platform.close();
      await db.close();
    },
  };
}

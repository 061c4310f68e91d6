import { z } from 'zod';
import { REDIS_PERSISTENCE_POLICIES } from '../redis-durability.js';

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

/** The environment variables every process role reads: where the database and Redis are. */
export const infraEnvShape = {
  DATABASE_URL: z.string().regex(/^(sqlite:|mysql:\/\/|mariadb:\/\/)/, 'use sqlite:<path> or mysql://user:pass@host:port/db').default('sqlite:./data/logicode.db'),
  DATABASE_READ_URL: z.string().regex(/^(mysql:\/\/|mariadb:\/\/)/, 'use mysql://user:pass@host:port/db (a replica of DATABASE_URL)').optional(),
  DATABASE_SHARD_URLS: z.string().optional().refine(
    (value) => !value || value.split(',').every((url) => /^(mysql|mariadb):\/\/[^/]+\/\w+$/.test(url.trim())),
    'a comma-separated list of mysql://user:pass@host:port/db (one database per shard)',
  ),
  DB_POOL_SIZE: int(20, 1),
  DB_QUEUE_LIMIT: int(500),
  DB_ACQUIRE_TIMEOUT_MS: int(10_000, 100),
  DB_IDLE_TIMEOUT_MS: int(60_000, 1000),
  DB_CONNECT_TIMEOUT_MS: int(10_000, 100),
  /** A query not answered in this long fails (0: none); the replica's is short, its reads then go to the primary. */
  DB_QUERY_TIMEOUT_MS: int(60_000),
  DB_REPLICA_QUERY_TIMEOUT_MS: int(5_000, 100),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'use redis://host:port').optional(),
  REDIS_PREFIX: z.string().default('logicode:'),
  /** Same as the api's: the default of REDIS_PERSISTENCE_CHECK depends on it. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** refuse | warn (not ready) | log | off; default refuse in production, else log (docs/scale-out.md). */
  REDIS_PERSISTENCE_CHECK: z.enum(REDIS_PERSISTENCE_POLICIES).optional(),
  MAX_QUEUED_PER_USER: int(5, 1),
  /** Per-user usage limits (docs/security.md, "Limits per user"): Runs and Submits a minute, custom input, proctoring bytes. */
  SUBMISSIONS_PER_MINUTE: int(12, 1),
  CUSTOM_INPUT_MAX_BYTES: int(65_536, 1),
  PROCTOR_BYTES_PER_MINUTE: int(4 * 1024 * 1024, 1024),
  PROCTOR_BYTES_PER_ATTEMPT: int(64 * 1024 * 1024, 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
};

type InfraEnv = z.infer<z.ZodObject<typeof infraEnvShape>>;

/** The database (shape of @logicode/db's DbConfig) and Redis settings from parsed variables. */
export function infraConfigOf(env: InfraEnv) {
  return {
    db: {
      url: env.DATABASE_URL,
      // Optional (as in DbConfig), so configs built without a replica stay assignable.
      ...(env.DATABASE_READ_URL ? { readUrl: env.DATABASE_READ_URL } : {}),
      // proctor_events and code_snapshots by user id (userId mod N): the order of the list is the shard number.
      ...(env.DATABASE_SHARD_URLS ? { shardUrls: env.DATABASE_SHARD_URLS.split(',').map((url) => url.trim()).filter(Boolean) } : {}),
      pool: {
        connectionLimit: env.DB_POOL_SIZE,
        queueLimit: env.DB_QUEUE_LIMIT,
        acquireTimeoutMs: env.DB_ACQUIRE_TIMEOUT_MS,
        idleTimeoutMs: env.DB_IDLE_TIMEOUT_MS,
        connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
        // Optional (as in DbConfig), so configs built from a test database's DbConfig stay assignable.
        ...({ queryTimeoutMs: env.DB_QUERY_TIMEOUT_MS, replicaQueryTimeoutMs: env.DB_REPLICA_QUERY_TIMEOUT_MS } as { queryTimeoutMs?: number; replicaQueryTimeoutMs?: number }),
      },
    },
    redisUrl: env.REDIS_URL ?? null,
    redisPrefix: env.REDIS_PREFIX,
    redisPersistence: env.REDIS_PERSISTENCE_CHECK ?? (env.NODE_ENV === 'production' ? 'refuse' : 'log'),
    maxQueuedPerUser: env.MAX_QUEUED_PER_USER,
    usageLimits: {
      submissionsPerMinute: env.SUBMISSIONS_PER_MINUTE,
      customInputMaxBytes: env.CUSTOM_INPUT_MAX_BYTES,
      proctorBytesPerMinute: env.PROCTOR_BYTES_PER_MINUTE,
      proctorBytesPerAttempt: env.PROCTOR_BYTES_PER_ATTEMPT,
    },
    logLevel: env.LOG_LEVEL,
  };
}

// The only reader of process.env in the worker. Validated at boot, every bad variable listed, then frozen.
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { envFlag, infraConfigOf, infraEnvShape, parseEnv } from '@logicode/platform';
import { retentionAgesFromEnv } from './retention/config.js';

export const WORKER_ROLES = ['judge', 'events', 'timers', 'retention', 'plagiarism'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

const envSchema = z.object({
  ...infraEnvShape,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  WORKER_ROLES: z.string().default(WORKER_ROLES.join(',')).refine(
    (value) => value.split(',').map((r) => r.trim()).filter(Boolean).every((r) => (WORKER_ROLES as readonly string[]).includes(r)),
    `a comma-separated list of: ${WORKER_ROLES.join(', ')}`,
  ),
  JUDGE_ALLOW_UNSANDBOXED: z.string().optional(),
  JUDGE_WORK_DIR: z.string().optional(),
  /** The judge on a thread of its own (default off: measured worse under an exam's load, BENCHMARKS.md). */
  JUDGE_THREAD: z.string().optional(),
  QUEUE_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  STUCK_SUBMISSION_AFTER_SEC: z.coerce.number().int().min(30).default(300),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Who a teacher sees: 'classes' (their own classes' students) or 'all' (a one-teacher school); docs/access.md. */
  TEACHER_SCOPE: z.enum(['classes', 'all']).default('classes'),
});

export function loadWorkerConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(envSchema, env, 'worker');
  const { maxQueuedPerUser, ...infra } = infraConfigOf(parsed);
  return Object.freeze({
    ...infra,
    /** The worker signs no tokens; core's account settings get inert values. */
    core: {
      jwtSecret: randomBytes(32).toString('hex'),
      accessTokenTtlSec: 900,
      refreshTokenTtlSec: 3600,
      login: { perAccountLimit: 1, perAddressLimit: 1, windowMs: 1000 },
      maxQueuedPerUser,
      teacherScope: parsed.TEACHER_SCOPE,
    },
    /** Judge jobs at once: one per core by default (each job is one sandboxed program at a time). */
    concurrency: parsed.WORKER_CONCURRENCY ?? availableParallelism(),
    roles: new Set(parsed.WORKER_ROLES.split(',').map((r) => r.trim()).filter(Boolean) as WorkerRole[]),
    allowUnsandboxed: envFlag(parsed.JUDGE_ALLOW_UNSANDBOXED, false),
    judgeWorkDir: parsed.JUDGE_WORK_DIR ?? null,
    judgeThread: envFlag(parsed.JUDGE_THREAD, false),
    stuckAfterMs: parsed.STUCK_SUBMISSION_AFTER_SEC * 1000,
    /** BullMQ lock: a killed worker's job is taken by another after about this long. */
    queueLockMs: parsed.QUEUE_LOCK_MS,
    retentionAges: retentionAgesFromEnv(env),
    /** /metrics, /healthz and /readyz on this port (all interfaces); null: no HTTP listener. 0: any free port. */
    metricsPort: parsed.WORKER_METRICS_PORT ?? null,
  });
}
export type WorkerConfig = ReturnType<typeof loadWorkerConfig>;

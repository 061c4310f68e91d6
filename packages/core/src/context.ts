import type { Role } from '@logicode/contracts';
import type { DbHandle } from '@logicode/db';
import type { Cache, Clock, JobQueue, PubSub, RateLimiter, Ranking } from '@logicode/platform';

/** Settings the domain services need; apps build it from their validated config. */
export interface CoreConfig {
  jwtSecret: string;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  login: { perAccountLimit: number; perAddressLimit: number; windowMs: number };
  /** New accounts per address per window (SIGNUP_LIMIT_*); absent: 50 an hour. */
  signup?: { perAddressLimit: number; windowMs: number };
  /** How long a password reset link works (PASSWORD_RESET_TTL_SEC); absent: an hour. */
  passwordResetTtlSec?: number;
  /**
   * E-mail for forgotten passwords (SMTP_URL, SMTP_FROM); the link points at `publicOrigin`. Absent or null: no
   * e-mail is sent and an admin issues reset links instead.
   */
  mail?: { smtpUrl: string; from: string; publicOrigin: string } | null;
  /** Per-user rates and volumes (SUBMISSIONS_PER_MINUTE, …); absent: DEFAULT_USAGE_LIMITS. */
  usageLimits?: UsageLimits;
  /** How many of a user's submissions may wait in the queue at once. */
  maxQueuedPerUser: number;
  /**
   * Who a teacher sees (TEACHER_SCOPE): 'classes' (the default) = the students of their own classes and the
   * attempts in their own assessments; 'all' = every student (a one-teacher school). Admins always see everyone.
   */
  teacherScope?: 'classes' | 'all';
}

export interface UsageLimits {
  /** Runs and Submits per user per minute (auto-submits at a deadline are not counted). */
  submissionsPerMinute: number;
  /** A Run's custom input, in UTF-8 bytes. */
  customInputMaxBytes: number;
  /** Proctoring events per user per minute, in bytes of their JSON. */
  proctorBytesPerMinute: number;
  /** Proctoring events per attempt in all, in bytes of their JSON. */
  proctorBytesPerAttempt: number;
}

export const DEFAULT_USAGE_LIMITS: UsageLimits = {
  submissionsPerMinute: 12,
  customInputMaxBytes: 65_536,
  proctorBytesPerMinute: 4 * 1024 * 1024,
  proctorBytesPerAttempt: 64 * 1024 * 1024,
};

export interface CoreLog {
  (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void;
}

/** Everything a service may use. Built once per process and passed down. */
export interface CoreDeps {
  db: DbHandle;
  clock: Clock;
  cache: Cache;
  pubsub: PubSub;
  rateLimiter: RateLimiter;
  /** The named work queues (judge, problem validation, ...). */
  queue<T>(name: string): JobQueue<T>;
  /** Named ranked sets (the leaderboard): shared through Redis in scaled mode. Absent: one in memory. */
  ranking?<T>(name: string, maxAgeMs: number): Ranking<T>;
  config: CoreConfig;
  log: CoreLog;
}

/** Who is asking. Services decide what an actor may see; routes only check that someone is signed in. */
export interface Actor {
  userId: number;
  role: Role;
  name: string;
}

export function isStaff(actor: Actor | null): boolean {
  return actor?.role === 'teacher' || actor?.role === 'admin';
}

// Messages between a ThreadedJudge (the caller's thread) and the judge thread (judge-thread-body.ts).
import type { JudgeJob, JudgeResult, TestResult } from '@logicode/contracts';
import type { BuildCacheOutcome } from '../build.js';
import type { JudgeOptions } from '../judge.js';
import type { LanguageStatus } from '../self-test.js';

/** JudgeOptions without the log function (a function cannot cross threads; log lines come back as messages). */
export type ThreadJudgeOptions = Omit<JudgeOptions, 'log'>;

export type ToThread =
  | { op: 'init'; seq: number; options: ThreadJudgeOptions }
  | { op: 'run'; seq: number; job: JudgeJob }
  | { op: 'abort'; seq: number }
  | { op: 'selfTest'; seq: number }
  | { op: 'close'; seq: number };

/** An error as it crosses: an AppError keeps its code, so callers still tell a disabled language from a fault. */
export interface ThreadError { message: string; code: string | null; details?: unknown }

export type FromThread =
  | { type: 'done'; seq: number; value: JudgeResult | LanguageStatus[] | { sandboxed: boolean } | null }
  | { type: 'failed'; seq: number; error: ThreadError }
  | { type: 'compiled'; seq: number; compileMs: number; buildCache: BuildCacheOutcome }
  | { type: 'test'; seq: number; index: number; result: TestResult }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; data?: unknown };

import type { LanguageId, ProblemUpsertBody, Verdict } from '@logicode/contracts';

/** The judge queue: the api adds a submission id, a worker judges it. Everything else is read from the database. */
export const JUDGE_QUEUE = 'judge';
export interface JudgeQueueMessage {
  submissionId: number;
  /** When it was put on the queue (ms), for the queue-wait metric; absent on jobs enqueued by older versions. */
  enqueuedAtMs?: number;
}

/** Problem validation: an admin's save waits for the worker to run every reference solution on every test. */
export const VALIDATE_QUEUE = 'validate-problem';
export interface ValidateQueueMessage {
  requestId: string;
  problem: ProblemUpsertBody;
  /** Package verification (docs/problem-packages.md): judge these submissions instead of the reference solutions. */
  verify?: { submissions: { path: string; language: LanguageId; source: string }[] };
}
/** One package submission judged on the problem's tests (stopping at the first failure, as the ICPC tools do). */
export interface SubmissionRun {
  path: string;
  verdict: Verdict;
  maxCpuMs: number;
  /** The first failing test's message, or the compiler's first lines. */
  message: string | null;
}
export const validationReplyChannel = (requestId: string) => `problem-validation:${requestId}`;

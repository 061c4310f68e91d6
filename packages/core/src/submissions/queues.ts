import type { ProblemUpsertBody } from '@logicode/contracts';

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
}
export const validationReplyChannel = (requestId: string) => `problem-validation:${requestId}`;

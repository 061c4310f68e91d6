import { randomUUID } from 'node:crypto';
import { AppError, type ProblemUpsertBody } from '@logicode/contracts';
import type { JobQueue, PubSub } from '@logicode/platform';
import type { ProblemValidationFailure, ProblemValidator } from './problems-service.js';
import { validationReplyChannel, type SubmissionRun, type ValidateQueueMessage } from '../submissions/queues.js';

export interface ValidationReply {
  failures: ProblemValidationFailure[];
  /** Package verification (`verify` in the request): one run per submission, in order. */
  runs?: SubmissionRun[];
  error?: string;
}

export interface RemoteWorkerOptions {
  queue: JobQueue<ValidateQueueMessage>;
  pubsub: PubSub;
  timeoutMs: number;
}

/**
 * Asks a worker to run code (the api never runs untrusted code itself) and waits for its answer on a reply
 * channel. No worker answering in time is a 503, not a silent save.
 */
export async function askWorker(options: RemoteWorkerOptions, message: Omit<ValidateQueueMessage, 'requestId'>): Promise<ValidationReply> {
  const requestId = randomUUID();
  let resolveReply!: (reply: ValidationReply) => void;
  const reply = new Promise<ValidationReply>((resolve) => {
    resolveReply = resolve;
  });
  // The subscription must be live (on Redis: SUBSCRIBE acknowledged) before the job exists, or a fast
  // worker's answer is published to nobody and the save waits out the whole time-out.
  const unsubscribe = await options.pubsub.subscribe(validationReplyChannel(requestId), (answer) => resolveReply(answer as ValidationReply));
  let timer: NodeJS.Timeout | undefined;
  try {
    await options.queue.add({ ...message, requestId }, { jobId: `validate-${requestId}` });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('UNAVAILABLE', 'No judge worker answered in time; is a worker running?')), options.timeoutMs);
    });
    const answer = await Promise.race([reply, timeout]);
    if (answer.error) throw new AppError('UNAVAILABLE', `Validation could not run: ${answer.error}`);
    return answer;
  } finally {
    clearTimeout(timer);
    await unsubscribe();
  }
}

/** Runs every reference solution on every test, on a worker. */
export function createRemoteProblemValidator(options: RemoteWorkerOptions): ProblemValidator {
  return async (problem: ProblemUpsertBody) => (await askWorker(options, { problem })).failures;
}

import { randomUUID } from 'node:crypto';
import { AppError, type ProblemUpsertBody } from '@logicode/contracts';
import type { JobQueue, PubSub } from '@logicode/platform';
import type { ProblemValidationFailure, ProblemValidator } from './problems-service.js';
import { validationReplyChannel, type ValidateQueueMessage } from '../submissions/queues.js';

export interface ValidationReply {
  failures: ProblemValidationFailure[];
  error?: string;
}

/**
 * Asks a worker to run the reference solutions (the api never runs untrusted code itself) and waits for its
 * answer on a reply channel. No worker answering in time is a 503, not a silent save.
 */
export function createRemoteProblemValidator(options: { queue: JobQueue<ValidateQueueMessage>; pubsub: PubSub; timeoutMs: number }): ProblemValidator {
  return async (problem: ProblemUpsertBody) => {
    const requestId = randomUUID();
    let resolveReply!: (reply: ValidationReply) => void;
    const reply = new Promise<ValidationReply>((resolve) => {
      resolveReply = resolve;
    });
    // The subscription must be live (on Redis: SUBSCRIBE acknowledged) before the job exists, or a fast
    // worker's answer is published to nobody and the save waits out the whole time-out.
    const unsubscribe = await options.pubsub.subscribe(validationReplyChannel(requestId), (message) => resolveReply(message as ValidationReply));
    let timer: NodeJS.Timeout | undefined;
    try {
      await options.queue.add({ requestId, problem }, { jobId: `validate-${requestId}` });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('UNAVAILABLE', 'No judge worker answered in time to validate the reference solutions; is a worker running?')), options.timeoutMs);
      });
      const answer = await Promise.race([reply, timeout]);
      if (answer.error) throw new AppError('UNAVAILABLE', `Validation could not run: ${answer.error}`);
      return answer.failures;
    } finally {
      clearTimeout(timer);
      await unsubscribe();
    }
  };
}

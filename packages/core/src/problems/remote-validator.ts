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
    let unsubscribe: (() => Promise<void>) | null = null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const reply = new Promise<ValidationReply>((resolve, reject) => {
        timer = setTimeout(() => reject(new AppError('UNAVAILABLE', 'No judge worker answered in time to validate the reference solutions; is a worker running?')), options.timeoutMs);
        void options.pubsub.subscribe(validationReplyChannel(requestId), (message) => resolve(message as ValidationReply))
          .then((off) => {
            unsubscribe = off;
          });
      });
      // Subscribe before enqueueing, so a fast worker's reply is not missed.
      await new Promise((resolve) => setImmediate(resolve));
      await options.queue.add({ requestId, problem }, { jobId: `validate-${requestId}` });
      const answer = await reply;
      if (answer.error) throw new AppError('UNAVAILABLE', `Validation could not run: ${answer.error}`);
      return answer.failures;
    } finally {
      clearTimeout(timer);
      const off = unsubscribe as (() => Promise<void>) | null;
      if (off) await off();
    }
  };
}

import { JUDGE_QUEUE, type ClaimedSubmission, type CoreLog, type JudgeQueueMessage, type Runtime } from '@logicode/core';
import type { Judge } from '@logicode/judge';

export interface JudgeConsumerOptions {
  runtime: Runtime;
  judge: Judge;
  concurrency: number;
  log: CoreLog;
}

/**
 * Takes submissions off the judge queue: compile once, run every test, push each result as it finishes,
 * store the verdict. A throw puts the job back on the queue; a submission tried too often ends as IE.
 */
export function startJudgeConsumer(options: JudgeConsumerOptions): void {
  const { runtime, judge, log } = options;
  const { submissions } = runtime.core;
  const queue = runtime.platform.queue<JudgeQueueMessage>(JUDGE_QUEUE);

  async function judgeOne(claim: ClaimedSubmission): Promise<void> {
    // Each test's result is stored and pushed in order; finish() waits for the chain so that
    // 'submission:done' never overtakes a test result.
    let chain = Promise.resolve();
    const started = Date.now();
    const result = await judge.run(claim.job, {
      onTestResult: (index, test) => {
        chain = chain.then(() => submissions.recordTest(claim, index, test)).catch((error: unknown) => {
          log('warn', 'storing a test result failed', { submissionId: claim.submissionId, index, error: String(error) });
        });
      },
    });
    await chain;
    await submissions.finish(claim, result);
    await runtime.core.plagiarism.reports.submissionJudged(claim.submissionId).catch((error: unknown) => log('warn', 'plagiarism check not queued', { submissionId: claim.submissionId, error: String(error) }));
    log('info', 'judged', { submissionId: claim.submissionId, verdict: result.verdict, tests: result.tests.length, ms: Date.now() - started });
  }

  queue.process(async ({ submissionId }) => {
    const claim = await submissions.claim(submissionId);
    if (!claim) return;
    try {
      await judgeOne(claim);
    } catch (error) {
      log('error', 'judging failed', { submissionId, error: String(error) });
      if ((await submissions.judgingFailed(submissionId)) === 'retry') throw error;
    }
  }, { concurrency: options.concurrency });
}

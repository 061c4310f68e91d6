import { JUDGE_QUEUE, type ClaimedSubmission, type CoreLog, type JudgeQueueMessage, type Runtime } from '@logicode/core';
import type { Judge } from '@logicode/judge';
import type { WorkerMetrics } from '@logicode/platform';

export interface JudgeConsumerOptions {
  runtime: Runtime;
  judge: Judge;
  concurrency: number;
  log: CoreLog;
  /** Judge durations and queue wait (the worker's /metrics). */
  metrics?: WorkerMetrics;
}

/**
 * Takes submissions off the judge queue: compile once, run every test, push each result as it finishes,
 * store the verdict. A throw puts the job back on the queue; a submission tried too often ends as IE.
 */
export function startJudgeConsumer(options: JudgeConsumerOptions): void {
  const { runtime, judge, log } = options;
  const { submissions } = runtime.core;
  const queue = runtime.platform.queue<JudgeQueueMessage>(JUDGE_QUEUE);

  /** Compile time from the judge's hook; the rest of the job (every test run and checked) is the run time. */
  function observeDurations(claim: ClaimedSubmission, verdict: string, times: { compileMs: number | null; totalMs: number }) {
    if (!options.metrics || times.compileMs === null) return;
    const labels = { language: claim.job.language, verdict };
    options.metrics.judgeCompileDuration.observe(labels, times.compileMs / 1000);
    if (verdict !== 'CE') options.metrics.judgeRunDuration.observe(labels, Math.max(0, times.totalMs - times.compileMs) / 1000);
  }

  async function judgeOne(claim: ClaimedSubmission): Promise<void> {
    // Each test's result is stored and pushed in order; finish() waits for the chain so that
    // 'submission:done' never overtakes a test result.
    let chain = Promise.resolve();
    const started = Date.now();
    let compileMs: number | null = null;
    // A custom input's expected output: the reference solution on that input alone, judged first (sandboxed alike).
    if (claim.referenceJob) await submissions.setCustomExpected(claim, await judge.run(claim.referenceJob).catch(() => null));
    const result = await judge.run(claim.job, {
      onCompiled: (ms, { buildCache }) => {
        compileMs = ms;
        if (buildCache !== 'off') options.metrics?.judgeBuildCache.inc({ language: claim.job.language, result: buildCache });
      },
      onTestResult: (index, test) => {
        chain = chain.then(() => submissions.recordTest(claim, index, test)).catch((error: unknown) => {
          log('warn', 'storing a test result failed', { submissionId: claim.submissionId, index, error: String(error) });
        });
      },
    });
    await chain;
    observeDurations(claim, result.verdict, { compileMs, totalMs: Date.now() - started });
    await submissions.finish(claim, result);
    await runtime.core.plagiarism.reports.submissionJudged(claim.submissionId).catch((error: unknown) => log('warn', 'plagiarism check not queued', { submissionId: claim.submissionId, error: String(error) }));
    log('info', 'judged', { submissionId: claim.submissionId, verdict: result.verdict, tests: result.tests.length, ms: Date.now() - started });
  }

  queue.process(async ({ submissionId, enqueuedAtMs }) => {
    if (enqueuedAtMs !== undefined) options.metrics?.queueWait.observe({ queue: JUDGE_QUEUE }, Math.max(0, Date.now() - enqueuedAtMs) / 1000);
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

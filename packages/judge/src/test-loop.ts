// The one loop over a job's tests, shared by batch and interactive jobs: abortable, streams each result, honours
// stopOnFirstFailure, and always closes the runner (its sandboxes) whatever happens.
import type { JudgeJob, JudgeTest, TestResult } from '@logicode/contracts';

export interface TestLoopHooks {
  onTestResult?: (index: number, result: TestResult) => void;
  signal?: AbortSignal;
}

export interface ClosableRunner {
  /** Kills the running test at once (the signal aborted). */
  abort(): void;
  close(): Promise<void>;
}

export async function runTestsInOrder(
  job: JudgeJob,
  hooks: TestLoopHooks,
  runner: ClosableRunner,
  judgeOne: (test: JudgeTest) => Promise<TestResult>,
): Promise<TestResult[]> {
  const onAbort = () => runner.abort();
  hooks.signal?.addEventListener('abort', onAbort);
  const results: TestResult[] = [];
  try {
    for (const [index, test] of job.tests.entries()) {
      hooks.signal?.throwIfAborted();
      const result = await judgeOne(test);
      results.push(result);
      hooks.onTestResult?.(index, result);
      if (job.stopOnFirstFailure && result.verdict !== 'AC') break;
    }
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
    await runner.close();
  }
  return results;
}

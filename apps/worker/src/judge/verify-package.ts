import type { JudgeJob, ProblemUpsertBody } from '@logicode/contracts';
import type { SubmissionRun, ValidateQueueMessage } from '@logicode/core';
import type { Judge } from '@logicode/judge';

/**
 * A package's submissions/ on the problem's tests, through the same judge as students' submissions. Like the
 * ICPC tools, a run stops at the first failing test and its verdict is that test's; the slowest test's CPU time
 * is reported so the api can derive a time limit from the accepted ones.
 */
export async function verifySubmissions(judge: Judge, problem: ProblemUpsertBody, submissions: NonNullable<ValidateQueueMessage['verify']>['submissions']): Promise<SubmissionRun[]> {
  const runs: SubmissionRun[] = [];
  for (const submission of submissions) {
    const job: JudgeJob = {
      language: submission.language,
      source: submission.source,
      driverSource: null,
      tests: problem.tests.map((test, index) => ({ id: String(index + 1), input: test.input, expectedOutput: test.expectedOutput, weight: test.weight, group: test.group ?? null })),
      limits: { timeLimitMs: problem.problem.timeLimitMs, memoryLimitKb: problem.problem.memoryLimitKb, outputLimitBytes: 64 * 1024 * 1024 },
      checker: problem.problem.checker,
      stopOnFirstFailure: true,
      ...(problem.problem.scoring ? { scoring: problem.problem.scoring } : {}),
    };
    const result = await judge.run(job);
    const failed = result.tests.find((t) => t.verdict !== 'AC');
    const message = result.verdict === 'CE' || result.verdict === 'IE'
      ? (result.compileOutput ?? '').split('\n').slice(0, 5).join('\n').slice(0, 500)
      : failed ? `${failed.verdict} on test ${result.tests.indexOf(failed) + 1}${failed.message ? `: ${failed.message.slice(0, 300)}` : ''}` : null;
    runs.push({ path: submission.path, verdict: result.verdict, maxCpuMs: result.maxCpuMs, message });
  }
  return runs;
}

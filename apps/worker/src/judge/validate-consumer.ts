import type { JudgeJob, LanguageId, ProblemUpsertBody } from '@logicode/contracts';
import {
  VALIDATE_QUEUE, validationReplyChannel, type CoreLog, type ProblemValidationFailure, type Runtime, type ValidateQueueMessage,
  type ValidationReply,
} from '@logicode/core';
import type { Judge } from '@logicode/judge';
import { verifySubmissions } from './verify-package.js';

/** Every reference solution against every test: the first failure per language is reported. */
export async function validateProblem(judge: Judge, problem: ProblemUpsertBody): Promise<ProblemValidationFailure[]> {
  const failures: ProblemValidationFailure[] = [];
  for (const solution of problem.solutions) {
    const language = problem.languages.find((l) => l.language === solution.language);
    const job: JudgeJob = {
      language: solution.language as LanguageId,
      source: solution.source,
      driverSource: language?.driverCode ?? null,
      tests: problem.tests.map((test, index) => ({ id: String(index + 1), input: test.input, expectedOutput: test.expectedOutput, weight: 1 })),
      limits: { timeLimitMs: problem.problem.timeLimitMs, memoryLimitKb: problem.problem.memoryLimitKb, outputLimitBytes: 8 * 1024 * 1024 },
      checker: problem.problem.checker,
      stopOnFirstFailure: true,
    };
    const result = await judge.run(job);
    if (result.verdict === 'CE' || result.verdict === 'IE') {
      failures.push({ language: job.language, testNumber: null, verdict: result.verdict, message: (result.compileOutput ?? '').slice(0, 2000) });
      continue;
    }
    const failed = result.tests.findIndex((t) => t.verdict !== 'AC');
    if (failed >= 0) {
      const test = result.tests[failed]!;
      failures.push({ language: job.language, testNumber: failed + 1, verdict: test.verdict, message: test.message ?? `${test.verdict} on test ${failed + 1}` });
    }
  }
  return failures;
}

/** Answers the api's validation requests (an admin saving a problem) on their reply channels. */
export function startValidateConsumer(options: { runtime: Runtime; judge: Judge; log: CoreLog }): void {
  const { runtime, judge, log } = options;
  runtime.platform.queue<ValidateQueueMessage>(VALIDATE_QUEUE).process(async ({ requestId, problem, verify }) => {
    let reply: ValidationReply;
    try {
      // A package import's verification judges its submissions/ instead (verify-package.ts).
      reply = verify ? { failures: [], runs: await verifySubmissions(judge, problem, verify.submissions) } : { failures: await validateProblem(judge, problem) };
    } catch (error) {
      log('error', 'problem validation failed', { error: String(error) });
      reply = { failures: [], error: error instanceof Error ? error.message : String(error) };
    }
    await runtime.platform.pubsub.publish(validationReplyChannel(requestId), reply);
  }, { concurrency: 1 });
}

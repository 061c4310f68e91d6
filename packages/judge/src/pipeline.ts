// One job: compile once, run every test in one sandbox, check, verdict. Knows no database and no HTTP.
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@logicode/contracts';
import type { JudgeJob, JudgeResult, JudgeTest, TestResult } from '@logicode/contracts';
import { buildProgram, compilerMessage } from './build.js';
import type { BuildCacheOutcome } from './build.js';
import { checkBuiltin } from './checkers/index.js';
import { CustomChecker } from './checkers/custom.js';
import { runInteractiveJob } from './interactive-runner.js';
import type { JudgeContext } from './context.js';
import { languageSpec } from './languages/index.js';
import type { LanguageSpec } from './languages/index.js';
import { COMPILE, COMPILE_OUTPUT_CAP_BYTES, testRunLimits, WARM_RSS_GRACE_KB } from './limits.js';
import { runnerFor } from './program-runner.js';
import type { ProgramRunner } from './program-runner.js';
import type { RunOutcome } from './sandbox/types.js';
import { withScoring } from './scoring.js';
import { runTestsInOrder } from './test-loop.js';
import { headline, runVerdict, scoreOf, signalName } from './verdict.js';

export interface RunHooks {
  onTestResult?: (index: number, result: TestResult) => void;
  /**
   * After the build (compile, or syntax check for interpreted languages), with its duration and whether the
   * compile came from the build cache: for metrics.
   */
  onCompiled?: (compileMs: number, info: { buildCache: BuildCacheOutcome }) => void;
  signal?: AbortSignal;
}

/** What a test result carries of the program's output (the full output is only used for checking). */
export const SHOWN_OUTPUT_BYTES = 64 * 1024;
const SHOWN_STDERR_BYTES = 8 * 1024;

function shown(buf: Buffer, cap: number): string {
  return buf.subarray(0, cap).toString('utf8');
}

function emptyResult(verdict: 'CE' | 'IE', compileOutput: string): JudgeResult {
  return { verdict, score: 0, compileOutput, tests: [], maxCpuMs: 0, maxMemoryKb: 0 };
}

async function judgeTest(
  job: JudgeJob,
  lang: LanguageSpec,
  test: JudgeTest,
  o: RunOutcome,
  checker: CustomChecker | null,
  warm = false,
): Promise<TestResult> {
  const rv = runVerdict(o, {
    timeLimitMs: job.limits.timeLimitMs,
    memoryLimitKb: job.limits.memoryLimitKb + lang.memoryGraceKb + (warm ? WARM_RSS_GRACE_KB : 0),
    memoryErrorPattern: lang.memoryErrorPattern,
  });
  const output = o.stdout.toString('utf8');
  let verdict: TestResult['verdict'] = rv.verdict ?? 'AC';
  let message = rv.message;
  let judgeMessage: string | null = null;
  if (rv.verdict === null && test.expectedOutput !== null) {
    const check =
      job.checker.kind === 'custom' && checker
        ? await checker.check(test.input, test.expectedOutput, output)
        : job.checker.kind === 'custom' || job.checker.kind === 'interactive'
          ? { verdict: 'IE' as const, message: 'The checker is missing.' }
          : ((r) => ({ verdict: r.passed ? ('AC' as const) : ('WA' as const), message: r.message }))(
              checkBuiltin(job.checker, output, test.expectedOutput),
            );
    verdict = check.verdict;
    message = check.message;
    judgeMessage = ('judgeMessage' in check ? check.judgeMessage : null) ?? null;
  }
  return {
    testId: test.id,
    verdict,
    cpuMs: Math.round(o.cpuMs),
    wallMs: Math.round(o.wallMs),
    memoryKb: o.memoryKb,
    exitCode: o.exitCode,
    signal: o.signal === null ? null : signalName(o.signal),
    output: shown(o.stdout, SHOWN_OUTPUT_BYTES),
    stderr: shown(o.stderr, SHOWN_STDERR_BYTES),
    message,
    ...(judgeMessage !== null ? { judgeMessage } : {}),
  };
}

/** An interpreted language's syntax check; a failure is the job's CE (or IE if the sandbox failed). */
async function syntaxCheck(
  ctx: JudgeContext,
  runner: ProgramRunner,
  lang: LanguageSpec,
): Promise<{ verdict: 'CE' | 'IE'; compileOutput: string } | null> {
  const o = await runner.check(COMPILE.limits);
  if (!o || (o.status === 'ok' && o.exitCode === 0)) return null;
  if (o.status === 'crashed') {
    ctx.log('error', 'judge: the syntax check failed to run', { language: lang.id, detail: o.detail });
    return { verdict: 'IE', compileOutput: 'The syntax check could not be run.' };
  }
  return { verdict: 'CE', compileOutput: compilerMessage(o, COMPILE_OUTPUT_CAP_BYTES) };
}

/** A job; a scored one runs every test (each group's points need them) and gets its groups' points. */
export async function runJob(ctx: JudgeContext, job: JudgeJob, hooks: RunHooks = {}): Promise<JudgeResult> {
  const scored = job.scoring?.type === 'scored';
  return withScoring(job, await runTests(ctx, scored ? { ...job, stopOnFirstFailure: false } : job, hooks));
}

async function runTests(ctx: JudgeContext, job: JudgeJob, hooks: RunHooks): Promise<JudgeResult> {
  const lang = languageSpec(job.language);
  if (!lang) throw new AppError('LANGUAGE_UNAVAILABLE', `No such language: ${job.language}.`);
  hooks.signal?.throwIfAborted();
  // The pid in the name lets a later judge remove what a killed one left (removeStaleJobDirs).
  const jobDir = mkdtempSync(join(ctx.host.workRoot, 'jobs', `job-${process.pid}-`));
  chmodSync(jobDir, 0o711); // the sandbox uid must reach its bind sources; it cannot list the dir
  let checker: CustomChecker | null = null;
  try {
    const buildStartMs = performance.now();
    const built = await buildProgram(ctx, { dir: jobDir, lang, source: job.source, driver: job.driverSource, signal: hooks.signal });
    const buildCache = built.cache ?? 'off';
    if (!built.ok) {
      hooks.onCompiled?.(performance.now() - buildStartMs, { buildCache });
      return emptyResult(built.verdict, built.compileOutput);
    }
    if (job.checker.kind === 'custom') {
      const made = await CustomChecker.create(ctx, job.checker, jobDir);
      if (typeof made === 'string') return emptyResult('IE', made);
      checker = made;
    }
    const runner = runnerFor(ctx, built.program, {
      limits: testRunLimits(job.limits, lang, { cgroups: ctx.host.sandboxed && ctx.host.cgroups.kind !== 'none' }),
      jobLimits: job.limits,
      jobDir,
      name: 'program',
      warm: ctx.warm,
    });
    hooks.signal?.throwIfAborted();
    const checked = await syntaxCheck(ctx, runner, lang);
    hooks.onCompiled?.(performance.now() - buildStartMs, { buildCache });
    if (checked) {
      await runner.close();
      return emptyResult(checked.verdict, checked.compileOutput);
    }
    if (job.checker.kind === 'interactive') {
      await runner.close();
      const checker = job.checker;
      return await runInteractiveJob(ctx, { job, lang, program: built.program, jobDir, checker, compileOutput: built.compileOutput, hooks });
    }
    const results = await runTestsInOrder(job, hooks, runner, async (test) => {
      const outcome = await runner.run(test.input);
      hooks.signal?.throwIfAborted();
      return await judgeTest(job, lang, test, outcome, checker, ctx.warm && lang.warm !== null);
    });
    const verdicts = job.tests.map((_, i) => results[i]?.verdict ?? null);
    return {
      verdict: headline(results),
      score: scoreOf(job.tests.map((t) => t.weight), verdicts),
      compileOutput: built.compileOutput,
      tests: results,
      maxCpuMs: Math.max(0, ...results.map((r) => r.cpuMs)),
      maxMemoryKb: Math.max(0, ...results.map((r) => r.memoryKb)),
    };
  } finally {
    await checker?.close();
    rmSync(jobDir, { recursive: true, force: true });
  }
}

/** Removes job dirs left by judge processes that are gone (killed mid-job). */
export function removeStaleJobDirs(workRoot: string): void {
  const dir = join(workRoot, 'jobs');
  for (const name of readdirSync(dir)) {
    const pid = Number(/^job-(\d+)-/.exec(name)?.[1]);
    if (!pid || pidAlive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

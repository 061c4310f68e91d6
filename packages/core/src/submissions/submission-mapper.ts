import type { LanguageId, Submission, SubmissionSummary, SubmissionTestResult, TestResult, Verdict } from '@logicode/contracts';
import type { SubmissionRow, SubmissionTestRow } from '@logicode/db';

/** What the worker knows about each judged test, to decide what the student may see of it. */
export interface TestMeta {
  testId: string;
  isSample: boolean;
  isCustom: boolean;
  input: string;
  expectedOutput: string | null;
  /** Said instead of a message the judge did not give (why a custom input's output was not compared). */
  note?: string | null;
}

export const CUSTOM_TEST_ID = 'custom';

/**
 * A hidden test shows only its verdict, time and memory: never its input, expected or actual output, nor a
 * checker's message (a WA message may quote the expected output; other verdicts' messages describe the run).
 */
export function toTestView(index: number, meta: TestMeta, result: Pick<TestResult, 'verdict' | 'cpuMs' | 'wallMs' | 'memoryKb' | 'exitCode' | 'signal' | 'message' | 'output' | 'stderr'>): SubmissionTestResult {
  const visible = meta.isSample || meta.isCustom;
  return {
    index,
    testId: meta.testId,
    isSample: meta.isSample,
    isCustom: meta.isCustom,
    verdict: result.verdict as Verdict,
    cpuMs: result.cpuMs,
    wallMs: result.wallMs,
    memoryKb: result.memoryKb,
    exitCode: result.exitCode,
    signal: result.signal,
    message: visible || result.verdict !== 'WA' ? (result.message ?? meta.note ?? null) : null,
    input: visible ? meta.input : null,
    expectedOutput: visible ? meta.expectedOutput : null,
    output: visible ? result.output : null,
    stderr: visible ? result.stderr : null,
  };
}


export function toSummary(row: SubmissionRow): SubmissionSummary {
  return {
    id: row.id,
    userId: row.userId,
    problemId: row.problemId,
    language: row.language as LanguageId,
    mode: row.mode,
    status: row.status,
    verdict: row.verdict as Verdict | null,
    score: row.score,
    testCount: row.testCount,
    maxCpuMs: row.maxCpuMs,
    maxMemoryKb: row.maxMemoryKb,
    createdAt: new Date(row.createdAtMs).toISOString(),
    finishedAt: row.finishedAtMs === null ? null : new Date(row.finishedAtMs).toISOString(),
    autoSubmitted: Boolean(row.autoSubmitted),
  };
}

export function toSubmission(row: SubmissionRow, tests: SubmissionTestRow[], metas: Map<string, TestMeta>, includeCode: boolean): Submission {
  const views = tests.map((test) => {
    const meta = metas.get(test.testId) ?? { testId: test.testId, isSample: false, isCustom: false, input: '', expectedOutput: null };
    return toTestView(test.idx, meta, { ...test, verdict: test.verdict as Verdict, message: test.message });
  });
  return {
    ...toSummary(row),
    compileOutput: row.compileOutput,
    tests: views,
    ...(includeCode ? { code: row.code } : {}),
  };
}

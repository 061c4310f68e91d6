import { groupResultSchema, type LanguageId, type Submission, type SubmissionSummary, type SubmissionTestResult, type TestResult, type Verdict } from '@logicode/contracts';
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
 * A validator's judgemessage.txt is for the problem's authors: staff see it on every test, the submitter only on
 * the tests they may see anyway (a hidden test's validator may write the answer into it).
 */
export function toTestView(
  index: number,
  meta: TestMeta,
  result: Pick<TestResult, 'verdict' | 'cpuMs' | 'wallMs' | 'memoryKb' | 'exitCode' | 'signal' | 'message' | 'output' | 'stderr' | 'judgeMessage' | 'transcript'>,
  staff = false,
): SubmissionTestResult {
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
    judgeMessage: visible || staff ? (result.judgeMessage ?? null) : null,
    transcript: visible ? (result.transcript ?? null) : null,
  };
}

const groupsSchema = groupResultSchema.array();

/** The stored points per group (null or unreadable: not a scored submission). */
export function parseGroups(raw: string | null): Submission['groups'] {
  if (raw === null) return undefined;
  try {
    const parsed = groupsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
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

export function toSubmission(row: SubmissionRow, tests: SubmissionTestRow[], metas: Map<string, TestMeta>, includeCode: boolean, staff = false): Submission {
  const views = tests.map((test) => {
    const meta = metas.get(test.testId) ?? { testId: test.testId, isSample: false, isCustom: false, input: '', expectedOutput: null };
    return toTestView(test.idx, meta, { ...test, verdict: test.verdict as Verdict, message: test.message }, staff);
  });
  return {
    ...toSummary(row),
    compileOutput: row.compileOutput,
    tests: views,
    ...(parseGroups(row.groupPoints) ? { groups: parseGroups(row.groupPoints) } : {}),
    ...(includeCode ? { code: row.code } : {}),
  };
}

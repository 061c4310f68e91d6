import { z } from 'zod';
import { languageIdSchema } from './languages.js';
import { verdictSchema } from './verdicts.js';

/** A file of a validator program beside its main source (a header such as `validate.h`, a module). */
export const validatorFileSchema = z.object({
  /** A plain file name, no directories (the package format's rule for names). */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,98}[A-Za-z0-9]$/, 'A plain file name.'),
  content: z.string().max(1_000_000),
});
export type ValidatorFile = z.infer<typeof validatorFileSchema>;

/** Flags given to a validator on its command line after `input judge_answer feedback_dir` (problem.yaml's validator_flags). */
const validatorFlagsSchema = z.array(z.string().min(1).max(200)).max(32).default([]);

/**
 * How a program's output is compared with the expected output (DMOJ's checkers, and the problem package format's
 * validators: docs/problem-packages.md#model).
 */
export const checkerSchema = z.discriminatedUnion('kind', [
  /** Equal after dropping trailing whitespace on each line and trailing blank lines. */
  z.object({ kind: z.literal('exact') }),
  /** Equal as whitespace-separated tokens. */
  z.object({ kind: z.literal('tokens') }),
  /** Tokens equal, numbers within an absolute or relative tolerance. */
  z.object({
    kind: z.literal('float'),
    absTolerance: z.number().nonnegative().default(1e-6),
    relTolerance: z.number().nonnegative().default(1e-6),
  }),
  /**
   * The package format's default output validator (Kattis/DOMjudge) with its flags: tokens compared, by default
   * case-insensitively and with any run of whitespace equal to any other. A float tolerance, when given, accepts
   * two number tokens within the absolute OR the relative tolerance (`float_tolerance ε` sets both).
   */
  z.object({
    kind: z.literal('default'),
    caseSensitive: z.boolean().default(false),
    spaceChangeSensitive: z.boolean().default(false),
    floatAbsoluteTolerance: z.number().nonnegative().nullable().default(null),
    floatRelativeTolerance: z.number().nonnegative().nullable().default(null),
  }),
  /**
   * A validator program stored with the problem, built from source and run in its own sandbox.
   * protocol 'package' (the default): the Kattis/DOMjudge output-validator interface,
   * `validator input judge_answer feedback_dir [flags] < program_output`; exit 42 = AC, 43 = WA, anything else = IE;
   * `feedback_dir/judgemessage.txt` is shown to authors (and to students on sample tests only).
   * protocol 'legacy' (checkers written before migration 0180): argv `input.txt expected.txt actual.txt`, exit 0 = AC,
   * 1 = WA, else IE; its stdout is the message.
   */
  z.object({
    kind: z.literal('custom'),
    protocol: z.enum(['package', 'legacy']).default('package'),
    language: languageIdSchema,
    source: z.string().min(1).max(100_000),
    files: z.array(validatorFileSchema).max(32).default([]),
    flags: validatorFlagsSchema,
  }),
  /**
   * An interactive problem: this validator is the interactor. It runs as `validator input judge_answer feedback_dir
   * [flags]` with its stdin = the program's stdout and its stdout = the program's stdin, both sandboxed; its exit
   * code decides (42 AC, 43 WA, else IE) unless the program failed first (TLE, RE, ...).
   */
  z.object({
    kind: z.literal('interactive'),
    language: languageIdSchema,
    source: z.string().min(1).max(100_000),
    files: z.array(validatorFileSchema).max(32).default([]),
    flags: validatorFlagsSchema,
  }),
]);
export const CHECKER_KINDS = ['exact', 'tokens', 'float', 'default', 'custom', 'interactive'] as const;
export const checkerKindSchema = z.enum(CHECKER_KINDS);
export type CheckerKind = z.infer<typeof checkerKindSchema>;
export type Checker = z.infer<typeof checkerSchema>;

export const judgeLimitsSchema = z.object({
  timeLimitMs: z.number().int().min(100).max(20_000),
  /** Wall-clock limit; defaults to 3 × timeLimitMs + 1 s in the judge. */
  wallLimitMs: z.number().int().min(100).max(60_000).optional(),
  memoryLimitKb: z.number().int().min(16_384).max(2_097_152),
  outputLimitBytes: z.number().int().min(1024).max(64 * 1024 * 1024).default(8 * 1024 * 1024),
});
export type JudgeLimits = z.infer<typeof judgeLimitsSchema>;

export const judgeTestSchema = z.object({
  /** Stable id (the test case's id, or 'custom'). */
  id: z.string(),
  input: z.string(),
  /** null for a custom input: the program runs, its output is shown, nothing is compared. */
  expectedOutput: z.string().nullable(),
  weight: z.number().nonnegative().default(1),
  /** The test group it belongs to (scored problems); absent or null: in no group, worth no points. */
  group: z.string().nullable().optional(),
});
export type JudgeTest = z.infer<typeof judgeTestSchema>;

/** A group of tests worth points (the package format's test data groups, a scored problem's subtasks). */
export const testGroupSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'A group name is letters, digits, ".", "_" and "-".'),
  points: z.number().nonnegative().max(1_000_000),
  /**
   * sum: points × (accepted weight / total weight of the group's tests); min: all its tests accepted, or 0
   * (testdata.yaml's `aggregation: sum | min`, a test scoring 1 when accepted and 0 otherwise).
   */
  rule: z.enum(['sum', 'min']).default('sum'),
});
export type TestGroup = z.infer<typeof testGroupSchema>;

/**
 * pass-fail: AC when every test is (score = accepted weight / total weight). scored: points per group; the
 * submission's points are the sum over groups, its score = points / max points.
 */
export const scoringSchema = z.object({
  type: z.enum(['pass-fail', 'scored']).default('pass-fail'),
  groups: z.array(testGroupSchema).max(100).default([]),
});
export type Scoring = z.infer<typeof scoringSchema>;

/** What goes into the judge. The judge knows no database and no HTTP. */
export const judgeJobSchema = z.object({
  language: languageIdSchema,
  source: z.string(),
  /** For function-style problems: the per-language driver, appended after the student's code. */
  driverSource: z.string().nullable().default(null),
  tests: z.array(judgeTestSchema),
  limits: judgeLimitsSchema,
  checker: checkerSchema.default({ kind: 'exact' }),
  /** Stop at the first failing test (saves time on Submit; Run reports every sample). */
  stopOnFirstFailure: z.boolean().default(false),
  /** Absent: pass-fail. A scored job runs every test (stopOnFirstFailure only skips the rest of a failed `min` group). */
  scoring: scoringSchema.optional(),
});
export type JudgeJob = z.infer<typeof judgeJobSchema>;

export const testResultSchema = z.object({
  testId: z.string(),
  verdict: verdictSchema,
  cpuMs: z.number(),
  wallMs: z.number(),
  memoryKb: z.number(),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  /** The program's stdout, capped (shown for sample and custom tests only). */
  output: z.string(),
  /** The program's stderr, capped. */
  stderr: z.string(),
  /** A short explanation (checker message, "killed by SIGSEGV", ...). */
  message: z.string().nullable(),
  /**
   * A validator's `judgemessage.txt` (capped at 4 KiB): for the problem's authors (admins, teachers). The worker
   * shows it to a student on sample tests only: a hidden test's validator may write the secret answer.
   */
  judgeMessage: z.string().nullable().optional(),
  /**
   * Interactive tests: the exchange, one line per line sent, `<` validator → program, `>` program → validator
   * (the package format's `.interaction`), capped at 64 KiB. Shown like the output: samples and custom runs only.
   */
  transcript: z.string().nullable().optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

/** A scored group's outcome. */
export const groupResultSchema = z.object({
  name: z.string(),
  rule: z.enum(['sum', 'min']),
  points: z.number().nonnegative(),
  maxPoints: z.number().nonnegative(),
  /** The headline verdict of its tests (AC when all were accepted). */
  verdict: verdictSchema,
  testCount: z.number().int(),
});
export type GroupResult = z.infer<typeof groupResultSchema>;

/** What comes out of the judge. */
export const judgeResultSchema = z.object({
  verdict: verdictSchema,
  /** pass-fail: sum of the weights of the accepted tests divided by the sum of all weights, 0..1; scored: points / maxPoints. */
  score: z.number().min(0).max(1),
  /** Scored problems only: each group's points, and their sum out of the maximum. */
  groups: z.array(groupResultSchema).optional(),
  points: z.number().nonnegative().optional(),
  maxPoints: z.number().nonnegative().optional(),
  compileOutput: z.string().nullable(),
  tests: z.array(testResultSchema),
  maxCpuMs: z.number(),
  maxMemoryKb: z.number(),
});
export type JudgeResult = z.infer<typeof judgeResultSchema>;

import { z } from 'zod';
import { languageIdSchema } from './languages.js';
import { verdictSchema } from './verdicts.js';

/** How a program's output is compared with the expected output (DMOJ's checkers). */
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
   * A checker program stored with the problem. It runs sandboxed with argv `input expected actual`
   * (file names in its work dir); exit 0 accepts, 1 rejects; its stdout is the message shown.
   */
  z.object({ kind: z.literal('custom'), language: languageIdSchema, source: z.string().min(1).max(100_000) }),
]);
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
});
export type JudgeTest = z.infer<typeof judgeTestSchema>;

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
});
export type TestResult = z.infer<typeof testResultSchema>;

/** What comes out of the judge. */
export const judgeResultSchema = z.object({
  verdict: verdictSchema,
  /** Sum of the weights of the accepted tests divided by the sum of all weights, 0..1. */
  score: z.number().min(0).max(1),
  compileOutput: z.string().nullable(),
  tests: z.array(testResultSchema),
  maxCpuMs: z.number(),
  maxMemoryKb: z.number(),
});
export type JudgeResult = z.infer<typeof judgeResultSchema>;

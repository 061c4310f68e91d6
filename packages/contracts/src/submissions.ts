import { z } from 'zod';
import { groupResultSchema } from './judge.js';
import { languageIdSchema } from './languages.js';
import { verdictSchema } from './verdicts.js';

export const SUBMISSION_MODES = ['run', 'submit'] as const;
export const submissionModeSchema = z.enum(SUBMISSION_MODES);
export type SubmissionMode = z.infer<typeof submissionModeSchema>;

export const SUBMISSION_STATUSES = ['queued', 'running', 'done'] as const;
export const submissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof submissionStatusSchema>;

export const createSubmissionBodySchema = z.object({
  problemId: z.number().int().positive(),
  language: languageIdSchema,
  code: z.string().min(1, 'Write some code first.').max(100_000, 'Code may be at most 100,000 characters.'),
  /** run = sample tests (plus customInput if given); submit = every test. */
  mode: submissionModeSchema,
  customInput: z.string().max(1_000_000).nullable().optional(),
  /** The proctored attempt this belongs to, if any. */
  attemptId: z.number().int().positive().nullable().optional(),
});
export type CreateSubmissionBody = z.infer<typeof createSubmissionBodySchema>;

/**
 * One test's result as a student may see it. For a hidden test, input, expected and actual output are
 * null: only verdict, time and memory are shown.
 */
export const submissionTestResultSchema = z.object({
  index: z.number().int(),
  testId: z.string(),
  isSample: z.boolean(),
  isCustom: z.boolean(),
  verdict: verdictSchema,
  cpuMs: z.number(),
  wallMs: z.number(),
  memoryKb: z.number(),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  message: z.string().nullable(),
  input: z.string().nullable(),
  expectedOutput: z.string().nullable(),
  output: z.string().nullable(),
  stderr: z.string().nullable(),
  /** A validator's judgemessage.txt: staff see it on every test, the submitter on samples and custom runs only. */
  judgeMessage: z.string().nullable().optional(),
  /** An interactive test's exchange (`<` to the program, `>` from it): shown where the output is. */
  transcript: z.string().nullable().optional(),
});
export type SubmissionTestResult = z.infer<typeof submissionTestResultSchema>;

export const submissionSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  problemId: z.number().int(),
  language: languageIdSchema,
  mode: submissionModeSchema,
  status: submissionStatusSchema,
  verdict: verdictSchema.nullable(),
  /** 0..100, weighted by test weights. */
  score: z.number().nullable(),
  testCount: z.number().int(),
  compileOutput: z.string().nullable(),
  maxCpuMs: z.number().nullable(),
  maxMemoryKb: z.number().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  tests: z.array(submissionTestResultSchema),
  /** A scored problem: the points of each test group (score = points / max points × 100). */
  groups: z.array(groupResultSchema).optional(),
  code: z.string().optional(),
  autoSubmitted: z.boolean(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const submissionSummarySchema = submissionSchema.omit({ tests: true, code: true, compileOutput: true, groups: true });
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const submissionListQuerySchema = z.object({
  problemId: z.coerce.number().int().positive().optional(),
  mode: submissionModeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const createSubmissionResponseSchema = z.object({ id: z.number().int(), status: submissionStatusSchema });

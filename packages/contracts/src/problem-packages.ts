import { z } from 'zod';
import { languageIdSchema } from './languages.js';
import { verdictSchema } from './verdicts.js';

/** The folders of submissions/ in an ICPC/Kattis package, and the verdict each one promises. */
export const PACKAGE_SUBMISSION_FOLDERS = {
  accepted: 'AC',
  wrong_answer: 'WA',
  time_limit_exceeded: 'TLE',
  run_time_error: 'RE',
} as const;

/** One submission of the package's submissions/ folder, judged on import (or skipped, with the reason). */
export const packageSubmissionResultSchema = z.object({
  /** Its path in the package, say `submissions/accepted/hello.py`. */
  path: z.string(),
  language: languageIdSchema.nullable(),
  /** The verdict its folder names (AC, WA, TLE, RE); null for a folder we do not know. */
  expected: verdictSchema.nullable(),
  /** What the judge said; null when skipped. */
  got: verdictSchema.nullable(),
  /** Slowest test's CPU time in ms (null when skipped or not run). */
  maxCpuMs: z.number().nullable(),
  /** Why it was skipped (a language we do not run, no worker, ...). */
  skipped: z.string().nullable(),
  /** A short judge message (the first failing test), never test data. */
  message: z.string().nullable(),
});
export type PackageSubmissionResult = z.infer<typeof packageSubmissionResultSchema>;

/** What an import found, did and left out: shown to the admin after the upload and kept with the problem. */
export const packageImportReportSchema = z.object({
  /** `legacy` or `2023-07` (from problem.yaml's problem_format_version). */
  formatVersion: z.string(),
  shortName: z.string(),
  testCount: z.object({ sample: z.number().int(), secret: z.number().int() }),
  timeLimit: z.object({
    ms: z.number().int(),
    /** `package`: problem.yaml (or .timelimit) gave it; `derived`: slowest accepted × multiplier; `default`: neither. */
    source: z.enum(['package', 'derived', 'default']),
    /** How it was derived, in words (the slowest submission and the multiplier). */
    note: z.string(),
  }),
  statement: z.object({
    /** The file used, say `problem_statement/problem.en.tex`. */
    source: z.string().nullable(),
    kind: z.enum(['markdown', 'latex', 'none']),
    /** LaTeX the converter did not understand: kept verbatim in the statement and listed here. */
    unsupported: z.array(z.string()),
  }),
  submissions: z.array(packageSubmissionResultSchema),
  /** True when some judged submission's verdict differs from its folder's: publishing then needs a confirmation. */
  hasMismatch: z.boolean(),
  /** Everything else worth saying: files ignored, settings not supported, defaults chosen. */
  notes: z.array(z.string()),
});
export type PackageImportReport = z.infer<typeof packageImportReportSchema>;

/** 201 of POST /api/admin/problem-packages. */
export const packageImportResponseSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  isPublished: z.boolean(),
  report: packageImportReportSchema,
});
export type PackageImportResponse = z.infer<typeof packageImportResponseSchema>;

/** POST /api/admin/problems/:id/publish: `confirmMismatch` must be true when the import report has a mismatch. */
export const publishProblemBodySchema = z.object({ confirmMismatch: z.boolean().default(false) });
export type PublishProblemBody = z.infer<typeof publishProblemBodySchema>;

/** A submission file's language from its extension (the ones we run); anything else is reported as skipped. */
export const PACKAGE_LANGUAGE_BY_EXTENSION: Readonly<Record<string, z.infer<typeof languageIdSchema>>> = {
  c: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', 'c++': 'cpp', py: 'python', py3: 'python', java: 'java', js: 'javascript',
};

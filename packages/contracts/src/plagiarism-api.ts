import { z } from 'zod';
import { pageQuerySchema } from './common.js';
import { languageIdSchema } from './languages.js';
import { plagiarismFragmentSchema, plagiarismParamsSchema } from './plagiarism.js';

/**
 * The teacher's plagiarism API and its Socket.IO progress event. Runs are computed by the worker; the api only
 * stores a request and reads reports. See docs/plagiarism.md ("In the platform").
 */
export const PLAGIARISM_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const plagiarismRunStatusSchema = z.enum(PLAGIARISM_RUN_STATUSES);
export type PlagiarismRunStatus = z.infer<typeof plagiarismRunStatusSchema>;

/** POST /api/teacher/problems/:id/plagiarism: optional parameter overrides (defaults: DEFAULT_PARAMS); no body is fine. */
export const plagiarismRunBodySchema = z.object({ params: plagiarismParamsSchema.partial().optional() }).nullish();
export type PlagiarismRunBody = z.infer<typeof plagiarismRunBodySchema>;
export const plagiarismRunAcceptedSchema = z.object({ runId: z.number().int() });

export const plagiarismRunSchema = z.object({
  id: z.number().int(),
  problemId: z.number().int(),
  status: plagiarismRunStatusSchema,
  /** The parameters used: null until a worker starts the run. */
  params: plagiarismParamsSchema.nullable(),
  /** 0..1 */
  progress: z.number().min(0).max(1),
  /** Submissions compared (each student's latest accepted, else latest, Submit of the problem). */
  submissionCount: z.number().int(),
  pairCount: z.number().int(),
  error: z.string().nullable(),
  requestedBy: z.number().int().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type PlagiarismRun = z.infer<typeof plagiarismRunSchema>;

export const plagiarismReportQuerySchema = pageQuerySchema.extend({
  language: languageIdSchema.optional(),
  minSimilarity: z.coerce.number().min(0).max(1).optional(),
});
export type PlagiarismReportQuery = z.infer<typeof plagiarismReportQuerySchema>;

const sideSummarySchema = z.object({ submissionId: z.number().int(), userId: z.number().int(), userName: z.string() });

export const plagiarismPairSummarySchema = z.object({
  id: z.number().int(),
  problemId: z.number().int(),
  language: languageIdSchema,
  similarity: z.number().min(0).max(1),
  longestFragmentTokens: z.number().int(),
  /** Matched / total tokens per side (starter code excluded), for "x% of this file". */
  leftMatchedTokens: z.number().int(),
  rightMatchedTokens: z.number().int(),
  leftTotalTokens: z.number().int(),
  rightTotalTokens: z.number().int(),
  fragmentCount: z.number().int(),
  left: sideSummarySchema,
  right: sideSummarySchema,
  /** When this pair was stored (by a run or by the incremental check of a new submission). */
  foundAt: z.string(),
});
export type PlagiarismPairSummary = z.infer<typeof plagiarismPairSummarySchema>;

/** The latest run (null if none yet) and the problem's current pairs, most similar first. */
export const plagiarismReportSchema = z.object({
  problemId: z.number().int(),
  run: plagiarismRunSchema.nullable(),
  items: z.array(plagiarismPairSummarySchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type PlagiarismReport = z.infer<typeof plagiarismReportSchema>;

const sideDetailSchema = sideSummarySchema.extend({
  language: languageIdSchema,
  code: z.string(),
  verdict: z.string().nullable(),
  submittedAt: z.string(),
  /** The assessment attempt it was made in (its code playback is /teacher/attempts/:id), or null for practice. */
  attemptId: z.number().int().nullable(),
});

/** One pair side by side: both sources and the matched regions (fragments[i].left is in left.code). */
export const plagiarismPairDetailSchema = plagiarismPairSummarySchema.omit({ left: true, right: true }).extend({
  left: sideDetailSchema,
  right: sideDetailSchema,
  fragments: z.array(plagiarismFragmentSchema),
});
export type PlagiarismPairDetail = z.infer<typeof plagiarismPairDetailSchema>;

/** Socket.IO 'plagiarism:progress', to feed:all and feed:problem:<id> while a run goes and when it ends. */
export interface PlagiarismProgressPayload {
  runId: number;
  problemId: number;
  status: PlagiarismRunStatus;
  progress: number;
  phase: 'loading' | 'indexing' | 'comparing' | 'storing' | 'done' | 'failed';
  submissionCount: number;
  pairCount: number;
}

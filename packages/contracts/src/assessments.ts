import { z } from 'zod';
import { pathIdSchema } from './common.js';
import { languageIdSchema } from './languages.js';
import { problemDetailSchema } from './problems.js';
import { startAttemptResponseSchema } from './proctor-api.js';
import { proctorSettingsSchema } from './proctor-rules.js';
import { submissionModeSchema } from './submissions.js';

/**
 * Assessments: a teacher's timed, proctored set of problems for one class (docs/assessments.md).
 * All times are epoch milliseconds; the server's clock is the only one that counts, so every student-facing
 * answer carries `serverNowMs` for the client to correct its display.
 */
export const ASSESSMENT_STATUSES = ['draft', 'published', 'closed'] as const;
export const assessmentStatusSchema = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof assessmentStatusSchema>;

/** best: a problem scores its best submission; last: its latest one (DOMjudge/CMS offer both). */
export const SCORING_MODES = ['best', 'last'] as const;
export const scoringModeSchema = z.enum(SCORING_MODES);
export type ScoringMode = z.infer<typeof scoringModeSchema>;

export const MIN_DURATION_MS = 60_000;
export const MAX_DURATION_MS = 7 * 24 * 3600_000;
export const MAX_EXTRA_TIME_MS = 7 * 24 * 3600_000;

const epochMsSchema = z.number().int().min(0);

export const assessmentProblemInputSchema = z.object({
  problemId: z.number().int().positive(),
  points: z.number().int().min(1).max(1000),
});
export type AssessmentProblemInput = z.infer<typeof assessmentProblemInputSchema>;

/** Extra time for one student (an accommodation); added to the duration, still capped at the window's end. */
export const accommodationSchema = z.object({
  userId: z.number().int().positive(),
  extraTimeMs: z.number().int().min(0).max(MAX_EXTRA_TIME_MS),
});
export type Accommodation = z.infer<typeof accommodationSchema>;

/** POST /api/assessments (create a draft) and PUT /api/assessments/:id (replace a draft). */
export const assessmentBodySchema = z.object({
  classId: z.number().int().positive(),
  title: z.string().trim().min(1, 'Give the assessment a title.').max(200),
  instructions: z.string().max(20_000).default(''),
  problems: z.array(assessmentProblemInputSchema).min(1, 'Add at least one problem.').max(50)
    .refine((ps) => new Set(ps.map((p) => p.problemId)).size === ps.length, 'A problem may appear once.'),
  windowStartAtMs: epochMsSchema,
  windowEndAtMs: epochMsSchema,
  durationMs: z.number().int().min(MIN_DURATION_MS).max(MAX_DURATION_MS),
  /** The proctoring rules for this assessment's attempts; null = each problem's own (or the global) rules. */
  proctoring: proctorSettingsSchema.nullable().default(null),
  showResultsToStudents: z.boolean().default(false),
  scoring: scoringModeSchema.default('best'),
  accommodations: z.array(accommodationSchema).max(1000).default([]),
}).refine((b) => b.windowEndAtMs > b.windowStartAtMs, { message: 'The window must end after it starts.', path: ['windowEndAtMs'] });
export type AssessmentBody = z.input<typeof assessmentBodySchema>;

/** PUT /api/assessments/:id/accommodations: replaces the list; allowed until the assessment is closed. */
export const accommodationsBodySchema = z.object({ accommodations: z.array(accommodationSchema).max(1000) });

export const assessmentProblemSchema = assessmentProblemInputSchema.extend({ slug: z.string(), title: z.string() });
export type AssessmentProblem = z.infer<typeof assessmentProblemSchema>;

/** The teacher's (and admin's) view of an assessment. */
export const assessmentSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  title: z.string(),
  instructions: z.string(),
  problems: z.array(assessmentProblemSchema),
  totalPoints: z.number().int(),
  windowStartAtMs: z.number().int(),
  windowEndAtMs: z.number().int(),
  durationMs: z.number().int(),
  proctoring: proctorSettingsSchema.nullable(),
  showResultsToStudents: z.boolean(),
  scoring: scoringModeSchema,
  accommodations: z.array(accommodationSchema),
  status: assessmentStatusSchema,
  createdBy: z.number().int(),
  createdAtMs: z.number().int(),
  publishedAtMs: z.number().int().nullable(),
  closedAtMs: z.number().int().nullable(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** GET /api/assessments?classId= (teacher: own classes; admin: all). */
export const assessmentListQuerySchema = z.object({ classId: z.coerce.number().int().positive().optional() });
export const assessmentListSchema = z.object({ items: z.array(assessmentSchema) });

// ---- The student's side ----

/**
 * upcoming: published, window not open yet; open: can be started now; in_progress: started, clock running;
 * finished: the student's attempt ended; missed: the window (or the assessment) closed without a start.
 */
export const STUDENT_ASSESSMENT_STATES = ['upcoming', 'open', 'in_progress', 'finished', 'missed'] as const;
export const studentAssessmentStateSchema = z.enum(STUDENT_ASSESSMENT_STATES);
export type StudentAssessmentState = z.infer<typeof studentAssessmentStateSchema>;

export const studentAssessmentSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  title: z.string(),
  instructions: z.string(),
  windowStartAtMs: z.number().int(),
  windowEndAtMs: z.number().int(),
  durationMs: z.number().int(),
  /** This student's accommodation (0 if none). */
  extraTimeMs: z.number().int(),
  problemCount: z.number().int(),
  totalPoints: z.number().int(),
  /** The rules that will apply, for the consent notice. */
  proctoring: proctorSettingsSchema,
  showResultsToStudents: z.boolean(),
  scoring: scoringModeSchema,
  state: studentAssessmentStateSchema,
  /** null before the student starts. */
  startedAtMs: z.number().int().nullable(),
  deadlineAtMs: z.number().int().nullable(),
});
export type StudentAssessment = z.infer<typeof studentAssessmentSchema>;

/** GET /api/assessments/mine (student): published assessments of the student's classes, soonest first. */
export const studentAssessmentListSchema = z.object({ items: z.array(studentAssessmentSchema), serverNowMs: z.number().int() });

/** POST /api/assessments/:id/start (student): only after the consent notice was shown and accepted. */
export const startAssessmentBodySchema = z.object({ consent: z.literal(true, 'Accept the proctoring notice to start.') });

export const ASSESSMENT_ATTEMPT_END_REASONS = ['deadline', 'submitted', 'closed'] as const;
export const assessmentAttemptEndReasonSchema = z.enum(ASSESSMENT_ATTEMPT_END_REASONS);
export type AssessmentAttemptEndReason = z.infer<typeof assessmentAttemptEndReasonSchema>;

export const PROBLEM_PROGRESS = ['not_opened', 'opened', 'submitted', 'solved'] as const;
export const problemProgressSchema = z.enum(PROBLEM_PROGRESS);
export type ProblemProgress = z.infer<typeof problemProgressSchema>;

export const attemptProblemStatusSchema = z.object({
  problemId: z.number().int(),
  slug: z.string(),
  title: z.string(),
  points: z.number().int(),
  progress: problemProgressSchema,
  /** The proctoring attempt (problem session) for this problem; null until the student opens it. */
  proctorAttemptId: z.number().int().nullable(),
  submissionCount: z.number().int(),
  /** Points counted for this problem (best or last); null while results are hidden from the student. */
  earnedPoints: z.number().nullable(),
});
export type AttemptProblemStatus = z.infer<typeof attemptProblemStatusSchema>;

/**
 * GET /api/assessments/:id/attempt, and the answer of start, finish and open. `deadlineAtMs` is the server's:
 * min(start + duration + extra time, window end), and closing the assessment early ends it too.
 */
export const assessmentAttemptSchema = z.object({
  id: z.number().int(),
  assessmentId: z.number().int(),
  userId: z.number().int(),
  status: z.enum(['active', 'ended']),
  startedAtMs: z.number().int(),
  deadlineAtMs: z.number().int(),
  endedAtMs: z.number().int().nullable(),
  endReason: assessmentAttemptEndReasonSchema.nullable(),
  serverNowMs: z.number().int(),
  problems: z.array(attemptProblemStatusSchema),
  totalPoints: z.number().int(),
  /** null while results are hidden (not shown to students, or the attempt has not ended). */
  earnedPoints: z.number().nullable(),
});
export type AssessmentAttempt = z.infer<typeof assessmentAttemptSchema>;

export const assessmentProblemParamsSchema = z.object({
  id: pathIdSchema,
  problemId: pathIdSchema,
});

/**
 * POST /api/assessments/:id/problems/:problemId/open (student, attempt active): the statement, and the proctoring
 * attempt for this problem (opened, or resumed), whose deadline is the assessment attempt's. Heartbeats and events
 * go to the proctor routes with `session.attempt.id`, as for any proctored problem.
 */
export const openAssessmentProblemResponseSchema = z.object({
  problem: problemDetailSchema,
  session: startAttemptResponseSchema,
  serverNowMs: z.number().int(),
  deadlineAtMs: z.number().int(),
});
export type OpenAssessmentProblemResponse = z.infer<typeof openAssessmentProblemResponseSchema>;

/** POST /api/assessments/:id/problems/:problemId/submissions (student, attempt active): 202 { id, status }. */
export const assessmentSubmissionBodySchema = z.object({
  language: languageIdSchema,
  code: z.string().min(1, 'Write some code first.').max(100_000, 'Code may be at most 100,000 characters.'),
  mode: submissionModeSchema.default('submit'),
  customInput: z.string().max(1_000_000).nullable().optional(),
});
export type AssessmentSubmissionBody = z.input<typeof assessmentSubmissionBodySchema>;

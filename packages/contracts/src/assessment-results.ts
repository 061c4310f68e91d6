import { z } from 'zod';
import { assessmentAttemptSchema, assessmentSchema, problemProgressSchema } from './assessments.js';
import { plagiarismPairSummarySchema } from './plagiarism-api.js';
import { attemptReportSchema } from './proctor-api.js';
import { submissionSummarySchema } from './submissions.js';

/** The teacher's side of an assessment: live view, one student's attempt, scoreboard, adjustments, CSV. */

export const LIVE_STUDENT_STATES = ['not_started', 'in_progress', 'finished'] as const;
export const liveStudentStateSchema = z.enum(LIVE_STUDENT_STATES);

export const liveProblemProgressSchema = z.object({
  problemId: z.number().int(),
  progress: problemProgressSchema,
  submissionCount: z.number().int(),
  /** Counted points so far (best or last), before adjustments. */
  points: z.number(),
});

export const liveStudentSchema = z.object({
  userId: z.number().int(),
  name: z.string(),
  email: z.string(),
  state: liveStudentStateSchema,
  startedAtMs: z.number().int().nullable(),
  deadlineAtMs: z.number().int().nullable(),
  endedAtMs: z.number().int().nullable(),
  /** deadline - server now while in progress; 0 when finished; null before a start. */
  timeLeftMs: z.number().int().nullable(),
  extraTimeMs: z.number().int(),
  problems: z.array(liveProblemProgressSchema),
  /** All flags raised in this assessment's proctoring attempts, and how many are still open. */
  flags: z.number().int(),
  openFlags: z.number().int(),
  /** Lowest integrity score over this student's proctoring attempts in the assessment; null before any. */
  integrityScore: z.number().int().nullable(),
  /**
   * In progress with a problem open: whether a heartbeat came within ATTEMPT_TIMEOUT_MS (false = "disconnected": the
   * attempt runs on, only its deadline ends it). null when not in progress or no problem is open yet.
   */
  connected: z.boolean().nullable(),
});
export type LiveStudent = z.infer<typeof liveStudentSchema>;

/**
 * GET /api/assessments/:id/live (the class's teacher, admin). Updates: join the Socket.IO room
 * `feed:assessment:<id>` and refetch on 'assessment:update'.
 */
export const assessmentLiveSchema = z.object({
  assessment: assessmentSchema,
  serverNowMs: z.number().int(),
  students: z.array(liveStudentSchema),
});
export type AssessmentLive = z.infer<typeof assessmentLiveSchema>;

export const scoreAdjustmentSchema = z.object({
  id: z.number().int(),
  assessmentId: z.number().int(),
  userId: z.number().int(),
  /** null = an adjustment of the total, not of one problem. */
  problemId: z.number().int().nullable(),
  deltaPoints: z.number(),
  reason: z.string(),
  actorId: z.number().int(),
  actorName: z.string(),
  createdAtMs: z.number().int(),
});
export type ScoreAdjustment = z.infer<typeof scoreAdjustmentSchema>;

/** POST /api/assessments/:id/adjustments (the class's teacher, admin): kept for good in the audit table. */
export const scoreAdjustmentBodySchema = z.object({
  userId: z.number().int().positive(),
  problemId: z.number().int().positive().nullable().default(null),
  deltaPoints: z.number().min(-100_000).max(100_000).refine((n) => n !== 0, 'An adjustment must change the score.'),
  reason: z.string().trim().min(3, 'Give a reason.').max(2000),
});
export type ScoreAdjustmentBody = z.input<typeof scoreAdjustmentBodySchema>;
export const scoreAdjustmentListSchema = z.object({ items: z.array(scoreAdjustmentSchema) });

/** GET /api/assessments/:id/students/:userId (the class's teacher, admin): the attempt, playback ids, submissions. */
export const studentAttemptDetailSchema = z.object({
  user: z.object({ id: z.number().int(), name: z.string(), email: z.string() }),
  /** null if the student has not started. Points here are always shown (teacher view). */
  attempt: assessmentAttemptSchema.nullable(),
  /** One proctoring attempt per opened problem: timeline and code playback via GET /api/teacher/attempts/:id/timeline. */
  proctorAttempts: z.array(attemptReportSchema),
  submissions: z.array(submissionSummarySchema),
  adjustments: z.array(scoreAdjustmentSchema),
});
export type StudentAttemptDetail = z.infer<typeof studentAttemptDetailSchema>;

export const scoreboardCellSchema = z.object({
  problemId: z.number().int(),
  /** Counted points (best or last submission, score% × problem points), adjustments of this problem included. */
  points: z.number(),
  /** The submission counted; null without one. */
  submissionId: z.number().int().nullable(),
});

/**
 * One student. Points are penalty-free; ties are broken by the time of the last submission that raised the total
 * (earlier wins), then by name. Students who never started are listed last with 0.
 */
export const scoreboardRowSchema = z.object({
  rank: z.number().int(),
  userId: z.number().int(),
  name: z.string(),
  email: z.string(),
  problems: z.array(scoreboardCellSchema),
  /** Adjustments not tied to one problem. */
  adjustmentPoints: z.number(),
  totalPoints: z.number(),
  lastImprovementAtMs: z.number().int().nullable(),
  /** From start to the end of the attempt (or to now while it runs); null before a start. */
  timeUsedMs: z.number().int().nullable(),
  flags: z.number().int(),
  integrityScore: z.number().int().nullable(),
});
export type ScoreboardRow = z.infer<typeof scoreboardRowSchema>;

/** GET /api/assessments/:id/scoreboard (the class's teacher, admin). CSV: GET /api/assessments/:id/export.csv. */
export const scoreboardSchema = z.object({
  assessmentId: z.number().int(),
  problems: z.array(z.object({ problemId: z.number().int(), title: z.string(), points: z.number().int() })),
  totalPoints: z.number().int(),
  rows: z.array(scoreboardRowSchema),
});
export type Scoreboard = z.infer<typeof scoreboardSchema>;

/**
 * GET /api/assessments/:id/plagiarism (the class's teacher, admin): stored pairs in which both sides are submissions
 * made in this assessment. Runs are started per problem with POST /api/teacher/problems/:id/plagiarism.
 */
export const assessmentPlagiarismSchema = z.object({ items: z.array(plagiarismPairSummarySchema) });

import { z } from 'zod';
import { submissionModeSchema, submissionSummarySchema } from './submissions.js';
import { verdictSchema } from './verdicts.js';

/** One row of the teacher's students table: progress and proctoring at a glance. */
export const studentRowSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  solvedCount: z.number().int(),
  attempts: z.number().int(),
  openFlags: z.number().int(),
  tabHidden: z.number().int(),
  paste: z.number().int(),
  /** The lowest integrity score over the student's attempts; null without attempts. */
  integrityScore: z.number().int().nullable(),
  lastActiveAt: z.string().nullable(),
});
export type StudentRow = z.infer<typeof studentRowSchema>;

export const studentsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const teacherSubmissionsQuerySchema = z.object({
  problemId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
  verdict: verdictSchema.optional(),
  mode: submissionModeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A submission in the teacher's list: who, which problem, the verdict (code via GET /api/submissions/:id). */
export const teacherSubmissionSchema = submissionSummarySchema.extend({ userName: z.string(), problemTitle: z.string() });

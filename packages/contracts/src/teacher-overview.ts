import { z } from 'zod';
import { pageOf } from './common.js';
import { attemptTimelineSchema } from './proctor-api.js';
import { proctorFlagSchema } from './proctor-rules.js';
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

/** The columns the students table sorts by (server-side: the class is paged, 50 students at a time). */
export const STUDENT_SORT_KEYS = ['name', 'solvedCount', 'attempts', 'tabHidden', 'paste', 'openFlags', 'integrityScore', 'lastActiveAt'] as const;
export type StudentSortKey = (typeof STUDENT_SORT_KEYS)[number];

/** One page of the class: search by name or email, sort by a column (ties by name), at most 100 rows a page. */
export const studentsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(STUDENT_SORT_KEYS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type StudentsQuery = z.infer<typeof studentsQuerySchema>;

export const studentsPageSchema = pageOf(studentRowSchema);
export type StudentsPage = z.infer<typeof studentsPageSchema>;

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

/** A flag in the teacher's flags list: it names the student and the problem (GET /api/teacher/flags). */
export const flagListItemSchema = proctorFlagSchema.extend({ userName: z.string(), problemTitle: z.string() });
export type FlagListItem = z.infer<typeof flagListItemSchema>;

/** One attempt for playback, with who took it ("Review attempt #5 · Alice Chen · Two Sum"). */
/** A Run or Submit made during an attempt, with its verdict (null while it is judged), for the timeline. */
export const timelineSubmissionSchema = z.object({
  id: z.number().int(),
  mode: z.enum(['run', 'submit']),
  verdict: z.string().nullable(),
  /** 0..100, null until judged */
  score: z.number().nullable(),
  atMs: z.number(),
  autoSubmitted: z.boolean(),
});
export type TimelineSubmission = z.infer<typeof timelineSubmissionSchema>;
export const attemptTimelineViewSchema = attemptTimelineSchema.extend({ userName: z.string(), submissions: z.array(timelineSubmissionSchema).default([]) });
export type AttemptTimelineView = z.infer<typeof attemptTimelineViewSchema>;

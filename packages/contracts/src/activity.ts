import { z } from 'zod';

/**
 * Per-day counts for the charts (issue 19): a student's own activity calendar and a class's progress over time.
 * Days are UTC calendar days ('2026-12-07'); days without activity are left out (the page fills the gaps).
 */
export const ACTIVITY_DAYS = 365;

const dayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** GET /api/me/activity: the caller's Runs and Submits per day over the last year. */
export const activityDaySchema = z.object({
  day: dayKeySchema,
  /** Submits (graded against every test) that day. */
  submits: z.number().int(),
  /** Of those, how many were Accepted. */
  accepted: z.number().int(),
  /** Runs (samples or custom input) that day. */
  runs: z.number().int(),
});
export type ActivityDay = z.infer<typeof activityDaySchema>;
export const myActivitySchema = z.object({
  /** The first day covered (today minus ACTIVITY_DAYS - 1) and today, both UTC. */
  fromDay: dayKeySchema,
  toDay: dayKeySchema,
  days: z.array(activityDaySchema),
});
export type MyActivity = z.infer<typeof myActivitySchema>;

export const classProgressQuerySchema = z.object({ days: z.coerce.number().int().min(7).max(ACTIVITY_DAYS).default(60) });
export type ClassProgressQuery = z.infer<typeof classProgressQuerySchema>;

/** GET /api/classes/:id/progress (the class's teacher, admin): problems solved per day by its students. */
export const classProgressSchema = z.object({
  classId: z.number().int(),
  students: z.number().int(),
  fromDay: dayKeySchema,
  toDay: dayKeySchema,
  /** Distinct (student, problem) first solves that day, and how many students solved something. */
  days: z.array(z.object({ day: dayKeySchema, solved: z.number().int(), students: z.number().int() })),
  /** Problems solved by the class's students before fromDay (the cumulative line starts there). */
  solvedBefore: z.number().int(),
});
export type ClassProgress = z.infer<typeof classProgressSchema>;

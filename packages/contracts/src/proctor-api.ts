import { z } from 'zod';
import {
  attemptCountersSchema, flagAuditEntrySchema, integritySchema, proctorFlagSchema, proctorSettingsSchema,
} from './proctor-rules.js';
import { proctorEventRecordSchema, proctorEventTypeSchema, proctorSeveritySchema } from './proctor.js';

/**
 * The client sends a heartbeat this often. An attempt with none for ATTEMPT_TIMEOUT_MS is shown as disconnected
 * (`connected: false`); only an untimed practice attempt is also ended (`timeout`): a timed or assessment attempt
 * keeps running until its deadline (the network may come back).
 */
export const HEARTBEAT_INTERVAL_MS = 25_000;
/** Three missed heartbeats plus slack: a student typing quietly stays active (the original lost them after 5 min). */
export const ATTEMPT_TIMEOUT_MS = 90_000;

export const ATTEMPT_STATUSES = ['active', 'ended'] as const;
export const attemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof attemptStatusSchema>;

export const ATTEMPT_END_REASONS = ['left', 'timeout', 'deadline', 'rule', 'submitted', 'teacher'] as const;
export const attemptEndReasonSchema = z.enum(ATTEMPT_END_REASONS);
export type AttemptEndReason = z.infer<typeof attemptEndReasonSchema>;

export const attemptSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  problemId: z.number().int(),
  status: attemptStatusSchema,
  startedAt: z.string(),
  lastHeartbeatAt: z.string(),
  /** Timed problems: the server's deadline; the client only displays it. null = untimed. */
  deadlineAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: attemptEndReasonSchema.nullable(),
  /** Active with a heartbeat in the last ATTEMPT_TIMEOUT_MS; false = "disconnected" (or ended). */
  connected: z.boolean(),
  /**
   * The largest client clock skew measured on this attempt's event batches (server receipt - client send time, ms)
   * when above PROCTOR_SKEW_REPORT_MS; null when none was. Positive: the client's clock is behind.
   */
  clockSkewMs: z.number().int().nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** POST /api/proctor/attempts: open (or resume: a reload keeps the clock) the caller's attempt at a problem. */
export const startAttemptBodySchema = z.object({ problemId: z.number().int().positive() });
export const startAttemptResponseSchema = z.object({
  attempt: attemptSchema,
  /** The effective rules, so the client can show them and ask for fullscreen. */
  settings: proctorSettingsSchema,
  serverNow: z.string(),
  heartbeatIntervalMs: z.number().int(),
});
export type StartAttemptResponse = z.infer<typeof startAttemptResponseSchema>;

/** POST /api/proctor/attempts/:id/heartbeat and /end (the end is also sent with navigator.sendBeacon). */
export const heartbeatResponseSchema = z.object({
  status: attemptStatusSchema,
  deadlineAt: z.string().nullable(),
  serverNow: z.string(),
  endReason: attemptEndReasonSchema.nullable(),
});
export type HeartbeatResponse = z.infer<typeof heartbeatResponseSchema>;

// ---- Teacher API ----

export const dashboardStatsSchema = z.object({
  students: z.number().int(),
  activeNow: z.number().int(),
  flaggedAttemptsToday: z.number().int(),
  eventsToday: z.number().int(),
});
export type DashboardStats = z.infer<typeof dashboardStatsSchema>;

export const activeSessionSchema = attemptSchema.extend({
  userName: z.string(),
  problemTitle: z.string(),
  counters: attemptCountersSchema,
  openFlags: z.number().int(),
});
export type ActiveSession = z.infer<typeof activeSessionSchema>;

/** GET /api/teacher/events: newest first; `cursor` is the previous page's nextCursor. */
export const eventsQuerySchema = z.object({
  userId: z.coerce.number().int().positive().optional(),
  problemId: z.coerce.number().int().positive().optional(),
  attemptId: z.coerce.number().int().positive().optional(),
  type: proctorEventTypeSchema.optional(),
  minSeverity: proctorSeveritySchema.optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventsQuery = z.infer<typeof eventsQuerySchema>;

export const teacherEventSchema = proctorEventRecordSchema.extend({ userName: z.string() });
export const eventsPageSchema = z.object({ items: z.array(teacherEventSchema), nextCursor: z.string().nullable() });

export const attemptReportSchema = attemptSchema.extend({
  problemTitle: z.string(),
  counters: attemptCountersSchema,
  integrity: integritySchema,
  flags: z.array(proctorFlagSchema),
});
export type AttemptReport = z.infer<typeof attemptReportSchema>;

/** A student's attempts come newest first, a bounded slice at a time: attemptsBefore is the previous slice's cursor. */
export const studentDetailQuerySchema = z.object({
  attemptsBefore: z.coerce.number().int().positive().optional(),
  attemptsLimit: z.coerce.number().int().min(1).max(50).default(20),
});
export type StudentDetailQuery = z.infer<typeof studentDetailQuerySchema>;

export const studentDetailSchema = z.object({
  user: z.object({ id: z.number().int(), name: z.string(), email: z.string() }),
  /** The newest attempts (or those before attemptsBefore), at most attemptsLimit. */
  attempts: z.array(attemptReportSchema),
  /** Every attempt of the student, however many this slice holds. */
  attemptCount: z.number().int(),
  /** Pass as attemptsBefore for the next (older) slice; null when this slice reaches the first attempt. */
  nextAttemptsCursor: z.number().int().nullable(),
  solvedProblemIds: z.array(z.number().int()),
});
export type StudentDetail = z.infer<typeof studentDetailSchema>;

/** One attempt in time order, for playback: events (snapshots included) and the flags and their audit. */
export const attemptTimelineSchema = z.object({
  attempt: attemptReportSchema,
  events: z.array(proctorEventRecordSchema),
  audit: z.array(flagAuditEntrySchema),
});
export type AttemptTimeline = z.infer<typeof attemptTimelineSchema>;

export const flagsQuerySchema = z.object({
  status: z.enum(['open', 'cleared']).optional(),
  problemId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
  /** Only the flags of this class's students (one of the caller's classes; another teacher's: 404). */
  classId: z.coerce.number().int().positive().optional(),
  /** Only the flags raised in this assessment's attempts (one of the caller's; another teacher's: 404). */
  assessmentId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type FlagsQuery = z.infer<typeof flagsQuerySchema>;

/** PATCH /api/teacher/flags (bulk): clear, reopen or annotate the selected flags with one note. */
export const flagBulkReviewBodySchema = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(200),
  status: z.enum(['open', 'cleared']).optional(),
  note: z.string().trim().min(1).max(2000),
});
export type FlagBulkReviewBody = z.infer<typeof flagBulkReviewBodySchema>;
/** The flags changed, and the ids that were not (missing, or outside the caller's scope: told apart from neither). */
export const flagBulkReviewResultSchema = z.object({ updated: z.array(z.number().int()), notFound: z.array(z.number().int()) });
export type FlagBulkReviewResult = z.infer<typeof flagBulkReviewResultSchema>;

import { z } from 'zod';

/**
 * Proctoring rules. The server reads and enforces them (the original's settings table was never read: B37).
 * Practice and exams apart (issue 14, docs/proctoring.md "Practice and exams"): the global settings are the rules
 * of exams (timed problems, and assessments without rules of their own); an untimed problem opened outside an
 * assessment is practice, not recorded unless a teacher or admin gives that problem rules of its own (an override
 * with `enabled`), and even then observed only: no flags, no integrity lost.
 */
export const BREACH_ACTIONS = ['flag', 'warn', 'end_attempt'] as const;
export const breachActionSchema = z.enum(BREACH_ACTIONS);
/** flag: only tell teachers; warn: also tell the student; end_attempt: also end the attempt (a teacher still reviews). */
export type BreachAction = z.infer<typeof breachActionSchema>;

export const proctorSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Tab switches (tab hidden) allowed before a flag; 0 = the first one is flagged. */
  allowedTabSwitches: z.number().int().min(0).max(1000),
  /** A paste into the editor of at least this many characters is a large paste. */
  largePasteChars: z.number().int().min(1).max(100_000),
  /** When true, leaving fullscreen is a breach. */
  fullscreenRequired: z.boolean(),
  /** Idle longer than this is a breach; null = no limit. */
  idleLimitSec: z.number().int().min(10).max(24 * 3600).nullable(),
  actionOnBreach: breachActionSchema,
});
export type ProctorSettings = z.infer<typeof proctorSettingsSchema>;

/**
 * The global (exam) rules until an admin saves others. Chosen from the research notes: HackerRank flags from
 * 2 exits; large paste as in the original (>100).
 */
export const DEFAULT_PROCTOR_SETTINGS: ProctorSettings = Object.freeze({
  enabled: true,
  allowedTabSwitches: 2,
  largePasteChars: 100,
  fullscreenRequired: false,
  idleLimitSec: 300,
  actionOnBreach: 'flag',
});

/** A problem's overrides: any subset of the fields; absent fields follow the global settings. */
export const problemProctorSettingsSchema = proctorSettingsSchema.partial();
export type ProblemProctorSettings = z.infer<typeof problemProctorSettingsSchema>;

/** GET /api/teacher/problems/:id/proctor-settings. PUT takes { override } (null = follow the global settings). */
export const problemSettingsViewSchema = z.object({
  global: proctorSettingsSchema,
  override: proctorSettingsSchema.nullable(),
  /** What a student opening the problem on its own is under (inside an assessment: the assessment's rules). */
  effective: proctorSettingsSchema,
  /**
   * Untimed: opened on its own it is practice, not recorded unless `override` turns recording on (and then observed
   * only). false: a timed problem, proctored under `override` or else the global rules.
   */
  practice: z.boolean(),
});
export type ProblemSettingsView = z.infer<typeof problemSettingsViewSchema>;
export const problemSettingsBodySchema = z.object({ override: proctorSettingsSchema.nullable() });

/** Per-attempt counters, folded from the stored events by packages/proctoring. */
export const attemptCountersSchema = z.object({
  events: z.number().int(),
  tabHidden: z.number().int(),
  hiddenMs: z.number().int(),
  windowBlur: z.number().int(),
  paste: z.number().int(),
  pasteChars: z.number().int(),
  largePaste: z.number().int(),
  pasteOutsideEditor: z.number().int(),
  copy: z.number().int(),
  cut: z.number().int(),
  copyFromStatement: z.number().int(),
  rightClick: z.number().int(),
  devtools: z.number().int(),
  fullscreenExit: z.number().int(),
  idle: z.number().int(),
  idleMs: z.number().int(),
  longIdle: z.number().int(),
  snapshots: z.number().int(),
});
export type AttemptCounters = z.infer<typeof attemptCountersSchema>;

export const FLAG_RULES = ['tab_switches', 'large_paste', 'devtools', 'fullscreen_exit', 'idle_limit'] as const;
export const flagRuleSchema = z.enum(FLAG_RULES);
export type FlagRule = z.infer<typeof flagRuleSchema>;

export const FLAG_STATUSES = ['open', 'cleared'] as const;
export const flagStatusSchema = z.enum(FLAG_STATUSES);
export type FlagStatus = z.infer<typeof flagStatusSchema>;

export const proctorFlagSchema = z.object({
  id: z.number().int(),
  attemptId: z.number().int(),
  userId: z.number().int(),
  problemId: z.number().int(),
  rule: flagRuleSchema,
  reason: z.string(),
  severity: z.enum(['medium', 'high']),
  /** What the server did: flag only, warned the student, or ended the attempt. */
  action: breachActionSchema,
  /** The event that crossed the line. */
  eventId: z.string().nullable(),
  status: flagStatusSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
  reviewedBy: z.number().int().nullable(),
  reviewedAt: z.string().nullable(),
});
export type ProctorFlag = z.infer<typeof proctorFlagSchema>;

/** PATCH /api/teacher/flags/:id: clear, reopen, or just annotate. Every change is kept in the audit trail. */
export const flagReviewBodySchema = z.object({
  status: flagStatusSchema.optional(),
  note: z.string().trim().min(1).max(2000),
});
export type FlagReviewBody = z.infer<typeof flagReviewBodySchema>;

export const flagAuditEntrySchema = z.object({
  id: z.number().int(),
  flagId: z.number().int(),
  actorId: z.number().int(),
  action: z.enum(['clear', 'reopen', 'annotate']),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type FlagAuditEntry = z.infer<typeof flagAuditEntrySchema>;

export const integrityReasonSchema = z.object({
  code: z.string(),
  count: z.number().int(),
  penalty: z.number().int(),
  detail: z.string(),
});
export type IntegrityReason = z.infer<typeof integrityReasonSchema>;

/** 100 = nothing noticed. A signal for a teacher's review, never a verdict on its own. */
export const integritySchema = z.object({
  score: z.number().int().min(0).max(100),
  reasons: z.array(integrityReasonSchema),
});
export type Integrity = z.infer<typeof integritySchema>;

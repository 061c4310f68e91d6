import { z } from 'zod';
import { languageIdSchema } from './languages.js';

/**
 * Proctoring events as the browser sends them. The client reports what happened; it never says how bad it
 * is: severity and what counts as a violation are decided on the server (packages/proctoring), because a
 * client-chosen severity is trivially forged (the original trusted it: original-logicode.md B40).
 */
export const PROCTOR_EVENT_TYPES = [
  'tab_hidden', 'tab_visible', 'window_blur', 'window_focus', 'paste', 'copy', 'cut', 'right_click',
  'devtools_shortcut', 'fullscreen_enter', 'fullscreen_exit', 'idle_start', 'idle_end', 'code_snapshot',
] as const;
export const proctorEventTypeSchema = z.enum(PROCTOR_EVENT_TYPES);
export type ProctorEventType = z.infer<typeof proctorEventTypeSchema>;

/** Where a clipboard or mouse action happened. `statement` = the problem text. */
export const proctorPlaceSchema = z.enum(['editor', 'statement', 'other']);
export type ProctorPlace = z.infer<typeof proctorPlaceSchema>;

/** Batch limits: the client flushes every ~2 s and on page hide, so 200 events is far above normal use. */
export const PROCTOR_BATCH_MAX_EVENTS = 200;
/** The largest body POST /api/proctor/events accepts; a bigger one gets 413 PAYLOAD_TOO_LARGE. */
export const PROCTOR_BATCH_MAX_BYTES = 1_048_576;
/** A full snapshot may be as long as a submission's code. */
export const PROCTOR_SNAPSHOT_MAX_CHARS = 100_000;
/**
 * The clock rules for events (docs/proctoring.md). The server's receipt time is the authoritative clock: an event's
 * client time, corrected by the batch's measured skew when the batch says when it was sent, must fall inside its
 * attempt's window [startedAt - tolerance, (end or receipt) + tolerance]; anything else is refused.
 */
export const PROCTOR_CLOCK_TOLERANCE_MS = 30_000;
/**
 * After an attempt ends, an offline queue may still flush what it recorded before the end: events whose (corrected)
 * client time is before the end and that arrive within this grace are stored and marked `late`; later ones are refused.
 */
export const PROCTOR_LATE_GRACE_MS = 120_000;
/** A batch whose client clock is off by more than this (receipt - sentAt) is recorded on the attempt for the teacher. */
export const PROCTOR_SKEW_REPORT_MS = 120_000;
/**
 * @deprecated The ±24 h trust in client clocks is gone: events are checked against their attempt's window
 * (PROCTOR_CLOCK_TOLERANCE_MS). Kept as the outer bound of a plausible skew correction.
 */
export const PROCTOR_MAX_CLOCK_SKEW_MS = 24 * 3600 * 1000;

const lengthSchema = z.number().int().min(0).max(10_000_000);

/** One edit: replace characters [from, to) of the text with `text`. Edits of one diff apply in order. */
export const snapshotEditSchema = z.object({
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  text: z.string().max(PROCTOR_SNAPSHOT_MAX_CHARS),
}).refine((e) => e.to >= e.from, { message: 'An edit must have to >= from.' });
export type SnapshotEdit = z.infer<typeof snapshotEditSchema>;

/**
 * The editor's content, sent every few seconds while it changes: whole (`full`) or as edits against the
 * snapshot numbered `baseSeq` of the same attempt (`diff`). `seq` counts up per attempt from 1.
 */
export const snapshotDataSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('full'),
    seq: z.number().int().min(1),
    language: languageIdSchema,
    content: z.string().max(PROCTOR_SNAPSHOT_MAX_CHARS),
  }),
  z.object({
    kind: z.literal('diff'),
    seq: z.number().int().min(2),
    baseSeq: z.number().int().min(1),
    language: languageIdSchema,
    edits: z.array(snapshotEditSchema).min(1).max(1000),
  }),
]);
export type SnapshotData = z.infer<typeof snapshotDataSchema>;

const empty = z.object({}).strict();
/** The type-specific part of each event. Unknown keys are refused so nothing unvalidated is stored. */
export const PROCTOR_EVENT_DATA = {
  tab_hidden: empty,
  tab_visible: z.object({ hiddenMs: z.number().int().min(0).optional() }).strict(),
  window_blur: empty,
  window_focus: z.object({ blurredMs: z.number().int().min(0).optional() }).strict(),
  paste: z.object({ length: lengthSchema, place: proctorPlaceSchema }).strict(),
  copy: z.object({ length: lengthSchema, place: proctorPlaceSchema }).strict(),
  cut: z.object({ length: lengthSchema, place: proctorPlaceSchema }).strict(),
  right_click: z.object({ place: proctorPlaceSchema }).strict(),
  devtools_shortcut: z.object({ key: z.string().min(1).max(40) }).strict(),
  fullscreen_enter: empty,
  fullscreen_exit: empty,
  idle_start: empty,
  idle_end: z.object({ idleMs: z.number().int().min(0) }).strict(),
  code_snapshot: snapshotDataSchema,
} as const satisfies Record<ProctorEventType, z.ZodType>;

const eventBase = {
  /** Made by the client (crypto.randomUUID()); the server stores each id once, so a retried batch is harmless. */
  id: z.uuid(),
  /** The client's clock when it happened, epoch milliseconds. */
  clientTsMs: z.number().int().positive(),
  problemId: z.number().int().positive(),
  attemptId: z.number().int().positive(),
};

function eventOf<T extends ProctorEventType>(type: T) {
  return z.object({ ...eventBase, type: z.literal(type), data: PROCTOR_EVENT_DATA[type] });
}

export const proctorEventSchema = z.discriminatedUnion('type', [
  eventOf('tab_hidden'), eventOf('tab_visible'), eventOf('window_blur'), eventOf('window_focus'),
  eventOf('paste'), eventOf('copy'), eventOf('cut'), eventOf('right_click'), eventOf('devtools_shortcut'),
  eventOf('fullscreen_enter'), eventOf('fullscreen_exit'), eventOf('idle_start'), eventOf('idle_end'),
  eventOf('code_snapshot'),
]);
/** One event as the client sends it. */
export type ProctorEventInput = z.infer<typeof proctorEventSchema>;

/**
 * The body of POST /api/proctor/events. Items are `unknown` here on purpose: each is validated on its
 * own so that one bad event is refused with its reason while the valid ones in the batch are kept.
 */
export const proctorBatchBodySchema = z.object({
  events: z.array(z.unknown()).min(1).max(PROCTOR_BATCH_MAX_EVENTS),
  /**
   * The client's clock when it sent the batch (epoch ms), optional. The server measures the client's skew as
   * receipt - sentAtMs, checks each event's clientTsMs + skew against the attempt's window, and records a skew larger
   * than PROCTOR_SKEW_REPORT_MS on the attempt (`clockSkewMs`, shown to the teacher).
   */
  sentAtMs: z.number().int().positive().optional(),
});
export type ProctorBatchBody = z.infer<typeof proctorBatchBodySchema>;

export const proctorRejectionSchema = z.object({
  /** Position in the batch. */
  index: z.number().int(),
  /** The event's id when it had a readable one. */
  id: z.string().nullable(),
  reason: z.string(),
});
export type ProctorRejection = z.infer<typeof proctorRejectionSchema>;

/** 202: every accepted event is durable (in the database, or appended to the Redis Stream). */
export const proctorBatchResponseSchema = z.object({
  accepted: z.number().int(),
  /** Events repeated inside this batch (same id); stored once. Repeats across batches count as accepted. */
  duplicates: z.number().int(),
  rejected: z.array(proctorRejectionSchema),
});
export type ProctorBatchResponse = z.infer<typeof proctorBatchResponseSchema>;

/** Decided by the server. `info` = context only (focus back, snapshots). */
export const PROCTOR_SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export const proctorSeveritySchema = z.enum(PROCTOR_SEVERITIES);
export type ProctorSeverity = z.infer<typeof proctorSeveritySchema>;

/** An event as stored and shown to teachers. */
export const proctorEventRecordSchema = z.object({
  id: z.string(),
  userId: z.number().int(),
  problemId: z.number().int(),
  attemptId: z.number().int(),
  type: proctorEventTypeSchema,
  severity: proctorSeveritySchema,
  data: z.record(z.string(), z.unknown()),
  clientTsMs: z.number().int(),
  receivedAt: z.string(),
  /** Received after its attempt ended (within PROCTOR_LATE_GRACE_MS, recorded before the end): an offline queue's flush. */
  late: z.boolean().optional(),
});
export type ProctorEventRecord = z.infer<typeof proctorEventRecordSchema>;

import type { Generated, Selectable } from 'kysely';

/** One attempt at a problem (a "problem session"): opened, kept alive by heartbeats, ended. */
export interface ProblemSessionsTable {
  id: Generated<number>;
  userId: number;
  problemId: number;
  assessmentId: number | null;
  startedAtMs: number;
  lastHeartbeatAtMs: number;
  endedAtMs: number | null;
  endReason: string | null;
  /** Server-owned deadline of a timed attempt. */
  deadlineAtMs: number | null;
  isActive: number;
  language: string | null;
  /** JSON counters (tab switches, pastes, ...). */
  counters: string;
  integrityScore: number;
  /** Set once the server submitted this timed attempt at its deadline (migration 0050). */
  autoSubmissionId: Generated<number | null>;
  /** With shards: the last of this attempt's shard-numbered events folded into `counters` (migration 0090). */
  foldedSeq: Generated<number>;
  /** The largest client clock skew measured on this attempt's batches, when above the report threshold (migration 0110). */
  clockSkewMs: Generated<number | null>;
}
export type ProblemSessionRow = Selectable<ProblemSessionsTable>;

export interface ProctorEventsTable {
  /** The client-made UUID: inserts are idempotent on it. */
  id: string;
  userId: number;
  problemId: number;
  attemptId: number | null;
  type: string;
  severity: 'info' | 'low' | 'medium' | 'high';
  /** JSON details of the event. */
  payload: string;
  clientTsMs: number;
  createdAtMs: number;
  /** 1 = received after its attempt ended, within the offline grace (migration 0110). */
  late: Generated<number>;
}
export type ProctorEventRow = Selectable<ProctorEventsTable>;

/** problemId 0 holds the global settings; a row per problem overrides them. */
export interface ProctorSettingsTable {
  problemId: number;
  enabled: number;
  allowedTabSwitches: number;
  largePasteChars: number;
  fullscreenRequired: number;
  idleLimitSec: number;
  breachAction: 'flag' | 'warn' | 'end';
  updatedBy: number | null;
  updatedAtMs: number;
}

export interface CodeSnapshotsTable {
  /** The snapshot event's client-made UUID. */
  id: string;
  attemptId: number | null;
  userId: number;
  problemId: number;
  language: string;
  code: string;
  clientTsMs: number;
  createdAtMs: number;
  /** full: `code` is the text; diff: `code` is the JSON edits against snapshot `baseSeq` (migration 0050). */
  kind: Generated<'full' | 'diff'>;
  seq: Generated<number>;
  baseSeq: number | null;
  /** 1 = received after its attempt ended, within the offline grace (migration 0110). */
  late: Generated<number>;
}

export interface ProctorFlagsTable {
  id: Generated<number>;
  attemptId: number | null;
  userId: number;
  problemId: number;
  rule: string;
  reason: string;
  severity: 'low' | 'medium' | 'high';
  status: 'open' | 'cleared';
  note: string | null;
  createdAtMs: number;
  updatedAtMs: number;
  /** Migration 0050: what the server did, the event behind it, a per-attempt unique key, the last reviewer. */
  action: Generated<'flag' | 'warn' | 'end_attempt'>;
  eventId: string | null;
  dedupeKey: Generated<string>;
  reviewedBy: number | null;
  reviewedAtMs: number | null;
}

/** Who cleared or annotated a flag, and why: kept for good. */
export interface FlagAuditTable {
  id: Generated<number>;
  flagId: number;
  actorId: number;
  action: 'clear' | 'reopen' | 'annotate';
  note: string | null;
  createdAtMs: number;
}

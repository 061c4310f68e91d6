import {
  ATTEMPT_TIMEOUT_MS, type Attempt, type AttemptEndReason, type ProctorEventRecord, type ProctorEventType, type ProctorFlag,
} from '@logicode/contracts';
import type { ProblemSessionRow, ProctorEventRow } from '@logicode/db';
import type { Selectable } from 'kysely';
import type { ProctorFlagsTable } from '@logicode/db';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(Number(ms)));

/**
 * `nowMs` (the server clock) decides `connected`: an active attempt without a heartbeat for ATTEMPT_TIMEOUT_MS is
 * shown as disconnected; a timed or assessment attempt stays active then (only its deadline ends it).
 */
export function toAttempt(row: ProblemSessionRow, nowMs: number = Date.now()): Attempt {
  return {
    id: row.id,
    userId: row.userId,
    problemId: row.problemId,
    status: row.isActive === 1 ? 'active' : 'ended',
    startedAt: iso(Number(row.startedAtMs)),
    lastHeartbeatAt: iso(Number(row.lastHeartbeatAtMs)),
    deadlineAt: isoOrNull(row.deadlineAtMs),
    endedAt: isoOrNull(row.endedAtMs),
    endReason: (row.endReason as AttemptEndReason | null) ?? null,
    connected: row.isActive === 1 && Number(row.lastHeartbeatAtMs) >= nowMs - ATTEMPT_TIMEOUT_MS,
    clockSkewMs: row.clockSkewMs === null || row.clockSkewMs === undefined ? null : Number(row.clockSkewMs),
  };
}

export function toEventRecord(row: ProctorEventRow): ProctorEventRecord {
  return {
    id: row.id,
    userId: row.userId,
    problemId: row.problemId,
    attemptId: row.attemptId ?? 0,
    type: row.type as ProctorEventType,
    severity: row.severity,
    data: JSON.parse(row.payload) as Record<string, unknown>,
    clientTsMs: Number(row.clientTsMs),
    receivedAt: iso(Number(row.createdAtMs)),
    late: Number(row.late ?? 0) === 1,
  };
}

export function toFlag(row: Selectable<ProctorFlagsTable>): ProctorFlag {
  return {
    id: row.id,
    attemptId: row.attemptId ?? 0,
    userId: row.userId,
    problemId: row.problemId,
    rule: row.rule as ProctorFlag['rule'],
    reason: row.reason,
    severity: row.severity === 'high' ? 'high' : 'medium',
    action: row.action,
    eventId: row.eventId,
    status: row.status,
    note: row.note,
    createdAt: iso(Number(row.createdAtMs)),
    reviewedBy: row.reviewedBy,
    reviewedAt: isoOrNull(row.reviewedAtMs),
  };
}

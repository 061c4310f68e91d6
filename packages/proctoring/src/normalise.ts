import type { ProctorEventInput, ProctorEventRecord, ProctorSettings } from '@logicode/contracts';
import { severityOf } from './severity.js';

export interface EventRecordContext {
  userId: number;
  /** ISO time the server received the batch. */
  receivedAt: string;
  settings: ProctorSettings;
}

/** The stored form of a validated event: the server's user id, time and severity added. */
export function toEventRecord(event: ProctorEventInput, ctx: EventRecordContext): ProctorEventRecord {
  return {
    id: event.id,
    userId: ctx.userId,
    problemId: event.problemId,
    attemptId: event.attemptId,
    type: event.type,
    severity: severityOf(event, ctx.settings),
    data: event.data as Record<string, unknown>,
    clientTsMs: event.clientTsMs,
    receivedAt: ctx.receivedAt,
  };
}

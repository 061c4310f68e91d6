import { AppError, PROCTOR_SKEW_REPORT_MS, type ProctorBatchResponse, type ProctorRejection } from '@logicode/contracts';
import type { EventStream } from '@logicode/platform';
import { skewOf, validateBatch } from '@logicode/proctoring';
import { DEFAULT_USAGE_LIMITS, type Actor, type CoreDeps } from '../context.js';
import { judgeEvent } from './attempt-guard.js';
import type { AttemptWindows } from './attempt-windows.js';
import type { AttemptsService } from './attempts-service.js';
import type { EventWriter, IngestMessage } from './event-writer.js';
import { createGroupCommit } from './group-commit.js';

export interface IngestOptions {
  /** Scaled mode: append to this stream (consumers write to the DB). Embedded: null, write directly. */
  stream: EventStream<IngestMessage> | null;
  /** Per user: at most this many POSTs per window (the client sends one every ~2 s). */
  requestsPerWindow: number;
  windowMs: number;
}

export const DEFAULT_INGEST_LIMITS = { requestsPerWindow: 120, windowMs: 60_000 } as const;

/** An attempt's clock skew is recorded when a batch's exceeds this (and its largest one is kept). */
const SKEW_REPORT_MS = PROCTOR_SKEW_REPORT_MS;

export function createIngestService(
  deps: CoreDeps,
  parts: { attempts: AttemptsService; writer: EventWriter; windows: AttemptWindows; onPersisted?: (r: Awaited<ReturnType<EventWriter['persist']>>) => Promise<void> },
  options: IngestOptions,
) {
  const { db } = deps.db;
  // Embedded: concurrent requests' batches share one transaction (group-commit.ts); each is answered after it commits.
  const group = createGroupCommit({ persist: (messages) => parts.writer.persist(messages), onPersisted: parts.onPersisted });

  /**
   * The attempts' state: remembered for a few seconds and dropped on every process at once when an attempt ends,
   * reopens or its deadline moves (attempt-windows.ts). The writer judges again under the attempts' locks.
   */
  const sessions = (ids: number[]) => parts.windows.get(ids);

  /** Keeps the largest skew (by size) measured on each attempt, for the teacher's report and timeline. */
  async function recordSkew(attemptIds: number[], skewMs: number): Promise<void> {
    if (Math.abs(skewMs) <= SKEW_REPORT_MS || attemptIds.length === 0) return;
    const size = Math.abs(Math.round(skewMs));
    await db.updateTable('problemSessions').set({ clockSkewMs: Math.round(skewMs) }).where('id', 'in', attemptIds)
      .where((eb) => eb.or([eb('clockSkewMs', 'is', null), eb('clockSkewMs', '<', size).and('clockSkewMs', '>', -size)]))
      .execute();
  }

  /** Requests per user; with at most PROCTOR_BATCH_MAX_EVENTS per request this also bounds events. */
  async function limit(userId: number): Promise<void> {
    const requests = await deps.rateLimiter.hit(`proctor:req:${userId}`, options.requestsPerWindow, options.windowMs);
    if (!requests.allowed) throw rateLimited(requests.resetAtMs);
  }

  /** 429 with Retry-After (retryAfterSec) and, for older clients, retryAfterMs. */
  function rateLimited(resetAtMs: number, message?: string): AppError {
    const retryAfterMs = Math.max(0, resetAtMs - deps.clock.now());
    return new AppError('RATE_LIMITED', message, { retryAfterMs, retryAfterSec: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
  }

  /**
   * Volume (issue 15): the bytes of a user's events a minute (429 with Retry-After: the browser keeps them and
   * sends them later) and of an attempt in all (past it, that attempt's events are refused one by one with
   * reason 'attempt_bytes_exceeded': nothing later would make them fit, so the client must not retry them).
   */
  async function limitBytes(userId: number, events: readonly { attemptId: number }[]): Promise<Set<number>> {
    const limits = deps.config.usageLimits ?? DEFAULT_USAGE_LIMITS;
    const bytesByAttempt = new Map<number, number>();
    let total = 0;
    for (const event of events) {
      const bytes = Buffer.byteLength(JSON.stringify(event), 'utf8');
      total += bytes;
      bytesByAttempt.set(event.attemptId, (bytesByAttempt.get(event.attemptId) ?? 0) + bytes);
    }
    if (total === 0) return new Set();
    const perMinute = await deps.rateLimiter.hit(`proctor:bytes:${userId}`, limits.proctorBytesPerMinute, 60_000, total);
    if (!perMinute.allowed) throw rateLimited(perMinute.resetAtMs, `At most ${limits.proctorBytesPerMinute} bytes of events a minute; the rest is sent later.`);
    const over = new Set<number>();
    for (const [attemptId, bytes] of bytesByAttempt) {
      // An attempt lasts hours at most; its events are kept 7 to 30 days: a week's window counts it whole.
      const perAttempt = await deps.rateLimiter.hit(`proctor:attempt-bytes:${attemptId}`, limits.proctorBytesPerAttempt, 7 * 24 * 3600_000, bytes);
      if (!perAttempt.allowed) over.add(attemptId);
    }
    return over;
  }

  return {
    /**
     * Validates a batch and makes the valid events durable before answering: in the database (embedded)
     * or appended to the stream (scaled). Invalid events are refused with reasons; valid ones are kept.
     */
    async accept(actor: Actor, items: readonly unknown[], batch: { sentAtMs?: number | undefined } = {}): Promise<ProctorBatchResponse> {
      await limit(actor.userId);
      const now = deps.clock.now();
      const clockSkewMs = skewOf(now, batch.sentAtMs);
      const { events, indexes, rejected, duplicates } = validateBatch(items);
      const byIndex: ProctorRejection[] = [...rejected];
      const attemptIds = [...new Set(events.map((e) => e.attemptId))];
      const known = await sessions(attemptIds);
      // The guard (attempt-guard.ts): the caller's attempt at this problem, inside its window; late within the grace.
      const mine = events.filter((event, i) => {
        const verdict = judgeEvent(event, { userId: actor.userId, receivedAtMs: now, clockSkewMs }, known.get(event.attemptId));
        if (!verdict.ok) byIndex.push({ index: indexes[i]!, id: event.id, reason: verdict.reason });
        return verdict.ok;
      });
      const overAttempts = await limitBytes(actor.userId, mine);
      if (overAttempts.size > 0) {
        for (let i = mine.length - 1; i >= 0; i -= 1) {
          const event = mine[i]!;
          if (!overAttempts.has(event.attemptId)) continue;
          byIndex.push({ index: indexes[events.indexOf(event)]!, id: event.id, reason: 'attempt_bytes_exceeded' });
          mine.splice(i, 1);
        }
      }
      await recordSkew([...new Set(mine.map((e) => e.attemptId))], clockSkewMs);
      if (mine.length > 0) {
        const message: IngestMessage = { userId: actor.userId, receivedAtMs: now, clockSkewMs, events: mine };
        if (options.stream) await options.stream.append([message]);
        else await group.write(message);
      }
      byIndex.sort((a, b) => a.index - b.index);
      return { accepted: mine.length, duplicates, rejected: byIndex };
    },
  };
}

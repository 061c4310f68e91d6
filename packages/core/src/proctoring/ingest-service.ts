import { AppError, type ProctorBatchResponse, type ProctorRejection } from '@logicode/contracts';
import type { EventStream } from '@logicode/platform';
import { validateBatch } from '@logicode/proctoring';
import type { Actor, CoreDeps } from '../context.js';
import type { AttemptsService } from './attempts-service.js';
import type { EventWriter, IngestMessage } from './event-writer.js';

export interface IngestOptions {
  /** Scaled mode: append to this stream (consumers write to the DB). Embedded: null, write directly. */
  stream: EventStream<IngestMessage> | null;
  /** Per user: at most this many POSTs per window (the client sends one every ~2 s). */
  requestsPerWindow: number;
  windowMs: number;
}

export const DEFAULT_INGEST_LIMITS = { requestsPerWindow: 120, windowMs: 60_000 } as const;

/** Owner and problem of an attempt never change: cached per process, bounded. */
const OWNER_CACHE_MAX = 50_000;

export function createIngestService(
  deps: CoreDeps,
  parts: { attempts: AttemptsService; writer: EventWriter; onPersisted?: (r: Awaited<ReturnType<EventWriter['persist']>>) => Promise<void> },
  options: IngestOptions,
) {
  const owners = new Map<number, { userId: number; problemId: number }>();

  async function lookupOwners(ids: number[]) {
    const missing = ids.filter((id) => !owners.has(id));
    if (missing.length > 0) {
      const found = await parts.attempts.ownerOf(missing);
      if (owners.size + found.size > OWNER_CACHE_MAX) owners.clear();
      for (const [id, owner] of found) owners.set(id, owner);
    }
    return owners;
  }

  /** Requests per user; with at most PROCTOR_BATCH_MAX_EVENTS per request this also bounds events. */
  async function limit(userId: number): Promise<void> {
    const requests = await deps.rateLimiter.hit(`proctor:req:${userId}`, options.requestsPerWindow, options.windowMs);
    if (!requests.allowed) {
      throw new AppError('RATE_LIMITED', undefined, { retryAfterMs: Math.max(0, requests.resetAtMs - deps.clock.now()) });
    }
  }

  return {
    /**
     * Validates a batch and makes the valid events durable before answering: in the database (embedded)
     * or appended to the stream (scaled). Invalid events are refused with reasons; valid ones are kept.
     */
    async accept(actor: Actor, items: readonly unknown[]): Promise<ProctorBatchResponse> {
      await limit(actor.userId);
      const now = deps.clock.now();
      const { events, indexes, rejected, duplicates } = validateBatch(items, { nowMs: now });
      const byIndex: ProctorRejection[] = [...rejected];
      const known = await lookupOwners([...new Set(events.map((e) => e.attemptId))]);
      const mine = events.filter((event, i) => {
        const owner = known.get(event.attemptId);
        const ok = owner !== undefined && owner.userId === actor.userId && owner.problemId === event.problemId;
        if (!ok) byIndex.push({ index: indexes[i]!, id: event.id, reason: 'attemptId: not an attempt of yours at this problem.' });
        return ok;
      });
      if (mine.length > 0) {
        const message: IngestMessage = { userId: actor.userId, receivedAtMs: now, events: mine };
        if (options.stream) await options.stream.append([message]);
        else {
          const result = await parts.writer.persist([message]);
          await parts.onPersisted?.(result);
        }
      }
      byIndex.sort((a, b) => a.index - b.index);
      return { accepted: mine.length, duplicates, rejected: byIndex };
    },
  };
}

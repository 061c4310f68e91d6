import type { CoreDeps } from '../context.js';
import { GUARDED_COLUMNS, type GuardedSession } from './attempt-guard.js';

/**
 * The channel on which a change to a user's attempts (an end, a reopen, a hand-in, a moved deadline) goes to every
 * process, so each drops what it remembers of them (Redis pub/sub in scaled mode, in-process in embedded mode).
 */
export const ATTEMPT_CHANNEL = 'attempt:changed';

export interface AttemptChangeMessage {
  userId: number;
}

/** Tells every process (this one included) that this user's attempts changed. Call after the change is stored. */
export async function publishAttemptChange(deps: Pick<CoreDeps, 'pubsub'>, userId: number): Promise<void> {
  await deps.pubsub.publish(ATTEMPT_CHANNEL, { userId } satisfies AttemptChangeMessage);
}

/**
 * How long a process trusts what it read of an attempt without reading again. The channel carries every change at
 * once; this only bounds how long a lost message (a Redis reconnect) could leave a stale window here. A deadline
 * passing needs no message: the window is computed from the deadline and the clock (attempt-guard.ts windowOf).
 */
export const ATTEMPT_MEMORY_MS = 3_000;
const MAX_REMEMBERED = 20_000;

/**
 * The attempts' guarded columns for the event ingest, remembered briefly (issue 18: the read per batch cut the
 * scaled api's accepted events/s from 21-23k to 17k). Only the api's answer (accepted or refused with a reason)
 * depends on it: every writer (embedded, the stream consumer, shards) judges each event again on the row it reads
 * under the attempt's lock, so nothing outside an attempt's window is stored even if a message were late.
 */
export function createAttemptWindows(deps: Pick<CoreDeps, 'db' | 'pubsub' | 'clock'>, memoryMs = ATTEMPT_MEMORY_MS) {
  const { db } = deps.db;
  const known = new Map<number, { row: GuardedSession; readAtMs: number }>();
  const byUser = new Map<number, Set<number>>();
  // Bumped on every change: a read that started before one must not store what it read.
  let epoch = 0;
  let subscribed: Promise<unknown> | null = null;

  function forgetUser(userId: number): void {
    epoch += 1;
    for (const id of byUser.get(userId) ?? []) known.delete(id);
    byUser.delete(userId);
  }

  function remember(row: GuardedSession, readAtMs: number): void {
    if (known.size >= MAX_REMEMBERED) {
      known.clear();
      byUser.clear();
    }
    known.set(row.id, { row, readAtMs });
    let ids = byUser.get(row.userId);
    if (!ids) byUser.set(row.userId, (ids = new Set()));
    ids.add(row.id);
  }

  function subscribe(): Promise<unknown> {
    subscribed ??= deps.pubsub
      .subscribe(ATTEMPT_CHANNEL, (message) => {
        const { userId } = message as Partial<AttemptChangeMessage>;
        if (typeof userId === 'number') forgetUser(userId);
      })
      .catch(() => {
        subscribed = null; // tried again on the next read; meanwhile nothing is remembered
      });
    return subscribed;
  }

  return {
    /** The attempts' guarded columns by id (absent: no such attempt). */
    async get(ids: readonly number[]): Promise<Map<number, GuardedSession>> {
      const out = new Map<number, GuardedSession>();
      if (ids.length === 0) return out;
      await subscribe();
      const now = deps.clock.now();
      const missing: number[] = [];
      for (const id of ids) {
        const entry = known.get(id);
        if (entry && now - entry.readAtMs < memoryMs) out.set(id, entry.row);
        else missing.push(id);
      }
      if (missing.length === 0) return out;
      const startedAt = epoch;
      const rows = await db.selectFrom('problemSessions').select([...GUARDED_COLUMNS]).where('id', 'in', missing).execute();
      const keep = startedAt === epoch && subscribed !== null;
      for (const row of rows) {
        out.set(row.id, row);
        if (keep) remember(row, now);
      }
      return out;
    },
    /** This process forgets the user's attempts at once and tells the others. */
    async changed(userId: number): Promise<void> {
      forgetUser(userId);
      await publishAttemptChange(deps, userId);
    },
  };
}
export type AttemptWindows = ReturnType<typeof createAttemptWindows>;

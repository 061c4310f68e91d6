import { ATTEMPT_TIMEOUT_MS } from '@logicode/contracts';
import { sql } from 'kysely';
import type { CoreDeps } from '../context.js';

/**
 * Heartbeats written behind (issue 18): a heartbeat sets its attempt's time in this process's memory, and every
 * FLUSH_MS one statement writes the times gathered since into problem_sessions, instead of one transaction per
 * heartbeat. The meaning is kept: a teacher sees "disconnected" after ATTEMPT_TIMEOUT_MS without one, and the
 * untimed sweep ends such practice attempts. A stored time trails the real one by at most FLUSH_MS (+ one heartbeat
 * interval), well inside the time-out; a heartbeat whose stored time is already older than WRITE_THROUGH_AFTER_MS
 * (the attempt shows, or is about to show, as disconnected) is written at once, so a student who comes back shows
 * as connected at once. A crash loses at most FLUSH_MS of times: the attempt looks idle a few seconds early.
 */
export const HEARTBEAT_FLUSH_MS = 5_000;
const WRITE_THROUGH_AFTER_MS = ATTEMPT_TIMEOUT_MS / 2;

interface Beat {
  atMs: number;
  language: string | null;
}

export function createHeartbeatBuffer(deps: CoreDeps) {
  const { db } = deps.db;
  let pending = new Map<number, Beat>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  /**
   * One UPDATE per (second, language) with the attempt ids in an IN list (a primary-key lookup each). A CASE per id
   * instead made SQLite compare every row against every branch: a flush of 2,000 heartbeats blocked for ~100 ms.
   * Times are stored to the second below (under a second early: nothing next to a 90 s time-out).
   */
  async function write(beats: Map<number, Beat>): Promise<void> {
    const groups = new Map<string, { atMs: number; language: string | null; ids: number[] }>();
    for (const [id, beat] of beats) {
      const atMs = Math.floor(beat.atMs / 1000) * 1000;
      const key = `${atMs}|${beat.language ?? ''}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { atMs, language: beat.language, ids: [] }));
      group.ids.push(id);
    }
    for (const { atMs, language, ids } of groups.values()) {
      for (let i = 0; i < ids.length; i += 500) {
        // Never moves a time backwards (an attempt reopened meanwhile stored a later one).
        await sql`update problem_sessions set last_heartbeat_at_ms = case when last_heartbeat_at_ms > ${atMs} then last_heartbeat_at_ms else ${atMs} end,
          language = coalesce(${language}, language) where id in (${sql.join(ids.slice(i, i + 500))})`.execute(db);
      }
    }
  }

  function flush(): Promise<void> {
    const beats = pending;
    pending = new Map();
    flushing = flushing.then(() => write(beats)).catch((error: unknown) => {
      // Lost times only make attempts look idle early; the next heartbeats store them again.
      deps.log('warn', 'heartbeat flush failed', { error: String(error), attempts: beats.size });
    });
    return flushing;
  }

  function schedule(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, HEARTBEAT_FLUSH_MS);
    timer.unref();
  }

  return {
    /**
     * Records a heartbeat; `storedAtMs` is the time the database holds now. Resolves once it is stored when it is
     * written through, at once when it waits for the next flush.
     */
    async beat(attemptId: number, atMs: number, language: string | null, storedAtMs: number): Promise<void> {
      const previous = pending.get(attemptId);
      pending.set(attemptId, { atMs, language: language ?? previous?.language ?? null });
      if (atMs - storedAtMs > WRITE_THROUGH_AFTER_MS) await flush();
      else schedule();
    },
    /** Writes what waits (at shutdown, and in tests). */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await flush();
    },
  };
}
export type HeartbeatBuffer = ReturnType<typeof createHeartbeatBuffer>;

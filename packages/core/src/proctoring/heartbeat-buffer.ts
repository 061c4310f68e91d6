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

  async function write(beats: Map<number, Beat>): Promise<void> {
    if (beats.size === 0) return;
    const entries = [...beats];
    const atCase = sql.join(entries.map(([id, b]) => sql`when ${id} then ${b.atMs}`), sql` `);
    const withLanguage = entries.filter(([, b]) => b.language !== null);
    const language = withLanguage.length === 0 ? sql`language`
      : sql`case id ${sql.join(withLanguage.map(([id, b]) => sql`when ${id} then ${b.language}`), sql` `)} else language end`;
    // Never moves a time backwards (an attempt reopened meanwhile stored a later one).
    await sql`update problem_sessions set last_heartbeat_at_ms = case when last_heartbeat_at_ms > (case id ${atCase} end)
      then last_heartbeat_at_ms else (case id ${atCase} end) end, language = ${language}
      where id in (${sql.join(entries.map(([id]) => id))})`.execute(db);
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

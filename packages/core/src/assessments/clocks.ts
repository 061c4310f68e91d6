import type { AssessmentAttemptEndReason } from '@logicode/contracts';
import type { AssessmentAttemptRow, AssessmentRow } from '@logicode/db';
import type { CoreDeps } from '../context.js';
import { publishAttemptChange } from '../proctoring/attempt-windows.js';
import { publishUpdate } from './feed.js';

/**
 * The one server-owned clock of an assessment attempt. Its deadline is copied onto the attempt's proctoring
 * attempts (problem sessions), so the proctoring deadline sweep (deadline-service.ts) auto-submits each opened
 * problem's latest snapshot when it passes, with or without a client connected. An attempt whose deadline has
 * passed counts as ended even before anything is written (see effectiveEnd).
 */
export function createClocks(deps: CoreDeps) {
  const { db } = deps.db;

  /** Each student's clock starts when they begin and never runs past the window's end. */
  function deadlineOf(assessment: Pick<AssessmentRow, 'durationMs' | 'windowEndAtMs'>, startedAtMs: number, extraTimeMs: number): number {
    return Math.min(startedAtMs + Number(assessment.durationMs) + extraTimeMs, Number(assessment.windowEndAtMs));
  }

  /** Moves the deadline of the attempt and of its problem sessions not yet auto-submitted. */
  async function setDeadline(attempt: AssessmentAttemptRow, deadlineAtMs: number): Promise<void> {
    await db.updateTable('assessmentAttempts').set({ deadlineAtMs }).where('id', '=', attempt.id).where('endedAtMs', 'is', null).execute();
    await db.updateTable('problemSessions').set({ deadlineAtMs })
      .where('assessmentId', '=', attempt.assessmentId).where('userId', '=', attempt.userId).where('autoSubmissionId', 'is', null).execute();
    await publishAttemptChange(deps, attempt.userId); // the event ingest's memory of the windows (attempt-windows.ts)
  }

  return {
    deadlineOf,
    setDeadline,

    /** Ends a running attempt now (handed in, or closed early); the sweep then submits the latest code. */
    async endAttempt(attempt: AssessmentAttemptRow, reason: AssessmentAttemptEndReason): Promise<void> {
      const now = deps.clock.now();
      const ended = await db.updateTable('assessmentAttempts').set({ endedAtMs: now, endReason: reason, deadlineAtMs: Math.min(now, Number(attempt.deadlineAtMs)) })
        .where('id', '=', attempt.id).where('endedAtMs', 'is', null).executeTakeFirst();
      if (Number(ended.numUpdatedRows) === 0) return;
      await db.updateTable('problemSessions').set({ deadlineAtMs: now })
        .where('assessmentId', '=', attempt.assessmentId).where('userId', '=', attempt.userId)
        .where('autoSubmissionId', 'is', null).where('deadlineAtMs', '>', now).execute();
      await publishAttemptChange(deps, attempt.userId); // a hand-in refuses later events on every process at once
      await publishUpdate(deps, attempt.assessmentId, attempt.userId, 'end');
    },
  };
}
export type Clocks = ReturnType<typeof createClocks>;

/** When the attempt ended (or null while it runs), and why: a passed deadline is an end even before the sweep. */
export function effectiveEnd(attempt: AssessmentAttemptRow, nowMs: number): { endedAtMs: number | null; endReason: AssessmentAttemptEndReason | null } {
  if (attempt.endedAtMs !== null) return { endedAtMs: Number(attempt.endedAtMs), endReason: attempt.endReason ?? 'deadline' };
  if (Number(attempt.deadlineAtMs) <= nowMs) return { endedAtMs: Number(attempt.deadlineAtMs), endReason: 'deadline' };
  return { endedAtMs: null, endReason: null };
}

import { AppError } from '@logicode/contracts';
import type { ProblemSessionRow } from '@logicode/db';
import { judgeEventTime, type AttemptWindow, type EventTimeVerdict } from '@logicode/proctoring';
import { isStaff, type Actor, type CoreDeps } from '../context.js';
import type { Pending } from './event-writer.js';

/**
 * The one rule for everything that can change a grade or a piece of evidence (issue 14): a Run or Submit, and an
 * event or snapshot, belongs to an attempt (a problem session) that is the caller's, at that problem, and still
 * running inside its server deadline. Every submission path calls checkSubmission (POST /api/submissions, the
 * assessment route, and the deadline sweep as the server's own exception); the event ingest and both event writers
 * (embedded and the stream consumer, shards included) judge each event with windowOf + judgeEventTime.
 */

/** Ends that close an attempt for good. 'left' and 'timeout' only pause it: opening the problem resumes it. */
const FINAL_END_REASONS = new Set(['deadline', 'submitted', 'rule', 'teacher']);

/** Whether an attempt ended this way stays ended (opening the problem again must not resume it). */
export function isFinalEnd(reason: string | null): boolean {
  return FINAL_END_REASONS.has(reason ?? '');
}

/** What the guard reads of a session. */
export type GuardedSession = Pick<ProblemSessionRow,
  'id' | 'userId' | 'problemId' | 'assessmentId' | 'startedAtMs' | 'endedAtMs' | 'endReason' | 'deadlineAtMs' | 'isActive'>;

export const GUARDED_COLUMNS = [
  'id', 'userId', 'problemId', 'assessmentId', 'startedAtMs', 'endedAtMs', 'endReason', 'deadlineAtMs', 'isActive',
] as const;

/**
 * The attempt's evidence window: from its start to its end, or to its deadline once that passed (even before the
 * sweep wrote the end). A paused attempt ('left', 'timeout') ends its window at that end until it is resumed.
 */
export function windowOf(row: GuardedSession, nowMs: number): AttemptWindow {
  const ends: number[] = [];
  if (row.isActive !== 1) ends.push(Number(row.endedAtMs ?? row.startedAtMs));
  if (row.deadlineAtMs !== null && Number(row.deadlineAtMs) <= nowMs) ends.push(Number(row.deadlineAtMs));
  return { startedAtMs: Number(row.startedAtMs), endAtMs: ends.length > 0 ? Math.min(...ends) : null };
}

/** Why a Run or Submit may not use this attempt any more (null = it may). */
export function submissionBlock(row: GuardedSession, nowMs: number): string | null {
  if (row.endReason === 'rule') return 'A proctoring rule ended this attempt.';
  if (row.isActive !== 1 && FINAL_END_REASONS.has(row.endReason ?? '')) return 'This attempt has ended.';
  if (row.deadlineAtMs !== null && Number(row.deadlineAtMs) <= nowMs) return 'The time for this attempt is over.';
  return null;
}

export interface SubmissionTarget {
  problemId: number;
  attemptId?: number | null | undefined;
}

export interface SubmissionPath {
  /** The deadline sweep's auto-submit: the server's own exception (it claimed the attempt at its deadline). */
  autoSubmitted?: boolean;
  /** The assessment route (taking-service), which checked the assessment attempt itself. */
  viaAssessment?: boolean;
}

export function createAttemptGuard(deps: CoreDeps) {
  const { db } = deps.db;

  async function session(attemptId: number): Promise<GuardedSession | undefined> {
    return db.selectFrom('problemSessions').select([...GUARDED_COLUMNS]).where('id', '=', attemptId).executeTakeFirst();
  }

  /** An assessment attempt whose clock ended (handed in, closed, or its deadline passed) takes nothing more. */
  async function assessmentRunning(assessmentId: number, userId: number, nowMs: number): Promise<boolean> {
    const row = await db.selectFrom('assessmentAttempts').select(['endedAtMs', 'deadlineAtMs'])
      .where('assessmentId', '=', assessmentId).where('userId', '=', userId).executeTakeFirst();
    return Boolean(row) && row!.endedAtMs === null && Number(row!.deadlineAtMs) > nowMs;
  }

  /** A timed practice problem: its one clock is its latest practice attempt (attempts-service start()). */
  async function timedClock(actor: Actor, problemId: number): Promise<GuardedSession | null | 'untimed'> {
    const problem = await db.selectFrom('problems').select('timedDurationSec').where('id', '=', problemId).executeTakeFirst();
    if (!problem || problem.timedDurationSec === null) return 'untimed';
    const row = await db.selectFrom('problemSessions').select([...GUARDED_COLUMNS]).where('userId', '=', actor.userId)
      .where('problemId', '=', problemId).where('assessmentId', 'is', null).orderBy('id', 'desc').executeTakeFirst();
    return row ?? null;
  }

  return {
    /**
     * Throws unless this Run or Submit may be stored: another user's attempt is 404 (its existence is not revealed),
     * an attempt at another problem 404, an ended one 409 ATTEMPT_ENDED, a timed problem never opened 409
     * ATTEMPT_REQUIRED. Returns the attempt id to store (null: untimed practice without an attempt).
     */
    async checkSubmission(actor: Actor, target: SubmissionTarget, path: SubmissionPath = {}): Promise<number | null> {
      const nowMs = deps.clock.now();
      if (path.autoSubmitted) return target.attemptId ?? null;
      if (target.attemptId == null) {
        if (path.viaAssessment) throw new AppError('ATTEMPT_REQUIRED', 'An assessment submission needs its attempt.');
        const clock = await timedClock(actor, target.problemId);
        if (clock === 'untimed') return null;
        // Staff trying out a timed problem have no clock (the web opens none for them) and no grade at stake.
        if (clock === null && isStaff(actor)) return null;
        if (clock === null) throw new AppError('ATTEMPT_REQUIRED');
        const blocked = submissionBlock(clock, nowMs);
        if (blocked) throw new AppError('ATTEMPT_ENDED', blocked);
        return clock.id;
      }
      const row = await session(target.attemptId);
      if (!row || row.userId !== actor.userId) throw new AppError('NOT_FOUND', 'No such attempt.');
      if (row.problemId !== target.problemId) throw new AppError('NOT_FOUND', 'No such attempt at this problem.');
      const blocked = submissionBlock(row, nowMs);
      if (blocked) throw new AppError('ATTEMPT_ENDED', blocked);
      if (row.assessmentId !== null && !(await assessmentRunning(row.assessmentId, actor.userId, nowMs))) {
        throw new AppError('ATTEMPT_ENDED', 'Your time for this assessment is over.');
      }
      if (row.assessmentId === null) {
        // A timed problem has one clock: an older attempt of it cannot stand in for the running one.
        const clock = await timedClock(actor, target.problemId);
        if (clock !== 'untimed' && clock !== null && clock.id !== row.id) throw new AppError('ATTEMPT_ENDED', 'This attempt has ended.');
      }
      return row.id;
    },
  };
}
export type AttemptGuard = ReturnType<typeof createAttemptGuard>;

/** One event's verdict under the guard: the sender's attempt at the event's problem, inside the attempt's window. */
export function judgeEvent(
  event: { attemptId: number; problemId: number; clientTsMs: number },
  sender: { userId: number; receivedAtMs: number; clockSkewMs?: number | undefined },
  row: GuardedSession | undefined,
): EventTimeVerdict {
  if (!row || row.userId !== sender.userId || row.problemId !== event.problemId) {
    return { ok: false, reason: 'attemptId: not an attempt of yours at this problem.' };
  }
  return judgeEventTime(event.clientTsMs, windowOf(row, sender.receivedAtMs), {
    receivedAtMs: sender.receivedAtMs, clockSkewMs: sender.clockSkewMs ?? 0,
  });
}

/**
 * The writers' side (embedded, stream consumer, shards): keeps the events the guard admits, each with its late
 * mark and its server-bounded time as clientTsMs. Judged at the api's receipt time, so a consumer's lag never
 * makes an event late or refused.
 */
export function admitPending(pending: readonly Pending[], attempts: ReadonlyMap<number, GuardedSession>): Pending[] {
  return pending.flatMap((p) => {
    const verdict = judgeEvent(p.event, p, attempts.get(p.event.attemptId));
    if (!verdict.ok) return [];
    return [{ ...p, late: verdict.late, event: { ...p.event, clientTsMs: verdict.boundedTsMs } }];
  });
}

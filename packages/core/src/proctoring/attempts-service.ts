import {
  AppError, ATTEMPT_TIMEOUT_MS, HEARTBEAT_INTERVAL_MS, rooms,
  type AttemptEndReason, type HeartbeatResponse, type ProctorSettings, type StartAttemptResponse,
} from '@logicode/contracts';
import type { ProblemSessionRow } from '@logicode/db';
import { compiledOnce } from '../compiled-query.js';
import { isStaff, type Actor, type CoreDeps } from '../context.js';
import { isFinalEnd, submissionBlock } from './attempt-guard.js';
import { emitTo, feedRooms } from './feed.js';
import type { AttemptWindows } from './attempt-windows.js';
import { createHeartbeatBuffer } from './heartbeat-buffer.js';
import { toAttempt } from './mappers.js';
import type { SettingsStore } from './settings-store.js';

export type AttemptsService = ReturnType<typeof createAttemptsService>;

/**
 * Attempts ("problem sessions"): opened when a student opens a problem, kept alive by heartbeats, ended on
 * leave (sendBeacon), at a timed problem's or assessment's deadline, by a rule, or (untimed practice only) on a
 * heartbeat time-out (ATTEMPT_TIMEOUT_MS). A timed or assessment attempt without heartbeats stays active and is
 * shown as disconnected (`connected: false`): a dropped network must not end an exam; its deadline does.
 * For a timed problem the deadline is fixed when the first attempt opens; re-opening the problem (a reload,
 * or coming back after a time-out) resumes that attempt, so the clock never resets.
 */
export function createAttemptsService(deps: CoreDeps, settings: SettingsStore, windows: AttemptWindows) {
  const { db } = deps.db;
  const { clock } = deps;
  const heartbeats = createHeartbeatBuffer(deps);

  // Every heartbeat reads its attempt: built and compiled once, not per request (compiled-query.ts).
  const attemptById = compiledOnce(db, (attemptId: number) => db.selectFrom('problemSessions').selectAll().where('id', '=', attemptId), 1);

  async function owned(actor: Actor, attemptId: number): Promise<ProblemSessionRow> {
    const [row] = await attemptById(attemptId);
    if (!row || row.userId !== actor.userId) throw new AppError('NOT_FOUND', 'No such attempt.');
    return row;
  }

  async function announce(row: ProblemSessionRow, kind: 'start' | 'end'): Promise<void> {
    const attempt = toAttempt(row, clock.now());
    // The student's teachers' rooms too (feed.ts); both lines name the student and the problem.
    const [targets, user, problem] = await Promise.all([
      feedRooms(deps, row.userId, row.problemId),
      db.selectFrom('users').select('name').where('id', '=', row.userId).executeTakeFirst(),
      db.selectFrom('problems').select('title').where('id', '=', row.problemId).executeTakeFirst(),
    ]);
    const names = { userName: user?.name ?? '', problemTitle: problem?.title ?? '' };
    await emitTo(deps.pubsub, targets, kind === 'end' ? 'session:end' : 'session:start', { attempt, ...names });
  }

  async function end(row: ProblemSessionRow, reason: AttemptEndReason): Promise<ProblemSessionRow> {
    if (row.isActive !== 1) return row;
    const now = clock.now();
    const result = await db.updateTable('problemSessions').set({ isActive: 0, endedAtMs: now, endReason: reason })
      .where('id', '=', row.id).where('isActive', '=', 1).executeTakeFirst();
    const ended = { ...row, isActive: 0, endedAtMs: now, endReason: reason };
    if (Number(result.numUpdatedRows) > 0) {
      await windows.changed(row.userId); // every process's event ingest sees the end at once
      await announce(ended, 'end');
    }
    return ended;
  }

  /** Reopens an attempt its student left (or lost to the heartbeat time-out) while its clock still runs. */
  async function reopen(row: ProblemSessionRow, now: number): Promise<ProblemSessionRow> {
    await db.updateTable('problemSessions').set({ isActive: 1, endedAtMs: null, endReason: null, lastHeartbeatAtMs: now })
      .where('id', '=', row.id).execute();
    await windows.changed(row.userId);
    const reopened = { ...row, isActive: 1, endedAtMs: null, endReason: null, lastHeartbeatAtMs: now };
    await announce(reopened, 'start');
    return reopened;
  }

  /** An open attempt opened again (a reload, another tab or device) counts as a heartbeat. */
  async function touch(row: ProblemSessionRow, now: number): Promise<ProblemSessionRow> {
    await db.updateTable('problemSessions').set({ lastHeartbeatAtMs: now }).where('id', '=', row.id).execute();
    return { ...row, lastHeartbeatAtMs: now };
  }

  async function open(values: Omit<ProblemSessionRow, 'id' | 'autoSubmissionId' | 'foldedSeq' | 'clockSkewMs'>): Promise<ProblemSessionRow> {
    const inserted = await db.insertInto('problemSessions').values(values).executeTakeFirstOrThrow();
    const row = await db.selectFrom('problemSessions').selectAll().where('id', '=', Number(inserted.insertId)).executeTakeFirstOrThrow();
    await announce(row, 'start');
    return row;
  }

  function heartbeatView(row: ProblemSessionRow): HeartbeatResponse {
    const attempt = toAttempt(row, clock.now());
    return { status: attempt.status, deadlineAt: attempt.deadlineAt, serverNow: new Date(clock.now()).toISOString(), endReason: attempt.endReason };
  }

  return {
    async start(actor: Actor, problemId: number): Promise<StartAttemptResponse> {
      const problem = await db.selectFrom('problems').select(['id', 'timedDurationSec', 'isPublished'])
        .where('id', '=', problemId).executeTakeFirst();
      if (!problem || (problem.isPublished !== 1 && !isStaff(actor))) throw new AppError('NOT_FOUND', 'No such problem.');
      const now = clock.now();
      const timed = problem.timedDurationSec !== null;
      let q = db.selectFrom('problemSessions').selectAll().where('userId', '=', actor.userId).where('problemId', '=', problemId)
        .where('assessmentId', 'is', null); // an assessment's attempts have their own clock (startInAssessment)
      // Untimed: resume the open attempt. Timed: resume the latest one whatever its state: one clock per problem.
      if (!timed) q = q.where('isActive', '=', 1);
      let row = await q.orderBy('id', 'desc').executeTakeFirst();
      // A rule's end (end_attempt) sticks like the deadline's: a reload must not undo it (attempt-guard.ts).
      if (row && timed && row.isActive !== 1 && !isFinalEnd(row.endReason)
        && Number(row.deadlineAtMs) > now) {
        row = await reopen(row, now);
      } else if (row && row.isActive === 1) {
        row = await touch(row, now);
      } else if (!row || !timed) {
        row = await open({
          userId: actor.userId, problemId, assessmentId: null, startedAtMs: now, lastHeartbeatAtMs: now, endedAtMs: null,
          endReason: null, deadlineAtMs: timed ? now + problem.timedDurationSec! * 1000 : null, isActive: 1,
          language: null, counters: '{}', integrityScore: 100,
        });
      }
      return {
        attempt: toAttempt(row, now),
        settings: await settings.forProblem(problemId), // untimed: practice, not recorded unless the problem says so
        serverNow: new Date(now).toISOString(),
        heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
      };
    },

    async heartbeat(actor: Actor, attemptId: number, language?: string | null): Promise<HeartbeatResponse> {
      const row = await owned(actor, attemptId);
      if (row.isActive !== 1) return heartbeatView(row);
      const now = clock.now();
      // Written behind, a statement for many (heartbeat-buffer.ts); at once when the attempt looked disconnected.
      await heartbeats.beat(attemptId, now, language ?? null, Number(row.lastHeartbeatAtMs));
      return heartbeatView({ ...row, lastHeartbeatAtMs: now });
    },

    async leave(actor: Actor, attemptId: number): Promise<HeartbeatResponse> {
      return heartbeatView(await end(await owned(actor, attemptId), 'left'));
    },

    /**
     * "Finish now" on a timed practice problem (issue 19): the student's Submit went first, through POST
     * /api/submissions and the attempt guard; this closes the clock for good ('submitted', a final end, so no
     * later Run, Submit or reopen). Only while the guard would still take a submission on it (attempt-guard.ts
     * submissionBlock); an assessment's attempt is handed in from the assessment instead.
     */
    async finish(actor: Actor, attemptId: number): Promise<HeartbeatResponse> {
      const row = await owned(actor, attemptId);
      if (row.deadlineAtMs === null || row.assessmentId !== null) {
        throw new AppError('CONFLICT', 'Only a timed problem can be finished early; an assessment is handed in from its page.');
      }
      const blocked = submissionBlock(row, clock.now());
      if (blocked) throw new AppError('ATTEMPT_ENDED', blocked);
      return heartbeatView(await end(row, 'submitted'));
    },

    /**
     * Ends untimed practice attempts whose heartbeats stopped. Run every few seconds by the worker. A timed or
     * assessment attempt is never ended here (its deadline sweep does it): it only shows as disconnected.
     */
    async sweepTimeouts(): Promise<number> {
      const cutoff = clock.now() - ATTEMPT_TIMEOUT_MS;
      const stale = await db.selectFrom('problemSessions').selectAll()
        .where('isActive', '=', 1).where('lastHeartbeatAtMs', '<', cutoff)
        .where('deadlineAtMs', 'is', null).where('assessmentId', 'is', null).limit(500).execute();
      for (const row of stale) await end(row, 'timeout');
      return stale.length;
    },

    /**
     * Opens or resumes the caller's proctoring attempt at a problem of an assessment. The deadline is the assessment
     * attempt's (the caller checked that it is running), so the deadline sweep above auto-submits it like a timed
     * problem; a reload, or another device, resumes the same row. One a rule ended (end_attempt) stays ended: inside
     * an assessment that is the rule's point.
     */
    async startInAssessment(actor: Actor, opts: { assessmentId: number; problemId: number; deadlineAtMs: number; settings: ProctorSettings }): Promise<StartAttemptResponse> {
      const now = clock.now();
      let row = await db.selectFrom('problemSessions').selectAll().where('userId', '=', actor.userId)
        .where('problemId', '=', opts.problemId).where('assessmentId', '=', opts.assessmentId).orderBy('id', 'desc').executeTakeFirst();
      if (row && row.isActive !== 1 && !isFinalEnd(row.endReason)) {
        row = await reopen(row, now);
      } else if (row && row.isActive === 1) {
        row = await touch(row, now);
      } else if (!row) {
        row = await open({
          userId: actor.userId, problemId: opts.problemId, assessmentId: opts.assessmentId, startedAtMs: now,
          lastHeartbeatAtMs: now, endedAtMs: null, endReason: null, deadlineAtMs: opts.deadlineAtMs, isActive: 1,
          language: null, counters: '{}', integrityScore: 100,
        });
      }
      return {
        attempt: toAttempt(row, now), settings: opts.settings, serverNow: new Date(now).toISOString(), heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
      };
    },

    end,
    /** Stores the heartbeats still waiting for their flush (at shutdown). */
    flushHeartbeats: () => heartbeats.flush(),
    async notifyEnded(row: ProblemSessionRow, submissionId: number | null): Promise<void> {
      await emitTo(deps.pubsub, [rooms.user(row.userId)], 'attempt:ended', {
        attemptId: row.id, reason: (row.endReason as AttemptEndReason | null) ?? 'deadline', submissionId,
      });
    },
  };
}

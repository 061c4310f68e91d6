import { useCallback, useEffect, useRef, useState } from 'react';
import type { Attempt, AttemptEndReason, LanguageId, ProctorEventInput, ProctorSettings, StartAttemptResponse } from '@logicode/contracts';
import { errorMessage } from '../../../lib/api-client.js';
import { onSessionChange } from '../../../lib/session-events.js';
import { onSocketEvent } from '../../../lib/socket.js';
import { readStorage, writeStorage } from '../../../lib/storage.js';
import { finishAttempt, sendHeartbeat, startAttempt } from '../api/proctor-api.js';
import { installDetectors, type Detected } from './detectors.js';
import { eventQueueFor, type EventQueue } from './event-queue.js';
import { SnapshotTracker } from './snapshots.js';
import { uuid } from './uuid.js';

const FLUSH_INTERVAL_MS = 2000;
const SOON_MS = 150;

export interface ProctorState {
  phase: 'starting' | 'active' | 'ended' | 'error';
  attempt: Attempt | null;
  settings: ProctorSettings | null;
  /** server clock − client clock, so the countdown follows the server's deadline, not the laptop's clock. */
  clockOffsetMs: number;
  endReason: AttemptEndReason | null;
  submissionId: number | null;
  error: string | null;
  warning: string | null;
  pendingEvents: number;
  sendError: string | null;
}

/** The queue of the attempt's owner (events wait per user and attempt; see event-queue.ts). */
function queueOf(attempt: Attempt): EventQueue {
  return eventQueueFor(attempt.userId);
}

const seqKey = (attemptId: number) => `lc:proctor-seq:${attemptId}`;

/** How the attempt is opened: by default POST /api/proctor/attempts; an assessment opens it with its own route. */
export type StartSession = (problemId: number) => Promise<StartAttemptResponse>;

/** A proctored attempt: opens or resumes it, records the detectors and code snapshots, keeps it alive. */
export function useProctorSession(problemId: number, consented: boolean, start: StartSession = startAttempt) {
  const [state, setState] = useState<ProctorState>({
    phase: 'starting', attempt: null, settings: null, clockOffsetMs: 0, endReason: null, submissionId: null,
    error: null, warning: null, pendingEvents: 0, sendError: null,
  });
  const code = useRef<{ content: string; language: LanguageId } | null>(null);
  const tracker = useRef<SnapshotTracker | null>(null);
  const attemptRef = useRef<Attempt | null>(null);
  const soonTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The opener is read once per problem: a new function each render must not reopen the attempt.
  const startRef = useRef(start);
  startRef.current = start;

  const push = useCallback((event: Omit<ProctorEventInput, 'id' | 'clientTsMs' | 'problemId' | 'attemptId'>) => {
    const attempt = attemptRef.current;
    if (!attempt || attempt.status !== 'active') return;
    const q = queueOf(attempt);
    q.push({ ...event, id: uuid(), clientTsMs: Date.now(), problemId: attempt.problemId, attemptId: attempt.id } as ProctorEventInput);
    // A breach should reach the teacher within a second or two, not wait for the next 2 s tick; snapshots can wait.
    if (event.type !== 'code_snapshot') {
      clearTimeout(soonTimer.current);
      soonTimer.current = setTimeout(() => void q.flush(), SOON_MS);
    }
  }, []);

  const snapshot = useCallback(() => {
    const attempt = attemptRef.current;
    if (!code.current || !tracker.current || !attempt) return;
    const data = tracker.current.next(code.current.content, code.current.language);
    if (!data) return;
    writeStorage(seqKey(attempt.id), String(data.seq));
    push({ type: 'code_snapshot', data });
  }, [push]);

  const onCodeChange = useCallback((content: string, language: LanguageId) => {
    code.current = { content, language };
  }, []);

  // Open or resume the attempt once the student has agreed.
  useEffect(() => {
    if (!consented) return;
    let cancelled = false;
    startRef.current(problemId)
      .then((res) => {
        if (cancelled) return;
        attemptRef.current = res.attempt;
        tracker.current = new SnapshotTracker(Number(readStorage(seqKey(res.attempt.id)) ?? 0));
        const ended = res.attempt.status === 'ended';
        setState((s) => ({
          ...s, phase: ended ? 'ended' : 'active', attempt: res.attempt, settings: res.settings,
          clockOffsetMs: new Date(res.serverNow).getTime() - Date.now(), endReason: res.attempt.endReason,
          pendingEvents: queueOf(res.attempt).pending,
        }));
      })
      .catch((error: unknown) => !cancelled && setState((s) => ({ ...s, phase: 'error', error: errorMessage(error) })));
    return () => {
      cancelled = true;
    };
  }, [consented, problemId]);

  const active = state.phase === 'active' && state.attempt !== null;
  const recording = active && state.settings?.enabled !== false;
  const idleLimitMs = (state.settings?.idleLimitSec ?? 300) * 1000;

  // Detectors, snapshots and the flush loop run only while the attempt is active and proctoring is on.
  const ownerId = state.attempt?.userId ?? null;
  useEffect(() => {
    if (!recording || ownerId === null) return;
    const uninstall = installDetectors((d: Detected) => push(d as never), { idleLimitMs });
    const q = eventQueueFor(ownerId);
    q.onChange = (pendingEvents, sendError) => setState((s) => (s.pendingEvents === pendingEvents && s.sendError === sendError ? s : { ...s, pendingEvents, sendError }));
    const tick = () => {
      snapshot();
      void q.flush();
    };
    tick();
    const timer = setInterval(tick, FLUSH_INTERVAL_MS);
    const onHide = () => {
      snapshot();
      q.beaconAll();
    };
    const onVisibility = () => document.hidden && onHide();
    // Back online, or signed in again after the session ended: what waited goes now, not after the back-off.
    const retry = () => {
      q.retryNow();
      tick();
    };
    const offSession = onSessionChange(retry);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', retry);
    return () => {
      uninstall();
      clearInterval(timer);
      offSession();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', retry);
      snapshot();
      void q.flush();
    };
  }, [recording, ownerId, push, snapshot, idleLimitMs]);

  /** Opens the attempt again after a time-out; if the server answers with an ended one, that is the end. */
  const resume = useCallback(async () => {
    const res = await startRef.current(problemId);
    // Untimed practice opens a new attempt: its snapshots start again from a full copy.
    if (res.attempt.id !== attemptRef.current?.id) tracker.current = new SnapshotTracker(Number(readStorage(seqKey(res.attempt.id)) ?? 0));
    attemptRef.current = res.attempt;
    const ended = res.attempt.status === 'ended';
    setState((s) => ({
      ...s, phase: ended ? 'ended' : 'active', attempt: res.attempt, settings: res.settings,
      clockOffsetMs: new Date(res.serverNow).getTime() - Date.now(), endReason: res.attempt.endReason,
    }));
  }, [problemId]);

  const end = useCallback((reason: AttemptEndReason | null, submissionId: number | null) => {
    if (attemptRef.current) attemptRef.current = { ...attemptRef.current, status: 'ended' };
    setState((s) => ({ ...s, phase: 'ended', endReason: reason ?? s.endReason, submissionId: submissionId ?? s.submissionId }));
  }, []);

  // Heartbeats keep the attempt alive and bring the server's view of the deadline and status.
  const attemptId = state.attempt?.id ?? null;
  const heartbeat = useCallback(async () => {
    if (attemptId === null) return;
    try {
      const hb = await sendHeartbeat(attemptId);
      setState((s) => ({ ...s, clockOffsetMs: new Date(hb.serverNow).getTime() - Date.now(), attempt: s.attempt ? { ...s.attempt, deadlineAt: hb.deadlineAt } : s.attempt }));
      if (hb.status !== 'ended') return;
      // Ended for want of heartbeats (an outage, a sleeping laptop): the student is back, so resume as a reload
      // would; the server decides whether that attempt may go on (an assessment's or a timed one's clock still runs).
      if (hb.endReason === 'timeout') await resume();
      else end(hb.endReason, null);
    } catch {
      // A missed heartbeat (offline, the session refreshing) is not the end of anything: the next one will do.
    }
  }, [attemptId, end, resume]);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void heartbeat(), 25_000);
    // Back from an outage: tell the server at once rather than up to 25 s later.
    const onOnline = () => void heartbeat();
    window.addEventListener('online', onOnline);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [active, heartbeat]);

  useEffect(() => {
    if (attemptId === null) return;
    const offWarning = onSocketEvent('proctor:warning', (p) => {
      if (p.attemptId === attemptId) setState((s) => ({ ...s, warning: p.message }));
    });
    const offEnded = onSocketEvent('attempt:ended', (p) => {
      if (p.attemptId !== attemptId) return;
      if (p.reason === 'timeout') void resume().catch(() => end(p.reason, p.submissionId));
      else end(p.reason, p.submissionId);
    });
    return () => {
      offWarning();
      offEnded();
    };
  }, [attemptId, end, resume]);

  /** At the deadline: send the last code at once, then ask the server (which submits it) for the outcome. */
  const onDeadline = useCallback(() => {
    snapshot();
    if (attemptRef.current) void queueOf(attemptRef.current).flush();
    setTimeout(() => void heartbeat(), 2500);
  }, [snapshot, heartbeat]);

  const dismissWarning = useCallback(() => setState((s) => ({ ...s, warning: null })), []);

  /** "Finish now" (after the Submit went): the last snapshot goes first, then the server closes the attempt. */
  const finish = useCallback(async () => {
    const attempt = attemptRef.current;
    if (!attempt) return;
    snapshot();
    // The events are kept and retried if this fails; finishing does not wait on the network for them.
    await queueOf(attempt).flush().catch(() => undefined);
    const res = await finishAttempt(attempt.id);
    end(res.endReason ?? 'submitted', null);
  }, [snapshot, end]);

  return { state, onCodeChange, onDeadline, dismissWarning, finish };
}

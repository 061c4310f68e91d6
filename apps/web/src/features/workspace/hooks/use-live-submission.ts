import { useCallback, useEffect, useRef, useState } from 'react';
import type { Submission, SubmissionTestResult } from '@logicode/contracts';
import { errorMessage, isNetworkError } from '../../../lib/api-client.js';
import { isSocketConnected, onConnectionChange, onSocketEvent } from '../../../lib/socket.js';
import { getSubmission } from '../api/submissions.js';

export interface LiveSubmission {
  id: number;
  status: 'queued' | 'running' | 'done';
  testCount: number | null;
  /** Per-test results as they arrive, by index. */
  tests: SubmissionTestResult[];
  final: Submission | null;
  error: unknown;
}

const POLL_SOCKET_DOWN_MS = 1000;
// With a live socket we still look once in a while, in case an event was lost in a reconnect.
const POLL_SOCKET_UP_MS = 6000;

/**
 * What Run or Submit says when it failed: offline, the code is safe in the draft and nothing was sent, so the
 * student only has to press again later; anything else keeps the server's own sentence.
 */
export function submitErrorMessage(error: unknown): string {
  if (isNetworkError(error)) return 'You are offline — your code is saved; try again when the connection is back.';
  return errorMessage(error);
}

function mergeTest(tests: SubmissionTestResult[], result: SubmissionTestResult): SubmissionTestResult[] {
  const next = tests.filter((t) => t.index !== result.index);
  next.push(result);
  return next.sort((a, b) => a.index - b.index);
}

/**
 * Follows one submission: per-test results arrive over Socket.IO (`submission:test`, `submission:done`);
 * if the socket is down, GET /api/submissions/:id fills in. Events that arrive before the POST returns
 * (a fast judge) are buffered by id so nothing is lost.
 */
export function useLiveSubmission(onDone?: (submission: Submission) => void) {
  const [live, setLive] = useState<LiveSubmission | null>(null);
  const [connected, setConnected] = useState(isSocketConnected());
  const buffer = useRef(new Map<number, { tests: SubmissionTestResult[]; testCount: number | null; final: Submission | null }>());
  const activeId = useRef<number | null>(null);
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;

  const apply = useCallback((id: number, patch: (prev: LiveSubmission) => LiveSubmission) => {
    setLive((prev) => {
      if (!prev || prev.id !== id) return prev;
      const next = patch(prev);
      if (next.final && !prev.final) queueMicrotask(() => onDoneRef.current?.(next.final as Submission));
      return next;
    });
  }, []);

  useEffect(() => {
    const offConn = onConnectionChange(setConnected);
    const offTest = onSocketEvent('submission:test', ({ submissionId, testCount, result }) => {
      if (activeId.current !== submissionId) {
        const b = buffer.current.get(submissionId) ?? { tests: [], testCount: null, final: null };
        buffer.current.set(submissionId, { ...b, testCount, tests: mergeTest(b.tests, result) });
        return;
      }
      apply(submissionId, (prev) => ({ ...prev, status: 'running', testCount, tests: mergeTest(prev.tests, result) }));
    });
    const offStatus = onSocketEvent('submission:status', ({ submissionId, status }) => {
      apply(submissionId, (prev) => (prev.final ? prev : { ...prev, status }));
    });
    const offDone = onSocketEvent('submission:done', ({ submission }) => {
      if (activeId.current !== submission.id) {
        const b = buffer.current.get(submission.id) ?? { tests: [], testCount: null, final: null };
        buffer.current.set(submission.id, { ...b, final: submission });
        return;
      }
      apply(submission.id, (prev) => ({ ...prev, status: 'done', testCount: submission.testCount, tests: submission.tests, final: submission }));
    });
    return () => {
      offConn();
      offTest();
      offStatus();
      offDone();
    };
  }, [apply]);

  const poll = useCallback(
    async (id: number) => {
      try {
        const sub = await getSubmission(id);
        apply(id, (prev) => {
          if (prev.final) return prev;
          if (sub.status === 'done') return { ...prev, status: 'done', testCount: sub.testCount, tests: sub.tests, final: sub };
          const tests = sub.tests.length >= prev.tests.length ? sub.tests : prev.tests;
          return { ...prev, status: sub.status, testCount: sub.testCount || prev.testCount, tests };
        });
      } catch (error) {
        // Offline: keep following it (the judge goes on without us); the next poll or the socket brings the result.
        if (!isNetworkError(error)) apply(id, (prev) => ({ ...prev, error }));
      }
    },
    [apply],
  );

  const track = useCallback(
    (id: number) => {
      activeId.current = id;
      const b = buffer.current.get(id);
      buffer.current.delete(id);
      const initial: LiveSubmission = {
        id,
        status: b?.final ? 'done' : b?.tests.length ? 'running' : 'queued',
        testCount: b?.final?.testCount ?? b?.testCount ?? null,
        tests: b?.final?.tests ?? b?.tests ?? [],
        final: b?.final ?? null,
        error: null,
      };
      setLive(initial);
      if (initial.final) queueMicrotask(() => onDoneRef.current?.(initial.final as Submission));
      // Catch up on anything sent before we subscribed.
      void poll(id);
    },
    [poll],
  );

  const pendingId = live !== null && !live.final && !live.error ? live.id : null;
  useEffect(() => {
    if (pendingId === null) return;
    // Reconnected: results sent while we were away are not replayed, so read the submission at once.
    if (connected) void poll(pendingId);
    const timer = setInterval(() => void poll(pendingId), connected ? POLL_SOCKET_UP_MS : POLL_SOCKET_DOWN_MS);
    return () => clearInterval(timer);
  }, [pendingId, connected, poll]);

  const clear = useCallback(() => {
    activeId.current = null;
    setLive(null);
  }, []);

  return { live, track, clear, connected, showSubmission: setLive };
}

// Virtual users of the mixed bench, all in this process (plain fetch and socket.io-client; no browser).
// A student sits a timed, proctored problem the way the web client does it: the list, the problem, an attempt,
// an event batch every 2 s (a code snapshot in every fifth, a tab switch now and then), a heartbeat every 25 s,
// a Run every ~50 s and one Submit. A teacher keeps a socket in feed:all and refreshes the dashboard and the
// active sessions every 5 s and the students overview every 10 s.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Exam } from './exam.js';

export interface Sample {
  atMs: number;
  ms: number;
  ok: boolean;
  what: string;
  error?: string;
}

export class Recorder {
  samples: Sample[] = [];
  pushes = 0;
  submissions: number[] = [];

  async call(base: string, what: string, method: string, path: string, token: string, body?: unknown): Promise<Record<string, unknown> | null> {
    const started = performance.now();
    let ok = false;
    let error: string | undefined;
    try {
      const response = await fetch(base + path, {
        method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      ok = response.status < 400;
      if (!ok) error = `${method} ${path}: ${response.status} ${text.slice(0, 160)}`;
      return ok && text ? JSON.parse(text) as Record<string, unknown> : null;
    } catch (thrown) {
      error = `${method} ${path}: ${(thrown as Error).message}`;
      return null;
    } finally {
      this.samples.push({ atMs: Date.now(), ms: performance.now() - started, ok, what, ...(error ? { error } : {}) });
    }
  }
}

const sleep = (ms: number, stop: AbortSignal) => new Promise<void>((resolve) => {
  const onAbort = () => {
    clearTimeout(timer);
    resolve();
  };
  const timer = setTimeout(() => {
    stop.removeEventListener('abort', onAbort);
    resolve();
  }, ms);
  stop.addEventListener('abort', onAbort, { once: true });
});

/** When a student first Runs and Submits (a smoke run compresses the minutes into seconds). */
export interface Pace {
  firstRunMs: number;
  runEveryMs: number;
  submitAfterMs: number;
}
export const EXAM_PACE: Pace = { firstRunMs: 20_000, runEveryMs: 50_000, submitAfterMs: 60_000 };

export async function student(base: string, token: string, exam: Exam, rec: Recorder, stop: AbortSignal, pace: Pace = EXAM_PACE): Promise<void> {
  await sleep(Math.random() * 2000, stop);
  if (stop.aborted) return;
  await rec.call(base, 'problem list', 'GET', '/api/problems?pageSize=20', token);
  await rec.call(base, 'problem detail', 'GET', `/api/problems/${exam.problemId}`, token);
  const started = await rec.call(base, 'attempt start', 'POST', '/api/proctor/attempts', token, { problemId: exam.problemId });
  const attemptId = (started?.attempt as { id?: number } | undefined)?.id;
  if (!attemptId) return;
  const event = (type: string, data: object) => ({ id: randomUUID(), clientTsMs: Date.now(), problemId: exam.problemId, attemptId, type, data });
  let batch = 0;
  let seq = 0;
  let nextHeartbeatMs = Date.now() + 25_000;
  let nextRunMs = Date.now() + pace.firstRunMs * (1 + 3 * Math.random());
  let submitAtMs = Date.now() + pace.submitAfterMs * (1 + 1.5 * Math.random());
  const judge = async (mode: 'run' | 'submit') => {
    const created = await rec.call(base, mode, 'POST', '/api/submissions', token, { problemId: exam.problemId, language: 'python', code: exam.solution, mode, attemptId });
    if (typeof created?.id === 'number') {
      rec.submissions.push(created.id);
      await sleep(3000, stop);
      if (!stop.aborted) await rec.call(base, 'submission result', 'GET', `/api/submissions/${created.id}`, token);
    }
  };
  while (!stop.aborted) {
    await sleep(2000, stop);
    if (stop.aborted) break;
    batch += 1;
    const events = [event('window_blur', {}), event('window_focus', { blurredMs: 800 })];
    if (batch % 5 === 1) events.push(event('code_snapshot', { kind: 'full', seq: ++seq, language: 'python', content: exam.solution }));
    if (Math.random() < 0.03) events.push(event('tab_hidden', {}), event('tab_visible', { hiddenMs: 1500 }));
    await rec.call(base, 'event batch', 'POST', '/api/proctor/events', token, { events });
    const now = Date.now();
    if (now > nextHeartbeatMs) {
      nextHeartbeatMs = now + 25_000;
      await rec.call(base, 'heartbeat', 'POST', `/api/proctor/attempts/${attemptId}/heartbeat`, token, { language: 'python' });
    }
    if (now > nextRunMs) {
      nextRunMs = now + pace.runEveryMs;
      void judge('run');
    }
    if (now > submitAtMs) {
      submitAtMs = Number.POSITIVE_INFINITY;
      void judge('submit');
    }
  }
}

export async function teacher(base: string, token: string, rec: Recorder, stop: AbortSignal): Promise<void> {
  const socket: Socket = io(base, { transports: ['websocket'], auth: { token }, reconnection: true });
  socket.on('proctor:event', () => (rec.pushes += 1));
  socket.on('connect', () => void socket.emit('feed:join', 'feed:all', () => undefined));
  let round = 0;
  while (!stop.aborted) {
    await Promise.all([
      rec.call(base, 'teacher dashboard', 'GET', '/api/teacher/dashboard', token),
      rec.call(base, 'teacher sessions', 'GET', '/api/teacher/sessions', token),
      round % 2 === 0 ? rec.call(base, 'teacher students', 'GET', '/api/teacher/students?sort=openFlags&dir=desc', token) : null,
    ]);
    round += 1;
    await sleep(5000, stop);
  }
  socket.close();
}

import assert from 'node:assert/strict';
import type { AssessmentBody, JudgeResult } from '@logicode/contracts';
import type { TestApp } from '../helpers/test-app.js';
import { importProblem, type Headers } from '../proctor/helpers.js';

export type { Headers };
export interface Person { id: number; email: string; headers: Headers }

export const MINUTE_MS = 60_000;

/**
 * The runtime's clock (packages/platform/src/clock.ts) is the one object every service reads the time from;
 * moving it forward is how a test lets the server's time pass with no client connected. Shifts stay well under
 * the access token's lifetime, and `reset` puts the real clock back.
 */
export function controlClock(t: TestApp) {
  const clock = t.runtime.core.deps.clock as { now: () => number };
  const real = clock.now;
  let offsetMs = 0;
  clock.now = () => real() + offsetMs;
  return {
    advance(ms: number) { offsetMs += ms; },
    now: () => clock.now(),
    reset() { offsetMs = 0; clock.now = real; },
  };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function inject(t: TestApp, method: Method, url: string, headers?: Headers, payload?: unknown) {
  return t.app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload === undefined ? {} : { payload: payload as object }) });
}

/** POST/PUT/GET that must succeed with `status`; returns the JSON body. */
export async function ok<T = any>(t: TestApp, method: Method, url: string, headers: Headers, payload?: unknown, status = 200): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await inject(t, method, url, headers, payload);
  assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
  return res.json() as T;
}

export async function twoProblems(t: TestApp, admin: Headers): Promise<[number, number]> {
  const a = await importProblem(t, admin, { slug: 'as-sum', title: 'Sum, A' });
  // Unpublished: only the assessment shows it to students.
  const b = await importProblem(t, admin, { slug: 'as-sum-hidden', title: 'Sum, "B", hidden', isPublished: false });
  return [a, b];
}

/** A class of the teacher's with these students in it (invited by email, accounts exist). */
export async function classWith(t: TestApp, teacher: Headers, students: Person[], name = 'Class 9B'): Promise<number> {
  const cls = await ok(t, 'POST', '/api/classes', teacher, { name }, 201);
  if (students.length > 0) {
    const invited = await ok(t, 'POST', `/api/classes/${cls.id}/invites`, teacher, { emails: students.map((s) => s.email) });
    assert.equal(invited.added.length, students.length);
  }
  return cls.id as number;
}

export function assessmentBody(classId: number, problems: number[], overrides: Partial<AssessmentBody> = {}): AssessmentBody {
  const now = Date.now();
  return {
    classId, title: 'Unit test 1', instructions: 'Two problems. No notes.',
    problems: problems.map((problemId, i) => ({ problemId, points: (i + 1) * 10 })),
    windowStartAtMs: now - MINUTE_MS, windowEndAtMs: now + 60 * MINUTE_MS, durationMs: 30 * MINUTE_MS,
    proctoring: null, showResultsToStudents: false, scoring: 'best', accommodations: [],
    ...overrides,
  };
}

export async function publishedAssessment(t: TestApp, teacher: Headers, body: AssessmentBody): Promise<number> {
  const created = await ok(t, 'POST', '/api/assessments', teacher, body, 201);
  await ok(t, 'POST', `/api/assessments/${created.id}/publish`, teacher);
  return created.id as number;
}

/**
 * Plays the worker's part for one submission with the given score (0..100): the same claim/finish calls the judge
 * consumer makes, with a result instead of running the sandbox (the judge itself is tested in packages/judge).
 */
export async function judge(t: TestApp, submissionId: number, scorePercent: number): Promise<void> {
  const claim = await t.runtime.core.submissions.claim(submissionId);
  assert.ok(claim, `submission ${submissionId} could be claimed`);
  const result: JudgeResult = {
    verdict: scorePercent >= 100 ? 'AC' : 'WA', score: scorePercent / 100, compileOutput: null, maxCpuMs: 5, maxMemoryKb: 8000,
    tests: claim.metas.map((m) => ({ testId: m.testId, verdict: scorePercent >= 100 ? 'AC' : 'WA', cpuMs: 5, wallMs: 6, memoryKb: 8000, exitCode: 0, signal: null, output: '', stderr: '', message: null })),
  };
  await t.runtime.core.submissions.finish(claim, result);
}

/** A Submit inside the student's running attempt; returns the submission id. */
export async function submit(t: TestApp, student: Person, assessmentId: number, problemId: number, code = 'print(1)\n'): Promise<number> {
  const body = await ok(t, 'POST', `/api/assessments/${assessmentId}/problems/${problemId}/submissions`, student.headers, { language: 'python', code, mode: 'submit' }, 202);
  return body.id as number;
}

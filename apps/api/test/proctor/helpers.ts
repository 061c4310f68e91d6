import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/test-app.js';
import { sumPackage } from '../helpers/fixtures.js';

export type Headers = { authorization: string };

export async function importProblem(t: TestApp, admin: Headers, overrides: Parameters<typeof sumPackage>[0] = {}): Promise<number> {
  const res = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: sumPackage(overrides) });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as number;
}

export async function startAttempt(t: TestApp, headers: Headers, problemId: number) {
  const res = await t.app.inject({ method: 'POST', url: '/api/proctor/attempts', headers, payload: { problemId } });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { attempt: { id: number; deadlineAt: string | null; status: string }; settings: Record<string, unknown> };
}

export function event(problemId: number, attemptId: number, type: string, data: Record<string, unknown> = {}) {
  return { id: randomUUID(), clientTsMs: Date.now(), problemId, attemptId, type, data };
}

export function postEvents(t: TestApp, headers: Headers, events: unknown[]) {
  return t.app.inject({ method: 'POST', url: '/api/proctor/events', headers, payload: { events } });
}

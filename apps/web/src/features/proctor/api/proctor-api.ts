import type { HeartbeatResponse, ProctorBatchResponse, StartAttemptResponse } from '@logicode/contracts';
import { api, apiRequest } from '../../../lib/api-client.js';

/** The proctoring routes in one place (apps/api/src/routes/proctor). */
export const proctorRoutes = {
  attempts: '/api/proctor/attempts',
  heartbeat: (id: number) => `/api/proctor/attempts/${id}/heartbeat`,
  end: (id: number) => `/api/proctor/attempts/${id}/end`,
  finish: (id: number) => `/api/proctor/attempts/${id}/finish`,
  events: '/api/proctor/events',
};

export function startAttempt(problemId: number): Promise<StartAttemptResponse> {
  return api.post<StartAttemptResponse>(proctorRoutes.attempts, { problemId });
}

export function sendHeartbeat(attemptId: number): Promise<HeartbeatResponse> {
  return api.post<HeartbeatResponse>(proctorRoutes.heartbeat(attemptId));
}

/** "Finish now" on a timed problem, after its Submit: the attempt ends as submitted (docs/web.md). */
export function finishAttempt(attemptId: number): Promise<HeartbeatResponse> {
  return api.post<HeartbeatResponse>(proctorRoutes.finish(attemptId));
}

// A request that never answers must not hold the queue forever: give up after this and retry.
const POST_TIMEOUT_MS = 10_000;

export function postEvents(events: unknown[]): Promise<ProctorBatchResponse> {
  // sentAtMs: the server measures this browser's clock skew from it and places the events on its own clock.
  return apiRequest<ProctorBatchResponse>(proctorRoutes.events, { method: 'POST', body: { events, sentAtMs: Date.now() }, signal: AbortSignal.timeout(POST_TIMEOUT_MS) });
}

/** For page hide: the browser delivers a beacon even as the tab closes; a plain fetch would be cancelled. */
export function beacon(path: string, body: unknown): boolean {
  if (!('sendBeacon' in navigator)) return false;
  return navigator.sendBeacon(path, new Blob([JSON.stringify(body)], { type: 'application/json' }));
}

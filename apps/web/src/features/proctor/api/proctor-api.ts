import type { HeartbeatResponse, ProctorBatchResponse, StartAttemptResponse } from '@logicode/contracts';
import { api } from '../../../lib/api-client.js';

/** The proctoring routes in one place (apps/api/src/routes/proctor). */
export const proctorRoutes = {
  attempts: '/api/proctor/attempts',
  heartbeat: (id: number) => `/api/proctor/attempts/${id}/heartbeat`,
  end: (id: number) => `/api/proctor/attempts/${id}/end`,
  events: '/api/proctor/events',
};

export function startAttempt(problemId: number): Promise<StartAttemptResponse> {
  return api.post<StartAttemptResponse>(proctorRoutes.attempts, { problemId });
}

export function sendHeartbeat(attemptId: number): Promise<HeartbeatResponse> {
  return api.post<HeartbeatResponse>(proctorRoutes.heartbeat(attemptId));
}

export function postEvents(events: unknown[]): Promise<ProctorBatchResponse> {
  return api.post<ProctorBatchResponse>(proctorRoutes.events, { events });
}

/** For page hide: the browser delivers a beacon even as the tab closes; a plain fetch would be cancelled. */
export function beacon(path: string, body: unknown): boolean {
  if (!('sendBeacon' in navigator)) return false;
  return navigator.sendBeacon(path, new Blob([JSON.stringify(body)], { type: 'application/json' }));
}

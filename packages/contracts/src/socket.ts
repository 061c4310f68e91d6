import type { Submission, SubmissionTestResult } from './submissions.js';
import type { ProctorFeedEvents, ProctorStudentEvents } from './proctor-socket.js';
import type { PlagiarismProgressPayload } from './plagiarism-api.js';
import type { SessionEndReason } from './auth.js';

/**
 * Socket.IO events the server sends. Students receive only their own room's events;
 * teachers and admins join feed rooms. Nothing is broadcast to everyone.
 */
export interface ServerToClientEvents extends ProctorFeedEvents, ProctorStudentEvents {
  'submission:status': (payload: { submissionId: number; status: 'queued' | 'running' | 'done' }) => void;
  'submission:test': (payload: { submissionId: number; testCount: number; result: SubmissionTestResult }) => void;
  'submission:done': (payload: { submission: Submission }) => void;
  /** A plagiarism run's progress, to the teacher feed rooms (feed:all, feed:problem:<id>). */
  'plagiarism:progress': (payload: PlagiarismProgressPayload) => void;
  /** Something changed in an assessment (a start, an open, a submission, a flag, an end), to feed:assessment:<id>. */
  'assessment:update': (payload: { assessmentId: number; userId: number; kind: 'start' | 'open' | 'submission' | 'flag' | 'end' }) => void;
  /**
   * Sent once, just before the server disconnects the socket. 'expired' (its access token ran out and it did not
   * re-authenticate) and 'role_changed': refresh over HTTP and reconnect. 'signed_out', 'revoked' (an admin ended
   * the user's sessions), 'password_changed' (changed in another session): the session is over; sign in again.
   */
  'session:ended': (payload: { reason: SessionEndReason }) => void;
}

export interface ClientToServerEvents {
  'feed:join': (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  'feed:leave': (room: string) => void;
  /**
   * Re-authenticates the socket in place with a fresh access token (after an HTTP refresh), so it is not ended at
   * its old token's expiry. The token must be the same user's; a changed role is refused (reconnect instead).
   */
  'auth:refresh': (token: string, ack: (result: { ok: boolean; error?: string; accessTokenExpiresAt?: string }) => void) => void;
}

/** Room names: one per user, and the teachers' feed rooms. */
export const rooms = {
  user: (userId: number) => `user:${userId}`,
  feedAll: () => 'feed:all',
  feedProblem: (problemId: number) => `feed:problem:${problemId}`,
  feedStudent: (userId: number) => `feed:student:${userId}`,
  feedAssessment: (assessmentId: number) => `feed:assessment:${assessmentId}`,
  /** A teacher's own dashboard feed: the events of the students of their classes; only that teacher may join. */
  feedTeacher: (teacherId: number) => `feed:teacher:${teacherId}`,
};

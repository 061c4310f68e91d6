import type { Submission, SubmissionTestResult } from './submissions.js';
import type { ProctorFeedEvents, ProctorStudentEvents } from './proctor-socket.js';
import type { PlagiarismProgressPayload } from './plagiarism-api.js';
import type { SessionEndReason } from './auth.js';

/**
 * Socket.IO events the server sends. Students receive only their own room's events;
 * teachers and admins join feed rooms. Nothing is broadcast to everyone.
 */
export interface ServerToClientEvents extends ProctorFeedEvents, ProctorStudentEvents {
  /** A submission of the user's was queued, taken by a worker ('running') or finished; to user:<id>. */
  'submission:status': (payload: { submissionId: number; status: 'queued' | 'running' | 'done' }) => void;
  /** One test's result as it finishes (hidden tests reduced to verdict, time and memory); to user:<id>. */
  'submission:test': (payload: { submissionId: number; testCount: number; result: SubmissionTestResult }) => void;
  /** The final verdict with every test, as GET /api/submissions/:id answers it; to user:<id>. */
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
  /** Asks to join a feed room; the answer says whether the caller may (checked per room: owner and existence). */
  'feed:join': (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  /** Leaves a feed room (no answer). */
  'feed:leave': (room: string) => void;
  /**
   * Re-authenticates the socket in place with a fresh access token (after an HTTP refresh), so it is not ended at
   * its old token's expiry. The token must be the same user's; a changed role is refused (reconnect instead).
   */
  'auth:refresh': (token: string, ack: (result: { ok: boolean; error?: string; accessTokenExpiresAt?: string }) => void) => void;
}

/** Room names: one per user, and the teachers' feed rooms. */
export const rooms = {
  /** The user's own room: every socket of theirs is in it from connection; results, warnings, attempt ends. */
  user: (userId: number) => `user:${userId}`,
  /** Every student's proctoring and submissions: admins, or every teacher with TEACHER_SCOPE=all. */
  feedAll: () => 'feed:all',
  /** One problem's activity and plagiarism progress: admins, or every teacher with TEACHER_SCOPE=all. */
  feedProblem: (problemId: number) => `feed:problem:${problemId}`,
  /** One student's activity: staff whose scope holds the student. */
  feedStudent: (userId: number) => `feed:student:${userId}`,
  /** One assessment's live view: its class's teacher and admins; the assessment must exist. */
  feedAssessment: (assessmentId: number) => `feed:assessment:${assessmentId}`,
  /** A teacher's own dashboard feed: the events of the students of their classes; only that teacher may join. */
  feedTeacher: (teacherId: number) => `feed:teacher:${teacherId}`,
};

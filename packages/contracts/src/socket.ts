import type { Submission, SubmissionTestResult } from './submissions.js';
import type { ProctorFeedEvents, ProctorStudentEvents } from './proctor-socket.js';
import type { PlagiarismProgressPayload } from './plagiarism-api.js';

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
}

export interface ClientToServerEvents {
  'feed:join': (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
  'feed:leave': (room: string) => void;
}

/** Room names: one per user, and the teachers' feed rooms. */
export const rooms = {
  user: (userId: number) => `user:${userId}`,
  feedAll: () => 'feed:all',
  feedProblem: (problemId: number) => `feed:problem:${problemId}`,
  feedStudent: (userId: number) => `feed:student:${userId}`,
  feedAssessment: (assessmentId: number) => `feed:assessment:${assessmentId}`,
};

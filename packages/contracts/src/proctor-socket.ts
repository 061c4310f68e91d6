import type { Attempt, AttemptEndReason } from './proctor-api.js';
import type { AttemptCounters, BreachAction, FlagRule, ProctorFlag } from './proctor-rules.js';
import type { ProctorEventRecord } from './proctor.js';

/** Pushed to teacher feed rooms (feed:all, feed:problem:<id>, feed:student:<id>); never to students. */
export interface ProctorFeedEvents {
  /** Events of severity medium and high (low, info and snapshots are not pushed: read the events API or timeline). */
  'proctor:event': (payload: { event: ProctorEventRecord; userName: string }) => void;
  /** A new flag, or a flag a teacher cleared, reopened or annotated. */
  'proctor:flag': (payload: { flag: ProctorFlag; counters: AttemptCounters | null }) => void;
  'session:start': (payload: { attempt: Attempt; userName: string; problemTitle: string }) => void;
  'session:end': (payload: { attempt: Attempt }) => void;
  /** A student submitted (or the server submitted for them at the deadline). */
  'submission:made': (payload: {
    submissionId: number; userId: number; problemId: number; attemptId: number | null; autoSubmitted: boolean;
    createdAt: string;
  }) => void;
}

/** Pushed to the student's own room (user:<id>). */
export interface ProctorStudentEvents {
  /** A rule whose action is `warn` or `end_attempt` was breached. */
  'proctor:warning': (payload: { attemptId: number; rule: FlagRule; action: BreachAction; message: string }) => void;
  /** The attempt ended on the server (deadline, time-out, a rule); the client should stop and show why. */
  'attempt:ended': (payload: { attemptId: number; reason: AttemptEndReason; submissionId: number | null }) => void;
}

import type { Attempt, AttemptEndReason } from './proctor-api.js';
import type { AttemptCounters, BreachAction, FlagRule, ProctorFlag } from './proctor-rules.js';
import type { ProctorEventRecord } from './proctor.js';

/**
 * Who and what a feed line is about, so a teacher's feed names the student and the problem (issue 14). Optional on
 * the older events for clients built before they were added; every current publisher fills them.
 */
export interface FeedNames {
  userName?: string;
  problemTitle?: string;
}

/** A Run or Submit as the teacher's feed shows it: who, which problem, and (once judged) the verdict. */
export interface SubmissionFeedItem {
  submissionId: number;
  userId: number;
  userName: string;
  problemId: number;
  problemTitle: string;
  attemptId: number | null;
  /** The assessment the attempt belongs to (the event then also goes to feed:assessment:<id>); null in practice. */
  assessmentId: number | null;
  mode: 'run' | 'submit';
  autoSubmitted: boolean;
  createdAt: string;
}

/**
 * Pushed to teacher feed rooms (feed:all, feed:problem:<id>, feed:student:<id>, and feed:teacher:<id> of each
 * teacher whose class holds the student); never to students.
 */
export interface ProctorFeedEvents {
  /** Events of severity medium and high (low, info and snapshots are not pushed: read the events API or timeline). */
  'proctor:event': (payload: { event: ProctorEventRecord; userName: string; problemTitle?: string }) => void;
  /** A new flag, or a flag a teacher cleared, reopened or annotated. */
  'proctor:flag': (payload: { flag: ProctorFlag; counters: AttemptCounters | null } & FeedNames) => void;
  /** A student opened (or resumed) an attempt at a problem. */
  'session:start': (payload: { attempt: Attempt; userName: string; problemTitle: string }) => void;
  /** An attempt ended (left, deadline, a rule, hand-in, time-out of untimed practice); the reason is on the attempt. */
  'session:end': (payload: { attempt: Attempt } & FeedNames) => void;
  /** A student ran or submitted code (or the server submitted for them at the deadline). */
  'submission:made': (payload: SubmissionFeedItem) => void;
  /** That Run or Submit was judged: its verdict and score (0-100). */
  'submission:judged': (payload: SubmissionFeedItem & { verdict: string | null; score: number | null; finishedAt: string }) => void;
}

/** Pushed to the student's own room (user:<id>). */
export interface ProctorStudentEvents {
  /** A rule whose action is `warn` or `end_attempt` was breached. */
  'proctor:warning': (payload: { attemptId: number; rule: FlagRule; action: BreachAction; message: string }) => void;
  /** The attempt ended on the server (deadline, time-out, a rule); the client should stop and show why. */
  'attempt:ended': (payload: { attemptId: number; reason: AttemptEndReason; submissionId: number | null }) => void;
}

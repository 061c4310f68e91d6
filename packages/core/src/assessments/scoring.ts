import type { ProblemProgress, ScoringMode } from '@logicode/contracts';
import type { AssessmentAttemptRow } from '@logicode/db';

/** A submission made in an assessment (through one of its problem sessions). */
export interface AssessmentSubmission {
  id: number;
  userId: number;
  problemId: number;
  mode: string;
  status: string;
  score: number | null;
  createdAtMs: number;
  autoSubmitted: number;
  /** Its problem session's start, end and end reason: a submission counts only inside the session. */
  sessionStartedAtMs: number;
  sessionEndedAtMs: number | null;
  sessionEndReason: string | null;
}

export interface ScoreCell {
  problemId: number;
  points: number;
  submissionId: number | null;
  /** When the counted submission was made (capped at the deadline: an auto-submit is stored just after it). */
  countedAtMs: number | null;
  progress: ProblemProgress;
  submissionCount: number;
}

export interface StudentScore {
  cells: ScoreCell[];
  adjustmentPoints: number;
  totalPoints: number;
  lastImprovementAtMs: number | null;
}

export interface ScoreInput {
  scoring: ScoringMode;
  problems: { problemId: number; points: number }[];
  attempt: AssessmentAttemptRow | null;
  submissions: AssessmentSubmission[];
  openedProblemIds: Set<number>;
  adjustments: { problemId: number | null; deltaPoints: number }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** best: the highest score, the earlier of equals; last: the latest judged one (CMS and DOMjudge offer both). */
function counted(scoring: ScoringMode, judged: AssessmentSubmission[]): AssessmentSubmission | null {
  let pick: AssessmentSubmission | null = null;
  for (const s of judged) {
    if (!pick) pick = s;
    else if (scoring === 'last' ? s.id > pick.id : (s.score ?? 0) > (pick.score ?? 0)) pick = s;
  }
  return pick;
}

/**
 * Whether a submission passed the attempt guard's rule (proctoring/attempt-guard.ts), re-checked from stored facts
 * so that a row that slipped past it (or predates it) is never counted: the session is the submitter's at this
 * problem (data.ts joins on both), the submission was made after the session opened and before the assessment's
 * deadline (the server's auto-submit at the deadline excepted), and not after a proctoring rule ended the session
 * (not even an auto-submit: the deadline sweep makes none for such a session).
 */
function passedGuard(s: AssessmentSubmission, deadlineAtMs: number): boolean {
  if (s.sessionEndReason === 'rule' && s.sessionEndedAtMs !== null && s.createdAtMs > s.sessionEndedAtMs) return false;
  if (s.autoSubmitted === 1) return true;
  return s.createdAtMs >= s.sessionStartedAtMs && s.createdAtMs <= deadlineAtMs;
}

/**
 * One student's points: per problem the counted submission's score% × the problem's points, plus the teacher's
 * adjustments. Only Submits that passed the attempt guard count (passedGuard), and the server's auto-submit at the
 * deadline. Penalty-free: wrong tries cost nothing; ties are broken by lastImprovementAtMs (earlier wins).
 */
export function scoreStudent(input: ScoreInput): StudentScore {
  const deadline = input.attempt ? Number(input.attempt.deadlineAtMs) : 0;
  const inTime = input.submissions.filter((s) => s.mode === 'submit' && passedGuard(s, deadline));
  const cells = input.problems.map((p): ScoreCell => {
    const mine = inTime.filter((s) => s.problemId === p.problemId).sort((a, b) => a.id - b.id);
    const pick = counted(input.scoring, mine.filter((s) => s.status === 'done'));
    const adjust = input.adjustments.filter((a) => a.problemId === p.problemId).reduce((sum, a) => sum + a.deltaPoints, 0);
    const earned = pick ? round2(((pick.score ?? 0) / 100) * p.points) : 0;
    let progress: ProblemProgress = input.openedProblemIds.has(p.problemId) ? 'opened' : 'not_opened';
    if (mine.length > 0) progress = pick && (pick.score ?? 0) >= 100 ? 'solved' : 'submitted';
    return {
      problemId: p.problemId, points: round2(earned + adjust), submissionId: pick?.id ?? null,
      countedAtMs: pick && earned > 0 ? Math.min(pick.createdAtMs, deadline) : null, progress, submissionCount: mine.length,
    };
  });
  const adjustmentPoints = round2(input.adjustments.filter((a) => a.problemId === null).reduce((sum, a) => sum + a.deltaPoints, 0));
  const times = cells.map((c) => c.countedAtMs).filter((t): t is number => t !== null);
  return {
    cells,
    adjustmentPoints,
    totalPoints: round2(cells.reduce((sum, c) => sum + c.points, 0) + adjustmentPoints),
    lastImprovementAtMs: times.length > 0 ? Math.max(...times) : null,
  };
}

/** Higher total first; equal totals: the earlier last improvement first (none = last); then by name. */
export function compareRows(a: { totalPoints: number; lastImprovementAtMs: number | null; name: string }, b: typeof a): number {
  if (a.totalPoints !== b.totalPoints) return b.totalPoints - a.totalPoints;
  const at = a.lastImprovementAtMs ?? Number.MAX_SAFE_INTEGER;
  const bt = b.lastImprovementAtMs ?? Number.MAX_SAFE_INTEGER;
  if (at !== bt) return at - bt;
  return a.name.localeCompare(b.name);
}

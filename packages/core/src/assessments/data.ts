import { ATTEMPT_TIMEOUT_MS } from '@logicode/contracts';
import type { AssessmentAttemptRow, AssessmentRow, ProblemSessionRow } from '@logicode/db';
import type { CoreDeps } from '../context.js';
import { scoreStudent, type AssessmentSubmission, type StudentScore } from './scoring.js';

export interface AssessmentProblemInfo {
  problemId: number;
  points: number;
  slug: string;
  title: string;
}

/** Everything the views of one assessment need, read in a handful of queries (for all students, or some). */
export interface AssessmentData {
  problems: AssessmentProblemInfo[];
  attempts: Map<number, AssessmentAttemptRow>;
  sessions: Map<number, ProblemSessionRow[]>;
  submissions: Map<number, AssessmentSubmission[]>;
  adjustments: Map<number, { problemId: number | null; deltaPoints: number }[]>;
  flags: Map<number, { total: number; open: number }>;
  extraTimeMs: Map<number, number>;
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export async function loadProblems(deps: CoreDeps, assessmentId: number): Promise<AssessmentProblemInfo[]> {
  return deps.db.db.selectFrom('assessmentProblems').innerJoin('problems', 'problems.id', 'assessmentProblems.problemId')
    .select(['assessmentProblems.problemId', 'assessmentProblems.points', 'problems.slug', 'problems.title'])
    .where('assessmentProblems.assessmentId', '=', assessmentId).orderBy('assessmentProblems.ordinal').execute();
}

export async function loadAssessmentData(deps: CoreDeps, assessment: AssessmentRow, userId?: number): Promise<AssessmentData> {
  const { db } = deps.db;
  const id = assessment.id;
  let attemptsQ = db.selectFrom('assessmentAttempts').selectAll().where('assessmentId', '=', id);
  let sessionsQ = db.selectFrom('problemSessions').selectAll().where('assessmentId', '=', id);
  // A submission counts for the assessment through its problem session, and only the session's own student's at the
  // session's own problem; scoring.ts also requires its time to lie inside the session (the attempt guard's rule).
  let subsQ = db.selectFrom('submissions')
    .innerJoin('problemSessions as ps', (join) => join.onRef('ps.id', '=', 'submissions.attemptId').onRef('ps.userId', '=', 'submissions.userId')
      .onRef('ps.problemId', '=', 'submissions.problemId'))
    .select(['submissions.id', 'submissions.userId', 'submissions.problemId', 'submissions.mode', 'submissions.status', 'submissions.score',
      'submissions.createdAtMs', 'submissions.autoSubmitted', 'ps.startedAtMs as sessionStartedAtMs', 'ps.endedAtMs as sessionEndedAtMs',
      'ps.endReason as sessionEndReason'])
    .where('ps.assessmentId', '=', id);
  let adjustQ = db.selectFrom('scoreAdjustments').select(['userId', 'problemId', 'deltaPoints']).where('assessmentId', '=', id);
  let flagsQ = db.selectFrom('proctorFlags').innerJoin('problemSessions as ps', 'ps.id', 'proctorFlags.attemptId')
    .select(['proctorFlags.userId', 'proctorFlags.status']).where('ps.assessmentId', '=', id);
  let extraQ = db.selectFrom('assessmentAccommodations').select(['userId', 'extraTimeMs']).where('assessmentId', '=', id);
  if (userId !== undefined) {
    attemptsQ = attemptsQ.where('userId', '=', userId);
    sessionsQ = sessionsQ.where('userId', '=', userId);
    subsQ = subsQ.where('submissions.userId', '=', userId);
    adjustQ = adjustQ.where('userId', '=', userId);
    flagsQ = flagsQ.where('proctorFlags.userId', '=', userId);
    extraQ = extraQ.where('userId', '=', userId);
  }
  const [problems, attempts, sessions, subs, adjustments, flags, extra] = await Promise.all([
    loadProblems(deps, id), attemptsQ.execute(), sessionsQ.orderBy('id').execute(), subsQ.orderBy('submissions.id').execute(),
    adjustQ.orderBy('id').execute(), flagsQ.execute(), extraQ.execute(),
  ]);
  const flagCounts = new Map<number, { total: number; open: number }>();
  for (const f of flags) {
    const c = flagCounts.get(f.userId) ?? { total: 0, open: 0 };
    c.total += 1;
    if (f.status === 'open') c.open += 1;
    flagCounts.set(f.userId, c);
  }
  return {
    problems,
    attempts: new Map(attempts.map((a) => [a.userId, a])),
    sessions: groupBy(sessions, (s) => s.userId),
    submissions: groupBy(subs.map((s) => ({
      ...s, score: s.score === null ? null : Number(s.score), createdAtMs: Number(s.createdAtMs),
      sessionStartedAtMs: Number(s.sessionStartedAtMs), sessionEndedAtMs: s.sessionEndedAtMs === null ? null : Number(s.sessionEndedAtMs),
    })), (s) => s.userId),
    adjustments: groupBy(adjustments.map((a) => ({ ...a, deltaPoints: Number(a.deltaPoints) })), (a) => a.userId),
    flags: flagCounts,
    extraTimeMs: new Map(extra.map((e) => [e.userId, Number(e.extraTimeMs)])),
  };
}

export function scoreOf(assessment: AssessmentRow, data: AssessmentData, userId: number): StudentScore {
  return scoreStudent({
    scoring: assessment.scoring,
    problems: data.problems,
    attempt: data.attempts.get(userId) ?? null,
    submissions: data.submissions.get(userId) ?? [],
    openedProblemIds: new Set((data.sessions.get(userId) ?? []).map((s) => s.problemId)),
    adjustments: (data.adjustments.get(userId) ?? []).map((a) => ({ problemId: a.problemId, deltaPoints: a.deltaPoints })),
  });
}

/** The lowest integrity score over the student's proctoring attempts in the assessment; null without any. */
export function integrityOfSessions(sessions: ProblemSessionRow[] | undefined): number | null {
  if (!sessions || sessions.length === 0) return null;
  return Math.min(...sessions.map((s) => s.integrityScore));
}

/**
 * Whether a student in progress is connected: some open problem attempt had a heartbeat within ATTEMPT_TIMEOUT_MS.
 * A heartbeat time-out never ends an assessment attempt (only its clock does), so the teacher sees "disconnected".
 * null before any problem is open.
 */
export function connectedOf(sessions: ProblemSessionRow[] | undefined, nowMs: number): boolean | null {
  const open = (sessions ?? []).filter((s) => s.isActive === 1);
  if (open.length === 0) return null;
  return open.some((s) => Number(s.lastHeartbeatAtMs) >= nowMs - ATTEMPT_TIMEOUT_MS);
}

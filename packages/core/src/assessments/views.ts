import type { AssessmentAttempt, StudentAssessment, StudentAssessmentState } from '@logicode/contracts';
import type { AssessmentAttemptRow, AssessmentRow } from '@logicode/db';
import { effectiveEnd } from './clocks.js';
import { scoreOf, type AssessmentData } from './data.js';

/** The attempt with its server deadline and per-problem progress; points only when `showPoints`. */
export function attemptView(assessment: AssessmentRow, attempt: AssessmentAttemptRow, data: AssessmentData, opts: { nowMs: number; showPoints: boolean }): AssessmentAttempt {
  const end = effectiveEnd(attempt, opts.nowMs);
  const score = scoreOf(assessment, data, attempt.userId);
  const sessions = data.sessions.get(attempt.userId) ?? [];
  return {
    id: attempt.id, assessmentId: assessment.id, userId: attempt.userId,
    status: end.endedAtMs === null ? 'active' : 'ended',
    startedAtMs: Number(attempt.startedAtMs), deadlineAtMs: Number(attempt.deadlineAtMs),
    endedAtMs: end.endedAtMs, endReason: end.endReason, serverNowMs: opts.nowMs,
    problems: data.problems.map((p, i) => {
      const cell = score.cells[i]!;
      return {
        problemId: p.problemId, slug: p.slug, title: p.title, points: p.points, progress: cell.progress,
        proctorAttemptId: sessions.filter((s) => s.problemId === p.problemId).at(-1)?.id ?? null,
        submissionCount: cell.submissionCount, earnedPoints: opts.showPoints ? cell.points : null,
      };
    }),
    totalPoints: data.problems.reduce((sum, p) => sum + p.points, 0),
    earnedPoints: opts.showPoints ? score.totalPoints : null,
  };
}

/** Students see their points once their attempt has ended, and only if the teacher shows results. */
export function studentMaySeePoints(assessment: AssessmentRow, attempt: AssessmentAttemptRow, nowMs: number): boolean {
  return assessment.showResults === 1 && effectiveEnd(attempt, nowMs).endedAtMs !== null;
}

export function studentState(assessment: AssessmentRow, attempt: AssessmentAttemptRow | undefined, nowMs: number): StudentAssessmentState {
  if (attempt) return effectiveEnd(attempt, nowMs).endedAtMs === null ? 'in_progress' : 'finished';
  if (assessment.status === 'closed' || nowMs >= Number(assessment.windowEndAtMs)) return 'missed';
  if (nowMs < Number(assessment.windowStartAtMs)) return 'upcoming';
  return 'open';
}

export function studentSummary(opts: {
  assessment: AssessmentRow; className: string; attempt: AssessmentAttemptRow | undefined; nowMs: number;
  extraTimeMs: number; problems: { points: number }[]; proctoring: StudentAssessment['proctoring'];
}): StudentAssessment {
  const { assessment: a, attempt } = opts;
  return {
    id: a.id, classId: a.classId, className: opts.className, title: a.title, instructions: a.instructions,
    windowStartAtMs: Number(a.windowStartAtMs), windowEndAtMs: Number(a.windowEndAtMs), durationMs: Number(a.durationMs),
    extraTimeMs: opts.extraTimeMs, problemCount: opts.problems.length, totalPoints: opts.problems.reduce((s, p) => s + p.points, 0),
    proctoring: opts.proctoring, showResultsToStudents: a.showResults === 1, scoring: a.scoring,
    state: studentState(a, attempt, opts.nowMs),
    startedAtMs: attempt ? Number(attempt.startedAtMs) : null, deadlineAtMs: attempt ? Number(attempt.deadlineAtMs) : null,
  };
}

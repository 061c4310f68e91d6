import {
  AppError, type AssessmentLive, type LiveStudent, type PlagiarismPairSummary, type ScoreAdjustment, type Scoreboard,
  type ScoreboardRow, type StudentAttemptDetail,
} from '@logicode/contracts';
import type { AssessmentRow } from '@logicode/db';
import type { Actor, CoreDeps } from '../context.js';
import { toPairSummary } from '../plagiarism/mappers.js';
import type { Proctoring } from '../proctoring/index.js';
import { toSummary } from '../submissions/submission-mapper.js';
import type { Access } from './access.js';
import type { AssessmentsService } from './assessments-service.js';
import { effectiveEnd } from './clocks.js';
import { scoreboardCsv } from './csv.js';
import { connectedOf, integrityOfSessions, loadAssessmentData, scoreOf, type AssessmentData } from './data.js';
import { compareRows } from './scoring.js';
import { attemptView } from './views.js';

interface Person { id: number; name: string; email: string }

/** The teacher's side after publishing: live view, one student's attempt, scoreboard, adjustments, plagiarism. */
export function createResultsService(deps: CoreDeps, parts: { access: Access; assessments: AssessmentsService; proctoring: Proctoring }) {
  const { db } = deps.db;
  const { access } = parts;

  /** The class's students, and anyone else with an attempt (a student removed from the class after starting). */
  async function people(assessment: AssessmentRow, data: AssessmentData): Promise<Person[]> {
    const members = await db.selectFrom('classMembers').select('userId').where('classId', '=', assessment.classId).execute();
    const ids = [...new Set([...members.map((m) => m.userId), ...data.attempts.keys()])];
    if (ids.length === 0) return [];
    return db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).orderBy('name').orderBy('id').execute();
  }

  function timeUsedMs(data: AssessmentData, userId: number, nowMs: number): number | null {
    const attempt = data.attempts.get(userId);
    if (!attempt) return null;
    const end = effectiveEnd(attempt, nowMs).endedAtMs ?? nowMs;
    return Math.max(0, end - Number(attempt.startedAtMs));
  }

  async function scoreboard(assessment: AssessmentRow): Promise<Scoreboard> {
    const data = await loadAssessmentData(deps, assessment);
    const now = deps.clock.now();
    const rows = (await people(assessment, data)).map((p) => {
      const score = scoreOf(assessment, data, p.id);
      return {
        rank: 0, userId: p.id, name: p.name, email: p.email,
        problems: score.cells.map((c) => ({ problemId: c.problemId, points: c.points, submissionId: c.submissionId })),
        adjustmentPoints: score.adjustmentPoints, totalPoints: score.totalPoints, lastImprovementAtMs: score.lastImprovementAtMs,
        timeUsedMs: timeUsedMs(data, p.id, now), flags: data.flags.get(p.id)?.total ?? 0,
        integrityScore: integrityOfSessions(data.sessions.get(p.id)),
      } satisfies ScoreboardRow;
    }).sort(compareRows);
    // Standard competition ranking: equal points and equal time share a rank.
    rows.forEach((row, i) => {
      const prev = rows[i - 1];
      row.rank = prev && prev.totalPoints === row.totalPoints && prev.lastImprovementAtMs === row.lastImprovementAtMs ? prev.rank : i + 1;
    });
    return {
      assessmentId: assessment.id,
      problems: data.problems.map((p) => ({ problemId: p.problemId, title: p.title, points: p.points })),
      totalPoints: data.problems.reduce((sum, p) => sum + p.points, 0),
      rows,
    };
  }

  async function adjustments(assessmentId: number, userId?: number): Promise<ScoreAdjustment[]> {
    let q = db.selectFrom('scoreAdjustments').innerJoin('users', 'users.id', 'scoreAdjustments.actorId')
      .selectAll('scoreAdjustments').select('users.name as actorName').where('scoreAdjustments.assessmentId', '=', assessmentId);
    if (userId !== undefined) q = q.where('scoreAdjustments.userId', '=', userId);
    const rows = await q.orderBy('scoreAdjustments.id').execute();
    return rows.map((r) => ({ ...r, deltaPoints: Number(r.deltaPoints), createdAtMs: Number(r.createdAtMs) }));
  }

  return {
    async live(actor: Actor, assessmentId: number): Promise<AssessmentLive> {
      const { assessment, cls } = await access.ownedAssessment(actor, assessmentId);
      const data = await loadAssessmentData(deps, assessment);
      const now = deps.clock.now();
      const students = (await people(assessment, data)).map((p): LiveStudent => {
        const attempt = data.attempts.get(p.id);
        const ended = attempt ? effectiveEnd(attempt, now).endedAtMs : null;
        const score = scoreOf(assessment, data, p.id);
        const flags = data.flags.get(p.id) ?? { total: 0, open: 0 };
        return {
          userId: p.id, name: p.name, email: p.email,
          state: !attempt ? 'not_started' : ended === null ? 'in_progress' : 'finished',
          startedAtMs: attempt ? Number(attempt.startedAtMs) : null, deadlineAtMs: attempt ? Number(attempt.deadlineAtMs) : null,
          endedAtMs: ended, timeLeftMs: !attempt ? null : ended !== null ? 0 : Math.max(0, Number(attempt.deadlineAtMs) - now),
          extraTimeMs: data.extraTimeMs.get(p.id) ?? 0,
          problems: score.cells.map((c) => ({ problemId: c.problemId, progress: c.progress, submissionCount: c.submissionCount, points: c.points })),
          flags: flags.total, openFlags: flags.open, integrityScore: integrityOfSessions(data.sessions.get(p.id)),
          connected: attempt && ended === null ? connectedOf(data.sessions.get(p.id), now) : null,
        };
      });
      return { assessment: await parts.assessments.view(assessment, cls.name), serverNowMs: now, students };
    },

    async student(actor: Actor, assessmentId: number, userId: number): Promise<StudentAttemptDetail> {
      const { assessment } = await access.ownedAssessment(actor, assessmentId);
      const data = await loadAssessmentData(deps, assessment, userId);
      const user = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', userId).executeTakeFirst();
      const attempt = data.attempts.get(userId);
      if (!user || (!attempt && !(await access.isMember(assessment.classId, userId)))) throw new AppError('NOT_FOUND', 'No such student in this assessment.');
      const sessionIds = new Set((data.sessions.get(userId) ?? []).map((s) => s.id));
      const [proctorAttempts, subs, adjusted] = await Promise.all([
        parts.proctoring.teacher.attemptReports(userId, [...sessionIds]),
        sessionIds.size > 0 ? db.selectFrom('submissions').selectAll().where('attemptId', 'in', [...sessionIds]).where('userId', '=', userId).orderBy('id').execute() : [],
        adjustments(assessmentId, userId),
      ]);
      return {
        user,
        attempt: attempt ? attemptView(assessment, attempt, data, { nowMs: deps.clock.now(), showPoints: true }) : null,
        proctorAttempts,
        submissions: subs.map(toSummary),
        adjustments: adjusted,
      };
    },

    async scoreboard(actor: Actor, assessmentId: number): Promise<Scoreboard> {
      const { assessment } = await access.ownedAssessment(actor, assessmentId);
      return scoreboard(assessment);
    },

    /** The scoreboard as CSV, and a file name for it. */
    async csv(actor: Actor, assessmentId: number): Promise<{ fileName: string; body: string }> {
      const { assessment } = await access.ownedAssessment(actor, assessmentId);
      const slug = assessment.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'assessment';
      return { fileName: `${slug}-${assessment.id}.csv`, body: scoreboardCsv(await scoreboard(assessment)) };
    },

    async adjustments(actor: Actor, assessmentId: number): Promise<ScoreAdjustment[]> {
      await access.ownedAssessment(actor, assessmentId);
      return adjustments(assessmentId);
    },

    /** A manual change of a student's score, with a reason; stored for good (never edited or deleted). */
    async adjust(actor: Actor, assessmentId: number, body: { userId: number; problemId: number | null; deltaPoints: number; reason: string }): Promise<ScoreAdjustment> {
      const { assessment } = await access.ownedAssessment(actor, assessmentId);
      const member = await access.isMember(assessment.classId, body.userId);
      const attempt = await db.selectFrom('assessmentAttempts').select('id').where('assessmentId', '=', assessmentId).where('userId', '=', body.userId).executeTakeFirst();
      if (!member && !attempt) throw new AppError('NOT_FOUND', 'No such student in this assessment.');
      if (body.problemId !== null) {
        const inIt = await db.selectFrom('assessmentProblems').select('problemId').where('assessmentId', '=', assessmentId).where('problemId', '=', body.problemId).executeTakeFirst();
        if (!inIt) throw new AppError('NOT_FOUND', 'This problem is not part of the assessment.');
      }
      const inserted = await db.insertInto('scoreAdjustments').values({
        assessmentId, userId: body.userId, problemId: body.problemId, deltaPoints: body.deltaPoints, reason: body.reason,
        actorId: actor.userId, createdAtMs: deps.clock.now(),
      }).executeTakeFirstOrThrow();
      deps.log('info', 'assessment score adjusted', { assessmentId, userId: body.userId, actorId: actor.userId, deltaPoints: body.deltaPoints });
      return (await adjustments(assessmentId, body.userId)).find((a) => a.id === Number(inserted.insertId))!;
    },

    /** Stored pairs whose both sides were submitted in this assessment. */
    async plagiarism(actor: Actor, assessmentId: number): Promise<PlagiarismPairSummary[]> {
      const { assessment } = await access.ownedAssessment(actor, assessmentId);
      const subs = await db.selectFrom('submissions').innerJoin('problemSessions as ps', 'ps.id', 'submissions.attemptId')
        .select('submissions.id').where('ps.assessmentId', '=', assessment.id).where('submissions.mode', '=', 'submit').execute();
      if (subs.length < 2) return [];
      const ids = subs.map((s) => s.id);
      const pairs = await db.selectFrom('plagiarismPairs').selectAll()
        .where('leftSubmissionId', 'in', ids).where('rightSubmissionId', 'in', ids).orderBy('similarity', 'desc').limit(1000).execute();
      const userIds = [...new Set(pairs.flatMap((p) => [p.leftUserId, p.rightUserId]))];
      const names = new Map(userIds.length > 0 ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.name]) : []);
      return pairs.map((p) => toPairSummary(p, { left: names.get(p.leftUserId) ?? '', right: names.get(p.rightUserId) ?? '' }));
    },
  };
}
export type ResultsService = ReturnType<typeof createResultsService>;

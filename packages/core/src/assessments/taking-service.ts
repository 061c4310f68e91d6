import {
  AppError, type AssessmentAttempt, type OpenAssessmentProblemResponse, type ProctorSettings, type StudentAssessment,
} from '@logicode/contracts';
import type { AssessmentAttemptRow, AssessmentRow } from '@logicode/db';
import type { Actor, CoreDeps } from '../context.js';
import type { ProblemsService } from '../problems/problems-service.js';
import type { Proctoring } from '../proctoring/index.js';
import type { SubmissionsService } from '../submissions/submissions-service.js';
import { isUniqueViolation, parseRules, type Access } from './access.js';
import { effectiveEnd, type Clocks } from './clocks.js';
import { loadAssessmentData, loadProblems } from './data.js';
import { publishUpdate } from './feed.js';
import { attemptView, studentMaySeePoints, studentSummary } from './views.js';

export interface TakingDeps {
  access: Access;
  clocks: Clocks;
  proctoring: Proctoring;
  problems: ProblemsService;
  submissions: SubmissionsService;
}

export interface AssessmentSubmissionInput {
  language: Parameters<SubmissionsService['create']>[1]['language'];
  code: string;
  mode: 'run' | 'submit';
  customInput?: string | null | undefined;
}

/** The student's side: what is upcoming and open, starting (once), the problems, submitting, handing in. */
export function createTakingService(deps: CoreDeps, parts: TakingDeps) {
  const { db } = deps.db;
  const { access, clocks } = parts;

  async function attemptOf(assessmentId: number, userId: number): Promise<AssessmentAttemptRow | undefined> {
    return db.selectFrom('assessmentAttempts').selectAll().where('assessmentId', '=', assessmentId).where('userId', '=', userId).executeTakeFirst();
  }

  async function extraTimeOf(assessmentId: number, userId: number): Promise<number> {
    const row = await db.selectFrom('assessmentAccommodations').select('extraTimeMs').where('assessmentId', '=', assessmentId).where('userId', '=', userId).executeTakeFirst();
    return row ? Number(row.extraTimeMs) : 0;
  }

  /** The assessment's own rules, or else the global ones (each problem may still override them when opened). */
  async function rulesOf(assessment: AssessmentRow, problemId?: number): Promise<ProctorSettings> {
    const own = parseRules(assessment.proctoring);
    if (own) return own;
    return problemId ? parts.proctoring.settings.effective(problemId) : parts.proctoring.settings.global();
  }

  async function view(assessment: AssessmentRow, attempt: AssessmentAttemptRow): Promise<AssessmentAttempt> {
    const now = deps.clock.now();
    const data = await loadAssessmentData(deps, assessment, attempt.userId);
    return attemptView(assessment, attempt, data, { nowMs: now, showPoints: studentMaySeePoints(assessment, attempt, now) });
  }

  /** The running attempt, or ATTEMPT_ENDED / NOT_FOUND. */
  async function running(actor: Actor, assessmentId: number) {
    const { assessment } = await access.visibleAssessment(actor, assessmentId);
    const attempt = await attemptOf(assessmentId, actor.userId);
    if (!attempt) throw new AppError('NOT_FOUND', 'Start the assessment first.');
    if (effectiveEnd(attempt, deps.clock.now()).endedAtMs !== null) throw new AppError('ATTEMPT_ENDED', 'Your time for this assessment is over.');
    return { assessment, attempt };
  }

  async function problemOf(assessmentId: number, problemId: number) {
    const row = await db.selectFrom('assessmentProblems').select('problemId').where('assessmentId', '=', assessmentId).where('problemId', '=', problemId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'This problem is not part of the assessment.');
  }

  async function summary(actor: Actor, assessment: AssessmentRow, className: string): Promise<StudentAssessment> {
    const [attempt, extraTimeMs, problems, proctoring] = await Promise.all([
      attemptOf(assessment.id, actor.userId), extraTimeOf(assessment.id, actor.userId), loadProblems(deps, assessment.id), rulesOf(assessment),
    ]);
    return studentSummary({ assessment, className, attempt, nowMs: deps.clock.now(), extraTimeMs, problems, proctoring });
  }

  return {
    /**
     * Whether the caller may read a problem's statement (and its images) through an assessment: one holding it whose
     * attempt of theirs is running, the same rule as openProblem's (running()). Used where the catalog says no.
     */
    async mayReadStatement(actor: Actor, problemId: number): Promise<boolean> {
      const rows = await db.selectFrom('assessmentAttempts').innerJoin('assessmentProblems', 'assessmentProblems.assessmentId', 'assessmentAttempts.assessmentId')
        .select('assessmentAttempts.assessmentId').where('assessmentAttempts.userId', '=', actor.userId).where('assessmentProblems.problemId', '=', problemId).execute();
      for (const { assessmentId } of rows) {
        if (await running(actor, assessmentId).then(() => true, () => false)) return true;
      }
      return false;
    },

    /** Published and closed assessments of the student's classes, soonest window first. */
    async mine(actor: Actor): Promise<{ items: StudentAssessment[]; serverNowMs: number }> {
      const rows = await db.selectFrom('assessments').innerJoin('classMembers', 'classMembers.classId', 'assessments.classId')
        .innerJoin('classes', 'classes.id', 'assessments.classId')
        .selectAll('assessments').select('classes.name as className')
        .where('classMembers.userId', '=', actor.userId).where('assessments.status', '!=', 'draft')
        .orderBy('assessments.windowStartAtMs').orderBy('assessments.id').limit(500).execute();
      const items = await Promise.all(rows.map(({ className, ...a }) => summary(actor, a, className)));
      return { items, serverNowMs: deps.clock.now() };
    },

    async get(actor: Actor, assessmentId: number): Promise<StudentAssessment> {
      const { assessment, className } = await access.visibleAssessment(actor, assessmentId);
      return summary(actor, assessment, className);
    },

    /**
     * Starts the student's one attempt: inside the window only, after consent. Starting again while it runs (a
     * reload, a second device, a double click) answers the same attempt and clock; after its end, ATTEMPT_ENDED.
     */
    async start(actor: Actor, assessmentId: number): Promise<AssessmentAttempt> {
      const { assessment } = await access.visibleAssessment(actor, assessmentId);
      const now = deps.clock.now();
      const existing = await attemptOf(assessmentId, actor.userId);
      if (existing) {
        if (effectiveEnd(existing, now).endedAtMs !== null) throw new AppError('ATTEMPT_ENDED', 'You have already taken this assessment.');
        return view(assessment, existing);
      }
      if (assessment.status !== 'published' || now < Number(assessment.windowStartAtMs) || now >= Number(assessment.windowEndAtMs)) {
        throw new AppError('ASSESSMENT_NOT_OPEN', undefined, { windowStartAtMs: Number(assessment.windowStartAtMs), windowEndAtMs: Number(assessment.windowEndAtMs), serverNowMs: now });
      }
      const deadlineAtMs = clocks.deadlineOf(assessment, now, await extraTimeOf(assessmentId, actor.userId));
      try {
        await db.insertInto('assessmentAttempts').values({
          assessmentId, userId: actor.userId, startedAtMs: now, consentAtMs: now, deadlineAtMs, endedAtMs: null, endReason: null,
        }).execute();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // two devices at once: the other one's attempt is the attempt
      }
      const attempt = (await attemptOf(assessmentId, actor.userId))!;
      await publishUpdate(deps, assessmentId, actor.userId, 'start');
      return view(assessment, attempt);
    },

    async attempt(actor: Actor, assessmentId: number): Promise<AssessmentAttempt> {
      const { assessment } = await access.visibleAssessment(actor, assessmentId);
      const attempt = await attemptOf(assessmentId, actor.userId);
      if (!attempt) throw new AppError('NOT_FOUND', 'You have not started this assessment.');
      return view(assessment, attempt);
    },

    /** The statement and the problem's proctoring attempt, whose deadline is the assessment attempt's. */
    async openProblem(actor: Actor, assessmentId: number, problemId: number): Promise<OpenAssessmentProblemResponse> {
      const { assessment, attempt } = await running(actor, assessmentId);
      await problemOf(assessmentId, problemId);
      const settings = await rulesOf(assessment, problemId);
      const [detail, session] = await Promise.all([
        parts.problems.detail(problemId, actor, { viaAssessment: true }),
        parts.proctoring.attempts.startInAssessment(actor, { assessmentId, problemId, deadlineAtMs: Number(attempt.deadlineAtMs), settings }),
      ]);
      await publishUpdate(deps, assessmentId, actor.userId, 'open');
      return {
        problem: { ...detail, proctored: settings.enabled }, session,
        serverNowMs: deps.clock.now(), deadlineAtMs: Number(attempt.deadlineAtMs),
      };
    },

    /** A Run or Submit inside the attempt; refused once the server's deadline has passed. */
    async submit(actor: Actor, assessmentId: number, problemId: number, body: AssessmentSubmissionInput): Promise<{ id: number }> {
      const { assessment, attempt } = await running(actor, assessmentId);
      await problemOf(assessmentId, problemId);
      // Whether this problem's attempt may still be used (a rule ended it, its deadline passed) is the attempt guard's
      // to say, in submissions.create: one rule for this route and POST /api/submissions alike.
      let session = await db.selectFrom('problemSessions').select(['id', 'endReason']).where('assessmentId', '=', assessmentId)
        .where('userId', '=', actor.userId).where('problemId', '=', problemId).orderBy('id', 'desc').executeTakeFirst();
      if (!session) {
        const opened = await parts.proctoring.attempts.startInAssessment(actor, {
          assessmentId, problemId, deadlineAtMs: Number(attempt.deadlineAtMs), settings: await rulesOf(assessment, problemId),
        });
        session = { id: opened.attempt.id, endReason: null };
      }
      const made = await parts.submissions.create(actor, {
        problemId, language: body.language, code: body.code, mode: body.mode, customInput: body.customInput ?? null, attemptId: session.id,
      }, { viaAssessment: true });
      if (body.mode === 'submit') await publishUpdate(deps, assessmentId, actor.userId, 'submission');
      return made;
    },

    /** Hands in early: the clock stops now and the latest code of each opened problem is auto-submitted. */
    async finish(actor: Actor, assessmentId: number): Promise<AssessmentAttempt> {
      const { assessment, attempt } = await running(actor, assessmentId);
      await clocks.endAttempt(attempt, 'submitted');
      return view(assessment, (await attemptOf(assessmentId, actor.userId))!);
    },
  };
}
export type TakingService = ReturnType<typeof createTakingService>;

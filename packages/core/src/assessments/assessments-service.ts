import {
  AppError, type Accommodation, type Assessment, type AssessmentBody, type ProctorSettings, type ScoringMode,
} from '@logicode/contracts';
import type { AssessmentRow } from '@logicode/db';
import type { Actor, CoreDeps } from '../context.js';
import { parseRules, type Access } from './access.js';
import type { Clocks } from './clocks.js';

/** The body after zod's defaults (the route validates it with assessmentBodySchema). */
export interface AssessmentInput {
  classId: number;
  title: string;
  instructions: string;
  problems: { problemId: number; points: number }[];
  windowStartAtMs: number;
  windowEndAtMs: number;
  durationMs: number;
  proctoring: ProctorSettings | null;
  showResultsToStudents: boolean;
  scoring: ScoringMode;
  accommodations: Accommodation[];
}
export type { AssessmentBody };

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;

/** The teacher's side: drafts, publishing, closing early, accommodations. */
export function createAssessmentsService(deps: CoreDeps, access: Access, clocks: Clocks) {
  const { db } = deps.db;

  async function view(row: AssessmentRow, className: string): Promise<Assessment> {
    const [problems, accommodations] = await Promise.all([
      db.selectFrom('assessmentProblems').innerJoin('problems', 'problems.id', 'assessmentProblems.problemId')
        .select(['assessmentProblems.problemId', 'assessmentProblems.points', 'problems.slug', 'problems.title'])
        .where('assessmentProblems.assessmentId', '=', row.id).orderBy('assessmentProblems.ordinal').execute(),
      db.selectFrom('assessmentAccommodations').select(['userId', 'extraTimeMs']).where('assessmentId', '=', row.id).orderBy('userId').execute(),
    ]);
    return {
      id: row.id, classId: row.classId, className, title: row.title, instructions: row.instructions,
      problems, totalPoints: problems.reduce((sum, p) => sum + p.points, 0),
      windowStartAtMs: Number(row.windowStartAtMs), windowEndAtMs: Number(row.windowEndAtMs), durationMs: Number(row.durationMs),
      proctoring: parseRules(row.proctoring), showResultsToStudents: row.showResults === 1, scoring: row.scoring,
      accommodations: accommodations.map((a) => ({ userId: a.userId, extraTimeMs: Number(a.extraTimeMs) })),
      status: row.status, createdBy: row.createdBy, createdAtMs: Number(row.createdAtMs),
      publishedAtMs: row.publishedAtMs === null ? null : Number(row.publishedAtMs),
      closedAtMs: row.closedAtMs === null ? null : Number(row.closedAtMs),
    };
  }

  async function checkProblems(input: AssessmentInput): Promise<void> {
    const ids = input.problems.map((p) => p.problemId);
    const found = await db.selectFrom('problems').select(['id', 'archivedAtMs']).where('id', 'in', ids).execute();
    if (found.length !== ids.length) {
      const known = new Set(found.map((f) => f.id));
      throw new AppError('VALIDATION', 'Some problems do not exist.', ids.filter((id) => !known.has(id)).map((id) => ({ path: 'problems', message: `No problem ${id}.` })));
    }
    const archived = found.filter((f) => f.archivedAtMs !== null).map((f) => f.id);
    if (archived.length > 0) throw new AppError('PROBLEM_ARCHIVED', 'Some problems are archived.', archived.map((id) => ({ path: 'problems', message: `Problem ${id} is archived.` })));
  }

  /** Extra time for a user who does not exist was a foreign-key 500; it is a 400 naming the unknown ids. */
  async function checkAccommodationUsers(accommodations: Accommodation[]): Promise<void> {
    const ids = [...new Set(accommodations.map((a) => a.userId))];
    if (ids.length === 0) return;
    const found = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
    if (found.length === ids.length) return;
    const known = new Set(found.map((f) => f.id));
    throw new AppError('VALIDATION', 'Some accommodations name users who do not exist.',
      ids.filter((id) => !known.has(id)).map((id) => ({ path: 'accommodations', message: `No user ${id}.` })));
  }

  function columns(input: AssessmentInput) {
    return {
      classId: input.classId, title: input.title, instructions: input.instructions,
      windowStartAtMs: input.windowStartAtMs, windowEndAtMs: input.windowEndAtMs, durationMs: input.durationMs,
      proctoring: input.proctoring ? JSON.stringify(input.proctoring) : null, showResults: input.showResultsToStudents ? 1 : 0,
      scoring: input.scoring, updatedAtMs: deps.clock.now(),
    };
  }

  async function writeChildren(assessmentId: number, input: AssessmentInput): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('assessmentProblems').where('assessmentId', '=', assessmentId).execute();
      await trx.insertInto('assessmentProblems').values(input.problems.map((p, ordinal) => ({ assessmentId, problemId: p.problemId, points: p.points, ordinal }))).execute();
      await trx.deleteFrom('assessmentAccommodations').where('assessmentId', '=', assessmentId).execute();
      if (input.accommodations.length > 0) {
        const byUser = new Map(input.accommodations.map((a) => [a.userId, a.extraTimeMs]));
        await trx.insertInto('assessmentAccommodations').values([...byUser].map(([userId, extraTimeMs]) => ({ assessmentId, userId, extraTimeMs }))).execute();
      }
    });
  }

  async function owned(actor: Actor, id: number): Promise<{ row: AssessmentRow; className: string }> {
    const { assessment, cls } = await access.ownedAssessment(actor, id);
    return { row: assessment, className: cls.name };
  }

  async function reload(id: number, className: string): Promise<Assessment> {
    return view(await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), className);
  }

  return {
    view,

    async create(actor: Actor, input: AssessmentInput): Promise<Assessment> {
      const cls = await access.ownedClass(actor, input.classId);
      await checkProblems(input);
      await checkAccommodationUsers(input.accommodations);
      const now = deps.clock.now();
      const inserted = await db.insertInto('assessments').values({
        ...columns(input), status: 'draft', createdBy: actor.userId, createdAtMs: now, publishedAtMs: null, closedAtMs: null,
      }).executeTakeFirstOrThrow();
      const id = Number(inserted.insertId);
      await writeChildren(id, input);
      return reload(id, cls.name);
    },

    async get(actor: Actor, id: number): Promise<Assessment> {
      const { row, className } = await owned(actor, id);
      return view(row, className);
    },

    async list(actor: Actor, classId?: number): Promise<Assessment[]> {
      let q = db.selectFrom('assessments').innerJoin('classes', 'classes.id', 'assessments.classId')
        .selectAll('assessments').select('classes.name as className');
      if (actor.role !== 'admin') q = q.where('classes.teacherId', '=', actor.userId);
      if (classId) q = q.where('assessments.classId', '=', classId);
      const rows = await q.orderBy('assessments.windowStartAtMs', 'desc').orderBy('assessments.id', 'desc').limit(500).execute();
      return Promise.all(rows.map(({ className, ...row }) => view(row, className)));
    },

    /** Drafts only: once published, students may have started, so only accommodations and closing remain. */
    async update(actor: Actor, id: number, input: AssessmentInput): Promise<Assessment> {
      const { row } = await owned(actor, id);
      if (row.status !== 'draft') throw new AppError('ASSESSMENT_NOT_DRAFT');
      const cls = await access.ownedClass(actor, input.classId);
      await checkProblems(input);
      await checkAccommodationUsers(input.accommodations);
      await db.updateTable('assessments').set(columns(input)).where('id', '=', id).execute();
      await writeChildren(id, input);
      return reload(id, cls.name);
    },

    async publish(actor: Actor, id: number): Promise<Assessment> {
      const { row, className } = await owned(actor, id);
      if (row.status !== 'draft') throw new AppError('ASSESSMENT_NOT_DRAFT');
      await db.updateTable('assessments').set({ status: 'published', publishedAtMs: deps.clock.now() }).where('id', '=', id).where('status', '=', 'draft').execute();
      return reload(id, className);
    },

    /** Closes early: running attempts end now, and their latest code is auto-submitted by the deadline sweep. */
    async close(actor: Actor, id: number): Promise<Assessment> {
      const { row, className } = await owned(actor, id);
      if (row.status !== 'published') throw new AppError('CONFLICT', 'Only a published assessment can be closed.');
      const now = deps.clock.now();
      await db.updateTable('assessments').set({ status: 'closed', closedAtMs: now }).where('id', '=', id).execute();
      const running = await db.selectFrom('assessmentAttempts').selectAll().where('assessmentId', '=', id)
        .where('endedAtMs', 'is', null).where('deadlineAtMs', '>', now).execute();
      for (const attempt of running) await clocks.endAttempt(attempt, 'closed');
      return reload(id, className);
    },

    /** Replaces the extra times; running attempts get their new deadline (still capped at the window's end). */
    async setAccommodations(actor: Actor, id: number, accommodations: Accommodation[]): Promise<Assessment> {
      const { row, className } = await owned(actor, id);
      if (row.status === 'closed') throw new AppError('CONFLICT', 'The assessment is closed.');
      await checkAccommodationUsers(accommodations);
      const byUser = new Map(accommodations.map((a) => [a.userId, a.extraTimeMs]));
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('assessmentAccommodations').where('assessmentId', '=', id).execute();
        if (byUser.size > 0) await trx.insertInto('assessmentAccommodations').values([...byUser].map(([userId, extraTimeMs]) => ({ assessmentId: id, userId, extraTimeMs }))).execute();
      });
      const running = await db.selectFrom('assessmentAttempts').selectAll().where('assessmentId', '=', id).where('endedAtMs', 'is', null).execute();
      for (const attempt of running) {
        if (Number(attempt.deadlineAtMs) <= deps.clock.now()) continue; // already over: time cannot be given back
        await clocks.setDeadline(attempt, clocks.deadlineOf(row, Number(attempt.startedAtMs), byUser.get(attempt.userId) ?? 0));
      }
      return reload(id, className);
    },
  };
}

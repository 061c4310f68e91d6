import { AppError, type ProctorSettings } from '@logicode/contracts';
import type { AssessmentRow, ClassRow } from '@logicode/db';
import type { Actor, CoreDeps } from '../context.js';

/**
 * Who may see what. A class belongs to its teacher (admins see all); a student sees only the classes they belong
 * to and only the published assessments of those. Anything else answers NOT_FOUND, so nothing leaks.
 */
export function createAccess(deps: CoreDeps) {
  const { db } = deps.db;

  function owns(actor: Actor, row: { teacherId: number }): boolean {
    return actor.role === 'admin' || (actor.role === 'teacher' && row.teacherId === actor.userId);
  }

  async function isMember(classId: number, userId: number): Promise<boolean> {
    const row = await db.selectFrom('classMembers').select('userId').where('classId', '=', classId).where('userId', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  return {
    owns,
    isMember,

    /** The class, if the actor is its teacher or an admin. */
    async ownedClass(actor: Actor, classId: number): Promise<ClassRow> {
      const row = await db.selectFrom('classes').selectAll().where('id', '=', classId).executeTakeFirst();
      if (!row || !owns(actor, row)) throw new AppError('NOT_FOUND', 'No such class.');
      return row;
    },

    /** The assessment and its class, if the actor owns the class. */
    async ownedAssessment(actor: Actor, assessmentId: number): Promise<{ assessment: AssessmentRow; cls: ClassRow }> {
      const assessment = await db.selectFrom('assessments').selectAll().where('id', '=', assessmentId).executeTakeFirst();
      const cls = assessment ? await db.selectFrom('classes').selectAll().where('id', '=', assessment.classId).executeTakeFirst() : undefined;
      if (!assessment || !cls || !owns(actor, cls)) throw new AppError('NOT_FOUND', 'No such assessment.');
      return { assessment, cls };
    },

    /** A published (or closed) assessment of one of the student's classes. Drafts are invisible to students. */
    async visibleAssessment(actor: Actor, assessmentId: number): Promise<{ assessment: AssessmentRow; className: string }> {
      const row = await db.selectFrom('assessments').innerJoin('classes', 'classes.id', 'assessments.classId')
        .selectAll('assessments').select('classes.name as className')
        .where('assessments.id', '=', assessmentId).executeTakeFirst();
      if (!row || row.status === 'draft' || !(await isMember(row.classId, actor.userId))) {
        throw new AppError('NOT_FOUND', 'No such assessment.');
      }
      const { className, ...assessment } = row;
      return { assessment, className };
    },
  };
}
export type Access = ReturnType<typeof createAccess>;

export function parseRules(json: string | null): ProctorSettings | null {
  return json ? (JSON.parse(json) as ProctorSettings) : null;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
    || /UNIQUE constraint/.test(e?.message ?? '');
}

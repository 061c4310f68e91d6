import { AppError } from '@logicode/contracts';
import { createAccess, type Access } from '../assessments/access.js';
import type { Actor, CoreDeps } from '../context.js';

/**
 * The one rule of who a teacher sees (docs/access.md): the students of the teacher's own classes (class
 * membership) and the attempts in the teacher's own assessments. An admin sees everyone; so does every teacher
 * with TEACHER_SCOPE=all (a one-teacher school). Outside the scope a read answers NOT_FOUND, as a class or an
 * assessment of another teacher already does (assessments/access.ts), so nothing says that the student exists.
 */
export type TeacherScopeSetting = 'classes' | 'all';

export interface Scope {
  /** Every student: an admin, or TEACHER_SCOPE=all. */
  readonly all: boolean;
  /** The students in scope when not `all` (ascending ids; empty for a teacher without classes, or a student). */
  readonly userIds: readonly number[];
  has(userId: number): boolean;
}

/**
 * How long one lookup of a teacher's students (or of a student's teachers) is reused. Short, so a student added
 * to (or removed from) a class is seen within seconds; long enough that a dashboard's burst of requests and a
 * student's burst of events cost one indexed query, not one each.
 */
export const SCOPE_FRESH_MS = 2000;
/** Entries kept before the whole memo is dropped (a bound, not an LRU: a school has far fewer teachers). */
const MAX_ENTRIES = 10_000;

const EVERYONE: Scope = { all: true, userIds: [], has: () => true };
const NOBODY: Scope = { all: false, userIds: [], has: () => false };

interface Memo<T> { value: Promise<T>; untilMs: number }

function memoised<T>(deps: CoreDeps, load: (key: number) => Promise<T>) {
  const entries = new Map<number, Memo<T>>();
  const read = (key: number): Promise<T> => {
    const now = deps.clock.now();
    const hit = entries.get(key);
    if (hit && hit.untilMs > now) return hit.value;
    if (entries.size > MAX_ENTRIES) entries.clear();
    const value = load(key);
    const entry = { value, untilMs: now + SCOPE_FRESH_MS };
    entries.set(key, entry);
    // A failed lookup is not remembered: the next call asks the database again.
    value.catch(() => entries.get(key) === entry && entries.delete(key));
    return value;
  };
  /** Drops a key at once (a class membership changed: the next read asks the database). */
  const forget = (key: number): void => void entries.delete(key);
  return Object.assign(read, { forget });
}

/**
 * Published when a student leaves a teacher's class (every process forgets its memo of both; every gateway
 * re-checks the feed:student rooms its sockets joined while the student was in scope).
 */
export const SCOPE_CHANNEL = 'scope:changed';
export interface ScopeChangeMessage { teacherId: number; studentId: number }

export function createTeacherScope(deps: CoreDeps) {
  const { db } = deps.db;
  const access: Access = createAccess(deps);
  const setting: TeacherScopeSetting = deps.config.teacherScope ?? 'classes';

  // One indexed query each way: classes_teacher_idx (teacher_id, id) then the class_members primary key; and
  // class_members_user_idx (user_id, class_id) then the classes primary key.
  const studentsOf = memoised(deps, async (teacherId): Promise<Scope> => {
    const rows = await db.selectFrom('classMembers').innerJoin('classes', 'classes.id', 'classMembers.classId')
      .select('classMembers.userId').distinct().where('classes.teacherId', '=', teacherId).orderBy('classMembers.userId').execute();
    const ids = rows.map((r) => r.userId);
    const set = new Set(ids);
    return { all: false, userIds: ids, has: (userId) => set.has(userId) };
  });
  const teachersOfStudent = memoised(deps, async (studentId): Promise<number[]> => {
    const rows = await db.selectFrom('classMembers').innerJoin('classes', 'classes.id', 'classMembers.classId')
      .select('classes.teacherId').distinct().where('classMembers.userId', '=', studentId).execute();
    return rows.map((r) => r.teacherId);
  });

  /** Whether the actor owns the assessment (admins own all); false for none or a missing one. */
  async function ownsAssessment(actor: Actor, assessmentId: number | null): Promise<boolean> {
    if (assessmentId === null) return false;
    return access.ownedAssessment(actor, assessmentId).then(() => true, () => false);
  }

  const scope = {
    setting,

    /** Whether the actor sees every student (an admin, or any teacher with TEACHER_SCOPE=all). */
    seesEveryone(actor: Actor): boolean {
      return actor.role === 'admin' || (actor.role === 'teacher' && setting === 'all');
    },

    /** The students the actor may see. A student (never a caller of teacher routes) sees nobody through it. */
    of(actor: Actor): Promise<Scope> {
      if (scope.seesEveryone(actor)) return Promise.resolve(EVERYONE);
      if (actor.role !== 'teacher') return Promise.resolve(NOBODY);
      return studentsOf(actor.userId);
    },

    async hasStudent(actor: Actor, userId: number): Promise<boolean> {
      return (await scope.of(actor)).has(userId);
    },

    /** NOT_FOUND unless the student is in the actor's scope. */
    async requireStudent(actor: Actor, userId: number, message = 'No such student.'): Promise<void> {
      if (!(await scope.hasStudent(actor, userId))) throw new AppError('NOT_FOUND', message);
    },

    /** An attempt is in scope when its student is, or when it belongs to one of the actor's own assessments. */
    async hasAttempt(actor: Actor, attempt: { userId: number; assessmentId: number | null }): Promise<boolean> {
      return (await scope.hasStudent(actor, attempt.userId)) || ownsAssessment(actor, attempt.assessmentId);
    },

    /**
     * The students of one of the actor's own classes (an admin: any class), for filters and per-class views;
     * another teacher's class answers NOT_FOUND, as a missing one does.
     */
    async classStudents(actor: Actor, classId: number): Promise<number[]> {
      await access.ownedClass(actor, classId);
      const rows = await db.selectFrom('classMembers').select('userId').where('classId', '=', classId).orderBy('userId').execute();
      return rows.map((r) => r.userId);
    },

    /** NOT_FOUND unless the actor owns the assessment (an admin owns all). */
    async requireAssessment(actor: Actor, assessmentId: number): Promise<void> {
      if (!(await ownsAssessment(actor, assessmentId))) throw new AppError('NOT_FOUND', 'No such assessment.');
    },

    async requireAttempt(actor: Actor, attempt: { userId: number; assessmentId: number | null }, message = 'No such attempt.'): Promise<void> {
      if (!(await scope.hasAttempt(actor, attempt))) throw new AppError('NOT_FOUND', message);
    },

    /** The teachers whose classes hold the student (for the feed:teacher:<id> rooms), cached briefly. */
    teachersOf: (studentId: number): Promise<number[]> => teachersOfStudent(studentId),

    /** Forgets what this process remembered of a teacher's students and of the student's teachers. */
    forget(change: ScopeChangeMessage): void {
      studentsOf.forget(change.teacherId);
      teachersOfStudent.forget(change.studentId);
    },

    ownsAssessment,
  };
  return scope;
}
export type TeacherScope = ReturnType<typeof createTeacherScope>;

const scopes = new WeakMap<CoreDeps, TeacherScope>();

/** The process's one scope (per deps), so every service and the gateway share its short cache. */
export function teacherScopeOf(deps: CoreDeps): TeacherScope {
  let scope = scopes.get(deps);
  if (!scope) scopes.set(deps, (scope = createTeacherScope(deps)));
  return scope;
}

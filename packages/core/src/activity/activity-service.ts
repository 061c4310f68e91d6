import { ACTIVITY_DAYS, type ActivityDay, type ClassProgress, type ClassProgressQuery, type MyActivity } from '@logicode/contracts';
import { teacherScopeOf } from '../access/teacher-scope.js';
import type { Actor, CoreDeps } from '../context.js';

const DAY_MS = 86_400_000;

/** '2026-12-07' for the UTC day holding `ms`. */
export function dayKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The start (ms) of the UTC day `daysBack` days before the one holding `nowMs`. */
function dayStartMs(nowMs: number, daysBack: number): number {
  const d = new Date(nowMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - daysBack * DAY_MS;
}

/**
 * Per-day counts for the charts (issue 19). Rows are read by index (submissions by user_id then problem; solved by
 * user) and folded into days here: a year of one student's submissions, or a class's solves over two months, is
 * a few thousand rows at most, and day arithmetic in SQL differs between SQLite and MariaDB.
 */
export function createActivityService(deps: CoreDeps) {
  const { db } = deps.db;
  const scope = teacherScopeOf(deps);

  return {
    /** The caller's own Runs and Submits per day over the last year (their activity calendar). */
    async mine(actor: Actor): Promise<MyActivity> {
      const now = deps.clock.now();
      const fromMs = dayStartMs(now, ACTIVITY_DAYS - 1);
      const rows = await db.selectFrom('submissions').select(['createdAtMs', 'mode', 'verdict'])
        .where('userId', '=', actor.userId).where('createdAtMs', '>=', fromMs).execute();
      const days = new Map<string, ActivityDay>();
      for (const row of rows) {
        const day = dayKey(Number(row.createdAtMs));
        let entry = days.get(day);
        if (!entry) days.set(day, (entry = { day, submits: 0, accepted: 0, runs: 0 }));
        if (row.mode === 'run') entry.runs++;
        else {
          entry.submits++;
          if (row.verdict === 'AC') entry.accepted++;
        }
      }
      return { fromDay: dayKey(fromMs), toDay: dayKey(now), days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)) };
    },

    /**
     * Problems first solved per day by the students of one class (the class's teacher or an admin; another
     * teacher's class answers NOT_FOUND through the one scope rule, access/teacher-scope.ts).
     */
    async classProgress(actor: Actor, classId: number, query: ClassProgressQuery): Promise<ClassProgress> {
      const students = await scope.classStudents(actor, classId);
      const now = deps.clock.now();
      const fromMs = dayStartMs(now, query.days - 1);
      const base = { classId, students: students.length, fromDay: dayKey(fromMs), toDay: dayKey(now) };
      if (students.length === 0) return { ...base, days: [], solvedBefore: 0 };
      const [recent, before] = await Promise.all([
        db.selectFrom('solved').select(['userId', 'solvedAtMs']).where('userId', 'in', students).where('solvedAtMs', '>=', fromMs).execute(),
        db.selectFrom('solved').select((eb) => eb.fn.countAll<number>().as('n')).where('userId', 'in', students).where('solvedAtMs', '<', fromMs).executeTakeFirstOrThrow(),
      ]);
      const days = new Map<string, { solved: number; who: Set<number> }>();
      for (const row of recent) {
        const day = dayKey(Number(row.solvedAtMs));
        let entry = days.get(day);
        if (!entry) days.set(day, (entry = { solved: 0, who: new Set() }));
        entry.solved++;
        entry.who.add(row.userId);
      }
      return {
        ...base,
        solvedBefore: Number(before.n),
        days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, e]) => ({ day, solved: e.solved, students: e.who.size })),
      };
    },
  };
}
export type ActivityService = ReturnType<typeof createActivityService>;

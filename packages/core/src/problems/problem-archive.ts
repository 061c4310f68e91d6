import { AppError } from '@logicode/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '@logicode/db';

/**
 * Everything that refers to a problem and must outlive a click: a student's work, grades and evidence. A problem
 * any of these name is archived (hidden), never purged; the counts go back to the admin in the 409's details.
 */
const REFERENCES = [
  'submissions', 'solved', 'problemSessions', 'proctorEvents', 'codeSnapshots', 'proctorFlags',
  'assessmentProblems', 'scoreAdjustments', 'plagiarismRuns', 'plagiarismPairs',
] as const;

export type ProblemReferences = Partial<Record<(typeof REFERENCES)[number], number>>;

/** How many rows of each kind name the problem; only the kinds with at least one. */
export async function problemReferences(db: Kysely<Database>, problemId: number): Promise<ProblemReferences> {
  const counts = await Promise.all(REFERENCES.map(async (table) => {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
      .where('problemId', '=', problemId).executeTakeFirstOrThrow();
    return [table, Number(row.n)] as const;
  }));
  return Object.fromEntries(counts.filter(([, n]) => n > 0));
}

/**
 * Archive, restore and purge. Archiving hides a problem from students (it is unpublished: the catalog, the
 * leaderboard, practice Run/Submit and attempts all check `isPublished`) and from new assessments, and keeps
 * every row that refers to it. Restoring makes it an unpublished draft again. Purging deletes an archived problem
 * that nothing refers to (its tests, languages and reference solutions go with it).
 */
export function createProblemArchive(db: Kysely<Database>, deps: { now: () => number; invalidate: () => Promise<void> }) {
  async function archivedAt(id: number): Promise<number | null> {
    const row = await db.selectFrom('problems').select('archivedAtMs').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'No such problem.');
    return row.archivedAtMs === null ? null : Number(row.archivedAtMs);
  }

  return {
    archivedAt,

    /** Idempotent: archiving again keeps the first time. */
    async archive(id: number): Promise<void> {
      if ((await archivedAt(id)) !== null) return;
      const now = deps.now();
      await db.updateTable('problems').set({ archivedAtMs: now, isPublished: 0, updatedAtMs: now })
        .where('id', '=', id).where('archivedAtMs', 'is', null).execute();
      await deps.invalidate();
    },

    async restore(id: number): Promise<void> {
      if ((await archivedAt(id)) === null) return;
      await db.updateTable('problems').set({ archivedAtMs: null, updatedAtMs: deps.now() }).where('id', '=', id).execute();
      await deps.invalidate();
    },

    /** 409 CONFLICT unless archived first; 409 PROBLEM_IN_USE (with the counts) while anything refers to it. */
    async purge(id: number): Promise<void> {
      if ((await archivedAt(id)) === null) throw new AppError('CONFLICT', 'Archive the problem before purging it.');
      const references = await problemReferences(db, id);
      if (Object.keys(references).length > 0) throw new AppError('PROBLEM_IN_USE', undefined, references);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('proctorSettings').where('problemId', '=', id).execute();
        await trx.deleteFrom('problems').where('id', '=', id).where('archivedAtMs', 'is not', null).execute();
      });
      await deps.invalidate();
    },
  };
}

import type { CoreDeps } from '../context.js';

/** How old (in days) each kind of data may get. Defaults follow the original's cleanup script (§5.7). */
export interface RetentionAges {
  lowSeverityEventsDays: number;
  allEventsDays: number;
  snapshotsDays: number;
  endedSessionsDays: number;
}

export const DEFAULT_RETENTION: RetentionAges = {
  lowSeverityEventsDays: 7,
  allEventsDays: 30,
  snapshotsDays: 30,
  endedSessionsDays: 90,
};

export interface RetentionReport {
  dryRun: boolean;
  /** Rows deleted, or with dryRun rows that would be deleted. */
  lowSeverityEvents: number;
  events: number;
  snapshots: number;
  endedSessions: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * Deletes old proctoring data. With dryRun it only counts (the original's dry run deleted: B42).
 * Flags and their audit trail are kept: they are the record of a teacher's review. Sessions with open flags
 * are kept too, whatever their age.
 */
export async function runRetention(deps: CoreDeps, ages: RetentionAges, options: { dryRun: boolean }): Promise<RetentionReport> {
  const { db } = deps.db;
  const now = deps.clock.now();
  const before = (days: number) => now - days * DAY_MS;
  const lowCut = before(ages.lowSeverityEventsDays);
  const allCut = before(ages.allEventsDays);
  const snapCut = before(ages.snapshotsDays);
  const sessionCut = before(ages.endedSessionsDays);

  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    Number((await query.executeTakeFirstOrThrow()).n);

  const lowWhere = db.selectFrom('proctorEvents').where('severity', 'in', ['info', 'low']).where('createdAtMs', '<', lowCut).where('createdAtMs', '>=', allCut);
  const report: RetentionReport = {
    dryRun: options.dryRun,
    lowSeverityEvents: await count(lowWhere.select((eb) => eb.fn.countAll<number>().as('n'))),
    events: await count(db.selectFrom('proctorEvents').where('createdAtMs', '<', allCut).select((eb) => eb.fn.countAll<number>().as('n'))),
    snapshots: await count(db.selectFrom('codeSnapshots').where('createdAtMs', '<', snapCut).select((eb) => eb.fn.countAll<number>().as('n'))),
    endedSessions: await count(endedSessions(deps, sessionCut).select((eb) => eb.fn.countAll<number>().as('n'))),
  };
  if (options.dryRun) return report;

  await db.deleteFrom('proctorEvents').where('severity', 'in', ['info', 'low']).where('createdAtMs', '<', lowCut).execute();
  await db.deleteFrom('proctorEvents').where('createdAtMs', '<', allCut).execute();
  await db.deleteFrom('codeSnapshots').where('createdAtMs', '<', snapCut).execute();
  const ids = (await endedSessions(deps, sessionCut).select('id').limit(10_000).execute()).map((r) => r.id);
  if (ids.length > 0) await db.deleteFrom('problemSessions').where('id', 'in', ids).execute();
  return report;
}

function endedSessions(deps: CoreDeps, cutoffMs: number) {
  return deps.db.db.selectFrom('problemSessions')
    .where('isActive', '=', 0)
    .where('endedAtMs', '<', cutoffMs)
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('proctorFlags').select('proctorFlags.id')
        .whereRef('proctorFlags.attemptId', '=', 'problemSessions.id').where('proctorFlags.status', '=', 'open'),
    )));
}

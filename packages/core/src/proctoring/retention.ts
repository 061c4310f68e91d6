import type { Database } from '@logicode/db';
import type { ExpressionBuilder, Kysely } from 'kysely';
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
  // Events and snapshots live on every shard (the main database alone without DATABASE_SHARD_URLS).
  const shards = deps.db.shards.all();
  const sum = async (each: (shard: Kysely<Database>) => Promise<number>) => (await Promise.all(shards.map(each))).reduce((a, b) => a + b, 0);
  const countAll = (eb: ExpressionBuilder<Database, 'proctorEvents' | 'codeSnapshots'>) => eb.fn.countAll<number>().as('n');

  const report: RetentionReport = {
    dryRun: options.dryRun,
    lowSeverityEvents: await sum((shard) => count(shard.selectFrom('proctorEvents').where('severity', 'in', ['info', 'low'])
      .where('createdAtMs', '<', lowCut).where('createdAtMs', '>=', allCut).select(countAll))),
    events: await sum((shard) => count(shard.selectFrom('proctorEvents').where('createdAtMs', '<', allCut).select(countAll))),
    snapshots: await sum((shard) => count(shard.selectFrom('codeSnapshots').where('createdAtMs', '<', snapCut).select(countAll))),
    endedSessions: await count(endedSessions(deps, sessionCut).select((eb) => eb.fn.countAll<number>().as('n'))),
  };
  if (options.dryRun) return report;

  await Promise.all(shards.map(async (shard) => {
    await shard.deleteFrom('proctorEvents').where('severity', 'in', ['info', 'low']).where('createdAtMs', '<', lowCut).execute();
    await shard.deleteFrom('proctorEvents').where('createdAtMs', '<', allCut).execute();
    await shard.deleteFrom('codeSnapshots').where('createdAtMs', '<', snapCut).execute();
  }));
  const ended = await endedSessions(deps, sessionCut).select(['id', 'userId']).limit(10_000).execute();
  if (ended.length > 0) {
    await db.deleteFrom('problemSessions').where('id', 'in', ended.map((r) => r.id)).execute();
    await dropNumbering(deps, ended);
  }
  return report;
}

/**
 * Sharded: a deleted attempt's event numbering (sharded-writer.ts) goes too. Safe: no event is stored for an
 * attempt that no longer exists on the main database.
 */
async function dropNumbering(deps: CoreDeps, attempts: { id: number; userId: number }[]) {
  const { shards } = deps.db;
  if (!shards.sharded) return;
  const byShard = new Map<number, number[]>();
  for (const a of attempts) byShard.set(shards.indexOf(a.userId), [...(byShard.get(shards.indexOf(a.userId)) ?? []), a.id]);
  await Promise.all([...byShard].map(([index, ids]) => shards.folding(index).deleteFrom('proctorAttemptSeqs').where('attemptId', 'in', ids).execute()));
}

function endedSessions(deps: CoreDeps, cutoffMs: number) {
  return deps.db.db.selectFrom('problemSessions')
    .where('isActive', '=', 0)
    // An assessment's attempts carry its submissions and scores (assessments/data.ts): kept while it exists.
    .where('assessmentId', 'is', null)
    .where('endedAtMs', '<', cutoffMs)
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom('proctorFlags').select('proctorFlags.id')
        .whereRef('proctorFlags.attemptId', '=', 'problemSessions.id').where('proctorFlags.status', '=', 'open'),
    )));
}

import { sql } from 'kysely';
import type { ProblemStat, ProblemStats } from '@logicode/contracts';
import type { Actor, CoreDeps } from '../context.js';

/** Under `problems:`, so every problem write drops it with the rest of the catalog cache. */
const KEY = 'problems:stats';
/** One grouped scan of the submissions per minute at most, whatever the traffic. */
const TTL_MS = 60_000;

/** Acceptance counts per published problem (cached), and the caller's attempted problems (read on every call). */
export async function problemStats(deps: CoreDeps, actor: Actor | null): Promise<ProblemStats> {
  const { db } = deps.db;
  let problems = await deps.cache.get<ProblemStat[]>(KEY);
  if (!problems) {
    const rows = await db
      .selectFrom('submissions')
      .innerJoin('problems', 'problems.id', 'submissions.problemId')
      .select([
        'submissions.problemId as id',
        (eb) => eb.fn.countAll<number>().as('submissions'),
        sql<number>`sum(case when ${sql.ref('submissions.verdict')} = 'AC' then 1 else 0 end)`.as('accepted'),
      ])
      .where('submissions.mode', '=', 'submit')
      .where('submissions.status', '=', 'done')
      .where('problems.isPublished', '=', 1)
      .where('problems.archivedAtMs', 'is', null)
      .groupBy('submissions.problemId')
      .execute();
    // MariaDB answers sums and counts as strings (DECIMAL, BIGINT): numbers here, once.
    problems = rows.map((r) => ({ id: r.id, submissions: Number(r.submissions), accepted: Number(r.accepted) }));
    await deps.cache.set(KEY, problems, TTL_MS);
  }
  const attempted = actor
    ? (await db.selectFrom('submissions').select('problemId').distinct().where('userId', '=', actor.userId).where('mode', '=', 'submit').execute())
      .map((r) => r.problemId)
    : null;
  return { problems, attempted };
}

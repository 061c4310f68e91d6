import { sql } from 'kysely';
import type { ProblemStat, ProblemStats } from '@logicode/contracts';
import type { Actor, CoreDeps } from '../context.js';
import { parseTags } from './problem-mapper.js';

/** Under `problems:`, so every problem write drops it with the rest of the catalog cache. */
const KEY = 'problems:stats';
/** One grouped scan of the submissions per minute at most, whatever the traffic. */
const TTL_MS = 60_000;

/** Acceptance counts per published problem and tag counts (cached), and the caller's attempted problems (read on every call). */
export async function problemStats(deps: CoreDeps, actor: Actor | null): Promise<ProblemStats> {
  const { db } = deps.db;
  let cached = await deps.cache.get<Pick<ProblemStats, 'problems' | 'tagCounts'>>(KEY);
  if (!cached) {
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
    const problems: ProblemStat[] = rows.map((r) => ({ id: r.id, submissions: Number(r.submissions), accepted: Number(r.accepted) }));
    const tagRows = await db.selectFrom('problems').select('tags').where('isPublished', '=', 1).where('archivedAtMs', 'is', null).execute();
    const tagCounts: Record<string, number> = {};
    for (const tag of tagRows.flatMap((r) => parseTags(r.tags))) tagCounts[tag] = (tagCounts[tag] ?? 0) + 1;
    cached = { problems, tagCounts };
    await deps.cache.set(KEY, cached, TTL_MS);
  }
  const attempted = actor
    ? (await db.selectFrom('submissions').select('problemId').distinct().where('userId', '=', actor.userId).where('mode', '=', 'submit').execute())
      .map((r) => r.problemId)
    : null;
  return { ...cached, attempted };
}

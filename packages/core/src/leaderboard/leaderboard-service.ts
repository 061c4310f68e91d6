import { sql } from 'kysely';
import { CATEGORIES, DIFFICULTIES, leaderboardPageSchema, type LeaderboardPage, type LeaderboardRow, type Progress } from '@logicode/contracts';
import { compareRanked, createMemoryRanking, type Ranked, type RankedEntry, type Ranking } from '@logicode/platform';
import type { Actor, CoreDeps } from '../context.js';

/** Points per solved problem by difficulty: a hard problem is worth four easy ones. */
export const POINTS = { easy: 10, medium: 20, hard: 40 } as const;
/** A full refill from the database at least this often heals what upserts missed (a problem's difficulty edited, a user deleted). */
const RANKING_MAX_AGE_MS = 5 * 60_000;

/** The usual categories in their usual order; a category an author added sorts after them. */
function rankOfCategory(category: string): number {
  const i = (CATEGORIES as readonly string[]).indexOf(category);
  return i === -1 ? CATEGORIES.length : i;
}

interface Standing {
  name: string;
  solvedCount: number;
  points: number;
}

export type LeaderboardService = ReturnType<typeof createLeaderboardService>;

/**
 * Students ranked by points, then solved count, then who got there first. The ranking lives in a ranked set
 * (in memory embedded; a Redis sorted set every process shares when REDIS_URL is set), filled from one grouped
 * query and moved one student at a time when a submission is accepted, so a read never scans the solved table.
 */
export function createLeaderboardService(deps: CoreDeps) {
  const { db } = deps.db;
  const ranking: Ranking<Standing> = deps.ranking?.<Standing>('leaderboard', RANKING_MAX_AGE_MS)
    ?? createMemoryRanking<Standing>({ clock: deps.clock, maxAgeMs: RANKING_MAX_AGE_MS });

  function standings(userId?: number) {
    let query = db.selectFrom('solved')
      .innerJoin('problems', 'problems.id', 'solved.problemId')
      .innerJoin('users', 'users.id', 'solved.userId')
      .select([
        'solved.userId as userId',
        'users.name as name',
        (eb) => eb.fn.countAll<number>().as('solvedCount'),
        sql<number>`sum(case ${sql.ref('problems.difficulty')} when 'easy' then ${POINTS.easy} when 'medium' then ${POINTS.medium} else ${POINTS.hard} end)`.as('points'),
        (eb) => eb.fn.max('solved.solvedAtMs').as('lastSolvedAtMs'),
      ])
      .where('users.role', '=', 'student');
    if (userId !== undefined) query = query.where('solved.userId', '=', userId);
    return query.groupBy(['solved.userId', 'users.name']).execute()
      .then((rows) => rows.map((r): RankedEntry<Standing> => ({
        id: r.userId, score: Number(r.points) * 1000 + Number(r.solvedCount), tieBreak: Number(r.lastSolvedAtMs),
        data: { name: r.name, solvedCount: Number(r.solvedCount), points: Number(r.points) },
      })));
  }

  // Concurrent readers of an empty ranking wait for one fill, not one each.
  let filling: Promise<boolean> | null = null;
  async function ensureFilled(): Promise<boolean> {
    if (await ranking.ready()) return true;
    filling ??= (async () => {
      const token = await ranking.beginFill();
      return ranking.replace(await standings(), token);
    })().finally(() => {
      filling = null;
    });
    return filling;
  }

  const toRow = (r: Ranked<Standing>): LeaderboardRow => ({
    rank: r.rank, userId: r.id, name: r.data.name, solvedCount: r.data.solvedCount, points: r.data.points, lastSolvedAt: new Date(r.tieBreak).toISOString(),
  });

  // The shared part of a page as JSON (everything before the caller's own `me` row), built and checked against
  // the response schema once per ranking version where the ranking can tell one (in memory); by page and size.
  // `anonymous`: the whole page for a caller without a row of their own, as bytes (sent as is on every such read).
  const shared = new Map<string, { version: string; head: string; anonymous: Buffer }>();
  const MAX_SHARED_PAGES = 200;
  const ME_TAIL = 'null}';

  async function sharedPage(page: number, pageSize: number): Promise<{ head: string; anonymous: Buffer } | null> {
    const version = ranking.version?.();
    if (version === undefined || !(await ensureFilled())) return null;
    const key = `${page}:${pageSize}`;
    const known = shared.get(key);
    if (known && known.version === version) return known;
    const { entries, total } = await ranking.page((page - 1) * pageSize, pageSize);
    // The ranking changed while the page was read: build it, but do not keep it.
    const text = JSON.stringify(leaderboardPageSchema.parse({ items: entries.map(toRow), page, pageSize, total, me: null }));
    if (!text.endsWith(ME_TAIL)) throw new Error('A leaderboard page does not end with its `me` field');
    const built = { version, head: text.slice(0, -ME_TAIL.length), anonymous: Buffer.from(text) };
    if (ranking.version?.() === version) {
      if (shared.size >= MAX_SHARED_PAGES && !known) shared.clear();
      shared.set(key, built);
    }
    return built;
  }

  const service = {
    /** `leaderboard` as response JSON: the shared page's text reused while the ranking is unchanged. */
    async leaderboardJson(actor: Actor | null, page: number, pageSize: number): Promise<string | Buffer> {
      const built = await sharedPage(page, pageSize);
      if (built === null) return JSON.stringify(await service.leaderboard(actor, page, pageSize));
      const me = actor ? await ranking.get(actor.userId) : null;
      if (!me) return built.anonymous;
      return `${built.head}${JSON.stringify(leaderboardPageSchema.shape.me.parse(toRow(me)))}}`;
    },

    async leaderboard(actor: Actor | null, page: number, pageSize: number): Promise<LeaderboardPage> {
      if (!(await ensureFilled())) {
        // A fill raced a solve and was discarded: answer from the database this once.
        const all = (await standings()).sort(compareRanked).map((e, i) => toRow({ ...e, rank: i + 1 }));
        return {
          items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length,
          me: actor ? (all.find((r) => r.userId === actor.userId) ?? null) : null,
        };
      }
      const [{ entries, total }, me] = await Promise.all([
        ranking.page((page - 1) * pageSize, pageSize),
        actor ? ranking.get(actor.userId) : null,
      ]);
      return { items: entries.map(toRow), page, pageSize, total, me: me ? toRow(me) : null };
    },

    /** A student newly solved a problem (after the commit): move them in the ranking. */
    async recordSolve(userId: number): Promise<void> {
      const [standing] = await standings(userId);
      if (standing) await ranking.upsert(standing);
    },

    /** Solved counts by category and difficulty against what is published, and the latest solves. */
    async progress(actor: Actor): Promise<Progress> {
      const [totals, solved, recent] = await Promise.all([
        db.selectFrom('problems').select(['category', 'difficulty', (eb) => eb.fn.countAll<number>().as('n')])
          .where('isPublished', '=', 1).groupBy(['category', 'difficulty']).execute(),
        db.selectFrom('solved').innerJoin('problems', 'problems.id', 'solved.problemId')
          .select(['problems.category as category', 'problems.difficulty as difficulty', (eb) => eb.fn.countAll<number>().as('n')])
          .where('solved.userId', '=', actor.userId).groupBy(['problems.category', 'problems.difficulty']).execute(),
        db.selectFrom('solved').innerJoin('problems', 'problems.id', 'solved.problemId')
          .select(['problems.id as problemId', 'problems.title as title', 'problems.difficulty as difficulty', 'solved.solvedAtMs as solvedAtMs'])
          .where('solved.userId', '=', actor.userId).orderBy('solved.solvedAtMs', 'desc').limit(10).execute(),
      ]);
      const sum = (rows: { n: number }[]) => rows.reduce((acc, r) => acc + Number(r.n), 0);
      const pick = <K extends 'category' | 'difficulty'>(key: K, value: string) => ({
        solved: sum(solved.filter((r) => r[key] === value)),
        total: sum(totals.filter((r) => r[key] === value)),
      });
      return {
        solvedCount: sum(solved),
        totalProblems: sum(totals),
        points: solved.reduce((acc, r) => acc + Number(r.n) * POINTS[r.difficulty], 0),
        // The categories in use (authors may add their own), the usual ones first in their usual order.
        byCategory: [...new Set(totals.map((r) => r.category))]
          .sort((a, b) => rankOfCategory(a) - rankOfCategory(b) || a.localeCompare(b))
          .map((category) => ({ category, ...pick('category', category) })).filter((c) => c.total > 0),
        byDifficulty: DIFFICULTIES.map((difficulty) => ({ difficulty, ...pick('difficulty', difficulty) })),
        recent: recent.map((r) => ({ problemId: r.problemId, title: r.title, difficulty: r.difficulty, solvedAt: new Date(Number(r.solvedAtMs)).toISOString() })),
      };
    },
  };
  return service;
}

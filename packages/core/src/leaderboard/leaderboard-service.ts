import { sql } from 'kysely';
import { CATEGORIES, DIFFICULTIES, type LeaderboardPage, type LeaderboardRow, type Progress } from '@logicode/contracts';
import type { Actor, CoreDeps } from '../context.js';

/** Points per solved problem by difficulty: a hard problem is worth four easy ones. */
export const POINTS = { easy: 10, medium: 20, hard: 40 } as const;
const CACHE_KEY = 'leaderboard:ranking';
const CACHE_TTL_MS = 10_000;


export type LeaderboardService = ReturnType<typeof createLeaderboardService>;

export function createLeaderboardService(deps: CoreDeps) {
  const { db } = deps.db;

  /** The whole ranking, cached briefly and dropped whenever a problem is newly solved. */
  async function ranking(): Promise<LeaderboardRow[]> {
    const cached = await deps.cache.get<LeaderboardRow[]>(CACHE_KEY);
    if (cached) return cached;
    const rows = await db.selectFrom('solved')
      .innerJoin('problems', 'problems.id', 'solved.problemId')
      .innerJoin('users', 'users.id', 'solved.userId')
      .select([
        'solved.userId as userId',
        'users.name as name',
        (eb) => eb.fn.countAll<number>().as('solvedCount'),
        sql<number>`sum(case ${sql.ref('problems.difficulty')} when 'easy' then ${POINTS.easy} when 'medium' then ${POINTS.medium} else ${POINTS.hard} end)`.as('points'),
        (eb) => eb.fn.max('solved.solvedAtMs').as('lastSolvedAtMs'),
      ])
      .where('users.role', '=', 'student')
      .groupBy(['solved.userId', 'users.name'])
      .execute();
    const sorted = rows
      .map((r) => ({ userId: r.userId, name: r.name, solvedCount: Number(r.solvedCount), points: Number(r.points), last: Number(r.lastSolvedAtMs) }))
      .sort((a, b) => b.points - a.points || b.solvedCount - a.solvedCount || a.last - b.last || a.userId - b.userId);
    const result = sorted.map((r, index) => ({
      rank: index + 1, userId: r.userId, name: r.name, solvedCount: r.solvedCount, points: r.points, lastSolvedAt: new Date(r.last).toISOString(),
    }));
    await deps.cache.set(CACHE_KEY, result, CACHE_TTL_MS);
    return result;
  }

  return {
    async leaderboard(actor: Actor | null, page: number, pageSize: number): Promise<LeaderboardPage> {
      const all = await ranking();
      return {
        items: all.slice((page - 1) * pageSize, page * pageSize),
        page,
        pageSize,
        total: all.length,
        me: actor ? (all.find((r) => r.userId === actor.userId) ?? null) : null,
      };
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
        byCategory: CATEGORIES.map((category) => ({ category, ...pick('category', category) })).filter((c) => c.total > 0),
        byDifficulty: DIFFICULTIES.map((difficulty) => ({ difficulty, ...pick('difficulty', difficulty) })),
        recent: recent.map((r) => ({ problemId: r.problemId, title: r.title, difficulty: r.difficulty, solvedAt: new Date(Number(r.solvedAtMs)).toISOString() })),
      };
    },
  };
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CATEGORIES, DIFFICULTIES, errorBodySchema, pageQuerySchema } from '@logicode/contracts';
import type { RouteDeps } from '../route-deps.js';

const rowSchema = z.object({
  rank: z.number().int(), userId: z.number().int(), name: z.string(), solvedCount: z.number().int(), points: z.number().int(), lastSolvedAt: z.string(),
});
const leaderboardSchema = z.object({
  items: z.array(rowSchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), me: rowSchema.nullable(),
});
const progressSchema = z.object({
  solvedCount: z.number().int(),
  totalProblems: z.number().int(),
  points: z.number().int(),
  byCategory: z.array(z.object({ category: z.enum(CATEGORIES), solved: z.number().int(), total: z.number().int() })),
  byDifficulty: z.array(z.object({ difficulty: z.enum(DIFFICULTIES), solved: z.number().int(), total: z.number().int() })),
  recent: z.array(z.object({ problemId: z.number().int(), title: z.string(), difficulty: z.enum(DIFFICULTIES), solvedAt: z.string() })),
});

export async function leaderboardRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { leaderboard } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/leaderboard', {
    schema: { tags: ['progress'], summary: 'Students ranked by points (easy 10, medium 20, hard 40)', querystring: pageQuerySchema, response: { 200: leaderboardSchema, 400: errorBodySchema } },
  }, async (request) => leaderboard.leaderboard(request.actor, request.query.page, request.query.pageSize));

  r.get('/api/me/progress', {
    onRequest: app.requireAuth,
    schema: { tags: ['progress'], summary: 'The caller\'s solved problems by category and difficulty', response: { 200: progressSchema, 401: errorBodySchema } },
  }, async (request) => leaderboard.progress(request.actor!));
}

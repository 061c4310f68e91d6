import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, leaderboardPageSchema, pageQuerySchema, progressSchema } from '@logicode/contracts';
import { sendJsonText } from '../json-body.js';
import type { RouteDeps } from '../route-deps.js';

export async function leaderboardRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { leaderboard } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/leaderboard', {
    schema: { tags: ['progress'], summary: 'Students ranked by points (easy 10, medium 20, hard 40)', querystring: pageQuerySchema, response: { 200: leaderboardPageSchema, 400: errorBodySchema } },
  }, async (request, reply) => {
    // Sent as a string, past the per-request zod re-check: the page is assembled field by field from typed
    // rows (LeaderboardPage, see leaderboard-service.ts toRow), so the check only cost CPU on a hot read.
    const page = await leaderboard.leaderboard(request.actor, request.query.page, request.query.pageSize);
    return sendJsonText(reply, JSON.stringify(page));
  });

  r.get('/api/me/progress', {
    onRequest: app.requireAuth,
    schema: { tags: ['progress'], summary: 'The caller\'s solved problems by category and difficulty', response: { 200: progressSchema, 401: errorBodySchema } },
  }, async (request) => leaderboard.progress(request.actor!));
}

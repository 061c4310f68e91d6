import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, leaderboardPageSchema, myActivitySchema, pageQuerySchema, progressSchema } from '@logicode/contracts';
import { sendJsonText } from '../json-body.js';
import type { RouteDeps } from '../route-deps.js';

export async function leaderboardRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  const { leaderboard } = runtime.core;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/leaderboard', {
    schema: { tags: ['progress'], summary: 'Students ranked by points (easy 10, medium 20, hard 40)', querystring: pageQuerySchema, response: { 200: leaderboardPageSchema, 400: errorBodySchema } },
  }, async (request, reply) => {
    // Sent as a string, past the per-request response serializer: the shared page was checked against the
    // schema when it was built (see leaderboard-service.ts leaderboardJson).
    return sendJsonText(reply, await leaderboard.leaderboardJson(request.actor, request.query.page, request.query.pageSize));
  });

  r.get('/api/me/progress', {
    onRequest: app.requireAuth,
    schema: { tags: ['progress'], summary: 'The caller\'s solved problems by category and difficulty', response: { 200: progressSchema, 401: errorBodySchema } },
  }, async (request) => leaderboard.progress(request.actor!));

  r.get('/api/me/activity', {
    onRequest: app.requireAuth,
    schema: { tags: ['progress'], summary: 'The caller\'s Runs and Submits per UTC day over the last year (the activity calendar)', response: { 200: myActivitySchema, 401: errorBodySchema } },
  }, async (request) => runtime.core.activity.mine(request.actor!));
}

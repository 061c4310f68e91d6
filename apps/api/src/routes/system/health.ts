import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** /healthz: the process is up. /readyz: it can serve (database reachable). */
export async function healthRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await runtime.db.ping();
      return { status: 'ready', database: 'ok', mode: runtime.platform.mode };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ statusCode: 503, code: 'UNAVAILABLE', message: 'The database is not reachable.' });
    }
  });
}

import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../route-deps.js';

/** Settles with the error message, or null when the check passed; never waits longer than timeoutMs. */
async function check(probe: () => Promise<void>, timeoutMs = 2000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([probe().then(() => null), timeout]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/** /healthz: the process is up. /readyz: it can serve (database reachable; Redis too in scaled mode). */
export async function healthRoutes(app: FastifyInstance, { runtime }: RouteDeps): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const scaled = runtime.platform.mode === 'scaled';
    const [database, redis] = await Promise.all([check(() => runtime.db.ping()), scaled ? check(() => runtime.platform.ping()) : null]);
    const status = { database: database ? 'down' : 'ok', ...(scaled ? { redis: redis ? 'down' : 'ok' } : {}) };
    if (!database && !redis) return { status: 'ready', ...status, mode: runtime.platform.mode };
    request.log.warn({ database, redis }, 'readiness check failed');
    const down = [database ? 'the database' : null, redis ? 'Redis' : null].filter(Boolean).join(' and ');
    return reply.status(503).send({ statusCode: 503, code: 'UNAVAILABLE', message: `${down} ${database && redis ? 'are' : 'is'} not reachable.`, details: status });
  });
}

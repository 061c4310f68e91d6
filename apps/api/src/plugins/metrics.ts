import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '@logicode/contracts';
import { metricsSourcesOf, type Runtime } from '@logicode/core';
import { createMetrics, type Metrics } from '@logicode/platform';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's Prometheus registry (the gateway registers its socket count here). */
    metrics: Metrics;
  }
}

/**
 * GET /metrics in Prometheus text format, and a duration histogram of every request labelled by the route
 * pattern (`/api/problems/:id`, never the URL: one series per route, not one per id).
 */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * /metrics is not public (process internals, route timings, pool sizes): with METRICS_TOKEN it answers only
 * `Authorization: Bearer <token>` (Prometheus' `authorization` setting); without one, only a direct connection
 * from this host (the socket's own address, and no X-Forwarded-For: a proxy on this host relays the public).
 */
function mayScrape(request: FastifyRequest, token: string | null): boolean {
  if (token) return timingSafeEqual(digest(request.headers.authorization ?? ''), digest(`Bearer ${token}`));
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.headers['x-forwarded-for'] === undefined;
}

export const metricsPlugin = fp(async (app: FastifyInstance, { runtime, metricsToken }: { runtime: Runtime; metricsToken: string | null }) => {
  let stopObserving: (() => void) | null = null;
  const metrics = createMetrics({
    ...metricsSourcesOf(runtime),
    observeQueries: (listener) => {
      stopObserving = runtime.db.observeQueries(listener);
    },
  });
  app.decorate('metrics', metrics);
  // A read replica that stops answering is said once per outage; reads go to the primary meanwhile.
  const stopFallbackLog = runtime.db.onReplicaFallback(({ reason, downUntilMs }) => {
    app.log.warn({ reason, retryAt: new Date(downUntilMs).toISOString() }, 'read replica not answering: reads fall back to the primary');
  });
  app.addHook('onClose', async () => {
    stopObserving?.();
    stopFallbackLog();
  });
  // A callback hook: an async one costs a promise per request for one observation.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    // The same 404 as an unknown route: the public side learns nothing.
    if (!mayScrape(request, metricsToken)) throw new AppError('ROUTE_NOT_FOUND', `There is no route GET ${request.url.split('?')[0]}.`);
    void reply.header('content-type', metrics.contentType);
    return metrics.scrape();
  });
});

import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
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
export const metricsPlugin = fp(async (app: FastifyInstance, { runtime }: { runtime: Runtime }) => {
  let stopObserving: (() => void) | null = null;
  const metrics = createMetrics({
    ...metricsSourcesOf(runtime),
    observeQueries: (listener) => {
      stopObserving = runtime.db.observeQueries(listener);
    },
  });
  app.decorate('metrics', metrics);
  app.addHook('onClose', async () => stopObserving?.());
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    void reply.header('content-type', metrics.contentType);
    return metrics.scrape();
  });
});

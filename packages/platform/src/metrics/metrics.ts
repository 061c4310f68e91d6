import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Pool gauges as @logicode/db reports them (kept structural so platform does not import db). */
export interface PoolGaugeSource {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsSources {
  /** The primary pool (and, when there is one, the read replica's). */
  pools: () => Record<string, PoolGaugeSource>;
  /** Waiting jobs per queue name. */
  queueDepths: () => Promise<Record<string, number>>;
  /** The read replica: whether reads go to it, and how often it was marked down (reads fell back); null: none. */
  replica?: () => { up: boolean; fallbacks: number } | null;
  /** Subscribes to each database query's duration in ms (the primary's); optional. */
  observeQueries?: (listener: (durationMs: number) => void) => void;
}

/** One process's Prometheus registry with the series the scaling plan names. */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  /** The gateway says how to count its sockets; the gauge reads it at scrape time (no inc/dec to drift). */
  countWebsockets(counter: () => number): void;
  /** The text exposition format for GET /metrics. */
  scrape(): Promise<string>;
  contentType: string;
}

/**
 * A registry of its own per process (not prom-client's global one) so tests can build many apps in one process.
 * Pool and queue gauges are read at scrape time: no timers, and a scrape always sees the current figures.
 */
export function createMetrics(sources: MetricsSources, options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const dbDuration = new Histogram({
    name: 'database_query_duration_seconds',
    help: 'Duration of each query on the primary database (issue 8: database queries under 50 ms)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  sources.observeQueries?.((durationMs) => dbDuration.observe(durationMs / 1000));
  let websocketCounter: () => number = () => 0;
  new Gauge({
    name: 'websocket_active_connections',
    help: 'Socket.IO connections open on this process',
    registers: [registry],
    collect() {
      this.set(websocketCounter());
    },
  });
  new Gauge({
    name: 'database_active_connections',
    help: 'Database connections in use (checked out of the pool)',
    labelNames: ['pool'] as const,
    registers: [registry],
    collect() {
      for (const [pool, stats] of Object.entries(sources.pools())) this.set({ pool }, Math.max(0, stats.total - stats.idle));
    },
  });
  new Gauge({
    name: 'database_pool_connections',
    help: 'Database pool connections by state (total, idle, waiting requests)',
    labelNames: ['pool', 'state'] as const,
    registers: [registry],
    collect() {
      for (const [pool, stats] of Object.entries(sources.pools())) {
        this.set({ pool, state: 'total' }, stats.total);
        this.set({ pool, state: 'idle' }, stats.idle);
        this.set({ pool, state: 'waiting' }, stats.waiting);
      }
    },
  });
  new Gauge({
    name: 'database_replica_up',
    help: 'Whether reads go to the read replica (0 while it is marked down and reads fall back to the primary)',
    registers: [registry],
    collect() {
      const replica = sources.replica?.();
      if (replica) this.set(replica.up ? 1 : 0);
    },
  });
  new Gauge({
    name: 'database_replica_fallbacks',
    help: 'Times the read replica was marked down since the process started (unreachable, or a query timed out)',
    registers: [registry],
    collect() {
      const replica = sources.replica?.();
      if (replica) this.set(replica.fallbacks);
    },
  });
  new Gauge({
    name: 'queue_depth',
    help: 'Jobs waiting in a work queue (not yet started)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      for (const [queue, depth] of Object.entries(await sources.queueDepths())) this.set({ queue }, depth);
    },
  });
  return {
    registry,
    httpDuration,
    countWebsockets(counter) {
      websocketCounter = counter;
    },
    scrape: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

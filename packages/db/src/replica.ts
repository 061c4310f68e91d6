import { CamelCasePlugin, Kysely, MysqlDialect } from 'kysely';
import type { MysqlPool, MysqlPoolConnection } from 'kysely';
import { createMysqlPool, type PoolStats } from './mysql-pool.js';
import { DEFAULT_REPLICA_QUERY_TIMEOUT_MS, type DbConfig } from './db-config.js';
import type { Database } from './schema.js';

/** Error codes that mean "the server is not there", as opposed to a bad query. */
const UNREACHABLE = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR',
  // The query time-out (replicaQueryTimeoutMs): a frozen replica (SIGSTOP, a silent network) answers nothing at all.
  'PROTOCOL_SEQUENCE_TIMEOUT',
]);

/** Why reads left the replica: told once each time it is marked down (a log line and a metric in the api). */
export interface ReplicaFallback {
  /** The error code that marked it down. */
  reason: string;
  /** Reads go to the primary until then. */
  downUntilMs: number;
}

export interface ReadReplica {
  /** Reads that tolerate replication lag; on the replica while it answers, else on the primary. */
  readDb: Kysely<Database>;
  stats(): PoolStats;
  /** Whether reads currently go to the replica (false while it is marked down). */
  usingReplica(): boolean;
  /** How many times the replica was marked down since start (the metric's counter). */
  fallbackCount(): number;
  /** Calls the listener each time the replica is marked down; returns an unsubscribe. */
  onFallback(listener: (fallback: ReplicaFallback) => void): () => void;
  close(): Promise<void>;
}

export interface ReadReplicaOptions {
  /** After a failure the replica is not tried again for this long; reads go to the primary meanwhile. */
  retryAfterMs?: number;
}

type QueryCallback = (error: unknown, result: unknown) => void;

/**
 * A pool that hands out replica connections and falls back to the primary's pool when the replica cannot be
 * reached (refused, reset, timed out). A query that fails on a replica connection mid-flight marks it down too,
 * so only the reads already in flight see the failure. The connect time-out is kept short: a dead replica must
 * not add seconds to every read. A frozen replica (it accepts and then answers nothing) is caught by the query
 * time-out (`replicaQueryTimeoutMs`, default 5 s); a read that failed that way, or on a connection the replica
 * dropped, is run again on the primary, so it costs the request at most the time-out, not an error.
 */
export function openReadReplica(config: DbConfig, readUrl: string, primary: MysqlPool, options: ReadReplicaOptions = {}): ReadReplica {
  const retryAfterMs = options.retryAfterMs ?? 5000;
  const replica = createMysqlPool({
    ...config,
    url: readUrl,
    pool: {
      ...config.pool,
      connectTimeoutMs: Math.min(config.pool.connectTimeoutMs, 2000),
      queryTimeoutMs: config.pool.replicaQueryTimeoutMs ?? DEFAULT_REPLICA_QUERY_TIMEOUT_MS,
    },
  });
  let downUntilMs = 0;
  let fallbacks = 0;
  const listeners = new Set<(fallback: ReplicaFallback) => void>();
  const markDown = (reason: string) => {
    const wasUp = Date.now() >= downUntilMs;
    downUntilMs = Date.now() + retryAfterMs;
    if (!wasUp) return; // already down: one report per outage window
    fallbacks += 1;
    for (const listener of listeners) listener({ reason, downUntilMs });
  };
  /** True when the error means the replica is not answering (it is then marked down). */
  const markDownOn = (error: unknown): boolean => {
    const code = (error as { code?: string } | null)?.code;
    if (!code || !UNREACHABLE.has(code)) return false;
    markDown(code);
    return true;
  };
  /** The same read on a primary connection (only reads go through this pool). */
  const onPrimary = (text: unknown, parameters: unknown, done: QueryCallback, original: unknown) => {
    primary.getConnection((error, connection) => {
      if (error) return done(original, undefined);
      (connection.query as unknown as (t: unknown, p: unknown, cb: QueryCallback) => void)(text, parameters, (queryError, result) => {
        connection.release();
        done(queryError, result);
      });
    });
  };
  // mysql2 reuses connection objects: each is wrapped once.
  const watched = new WeakSet<object>();
  const watch = (connection: MysqlPoolConnection) => {
    (connection as unknown as { on(event: 'error', listener: (error: unknown) => void): void }).on('error', markDownOn);
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    // Watch each query's outcome (Kysely's callback form) for connection-level failures.
    (connection as { query: unknown }).query = (...args: unknown[]) => {
      const done = args[2];
      if (typeof done !== 'function') return query(...args);
      return query(args[0], args[1], (error: unknown, result: unknown) => {
        if (error && markDownOn(error)) return onPrimary(args[0], args[1], done as QueryCallback, error);
        (done as QueryCallback)(error, result);
      });
    };
  };
  const pool: MysqlPool = {
    getConnection(callback) {
      if (Date.now() < downUntilMs) return primary.getConnection(callback);
      replica.pool.getConnection((error, connection) => {
        if (error) {
          markDown((error as { code?: string }).code ?? 'CONNECT_FAILED');
          return primary.getConnection(callback);
        }
        if (!watched.has(connection)) {
          watched.add(connection);
          watch(connection);
        }
        return callback(null, connection);
      });
    },
    end(callback) {
      // The primary's pool belongs to the primary's Kysely; only the replica's is ours to end.
      replica.pool.end(callback);
    },
  };
  const readDb = new Kysely<Database>({ dialect: new MysqlDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return {
    readDb,
    stats: replica.stats,
    usingReplica: () => Date.now() >= downUntilMs,
    fallbackCount: () => fallbacks,
    onFallback(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close: () => readDb.destroy(),
  };
}

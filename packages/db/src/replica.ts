import { CamelCasePlugin, Kysely, MysqlDialect } from 'kysely';
import type { MysqlPool, MysqlPoolConnection } from 'kysely';
import { createMysqlPool, type PoolStats } from './mysql-pool.js';
import type { DbConfig } from './db-config.js';
import type { Database } from './schema.js';

/** Error codes that mean "the server is not there", as opposed to a bad query. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'PROTOCOL_CONNECTION_LOST', 'ER_CON_COUNT_ERROR']);

export interface ReadReplica {
  /** Reads that tolerate replication lag; on the replica while it answers, else on the primary. */
  readDb: Kysely<Database>;
  stats(): PoolStats;
  /** Whether reads currently go to the replica (false while it is marked down). */
  usingReplica(): boolean;
  close(): Promise<void>;
}

export interface ReadReplicaOptions {
  /** After a failure the replica is not tried again for this long; reads go to the primary meanwhile. */
  retryAfterMs?: number;
}

/**
 * A pool that hands out replica connections and falls back to the primary's pool when the replica cannot be
 * reached (refused, reset, timed out). A query that fails on a replica connection mid-flight marks it down too,
 * so only the reads already in flight see the failure. The connect time-out is kept short: a dead replica must
 * not add seconds to every read.
 */
export function openReadReplica(config: DbConfig, readUrl: string, primary: MysqlPool, options: ReadReplicaOptions = {}): ReadReplica {
  const retryAfterMs = options.retryAfterMs ?? 5000;
  const replica = createMysqlPool({ ...config, url: readUrl, pool: { ...config.pool, connectTimeoutMs: Math.min(config.pool.connectTimeoutMs, 2000) } });
  let downUntilMs = 0;
  const markDownOn = (error: unknown) => {
    const code = (error as { code?: string } | null)?.code;
    if (code && UNREACHABLE.has(code)) downUntilMs = Date.now() + retryAfterMs;
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
        if (error) markDownOn(error);
        (done as (error: unknown, result: unknown) => void)(error, result);
      });
    };
  };
  const pool: MysqlPool = {
    getConnection(callback) {
      if (Date.now() < downUntilMs) return primary.getConnection(callback);
      replica.pool.getConnection((error, connection) => {
        if (error) {
          downUntilMs = Date.now() + retryAfterMs;
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
    close: () => readDb.destroy(),
  };
}

import { createPool, type Pool, type PoolConnection } from 'mysql2';
import type { MysqlPool } from 'kysely';
import { DEFAULT_QUERY_TIMEOUT_MS, type DbConfig } from './db-config.js';

/** Pool gauges for metrics and /readyz. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface MysqlPoolHandle {
  pool: MysqlPool;
  stats(): PoolStats;
  end(): Promise<void>;
}

/**
 * `code` of the errors a saturated pool answers with (mysql2's "Queue limit reached." has none): the api maps
 * both to 503 UNAVAILABLE with Retry-After, since waiting a moment is the fix, not a bug report.
 */
export const POOL_BUSY_CODES = ['POOL_QUEUE_LIMIT', 'POOL_ACQUIRE_TIMEOUT'] as const;

function busyError(message: string, code: (typeof POOL_BUSY_CODES)[number]): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

function mysqlUrl(url: string): string {
  return url.replace(/^mariadb:\/\//, 'mysql://');
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Gives every query Kysely sends (the callback form: sql, parameters, callback) mysql2's per-query `timeout`. A
 * timed-out query fails with PROTOCOL_SEQUENCE_TIMEOUT. mysql2 only reports it: the connection still waits for
 * that answer, so the next query on it would wait too. It is destroyed here (the pool opens a fresh one).
 */
function withQueryTimeout(connection: PoolConnection, timeoutMs: number): void {
  const query = (connection.query as QueryFn).bind(connection);
  (connection as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const [text, parameters, done] = args;
    if (typeof text !== 'string' || typeof done !== 'function') return query(...args);
    return query({ sql: text, timeout: timeoutMs }, parameters, (error: { code?: string } | null, ...rest: unknown[]) => {
      if (error?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') connection.destroy();
      (done as (...a: unknown[]) => void)(error, ...rest);
    });
  };
}

/**
 * A mysql2 pool with an acquire time-out and a query time-out (mysql2 has none: a request would wait forever behind a stuck pool).
 * Numbers come back as numbers: our BIGINT epoch-ms values fit in 2^53.
 */
export function createMysqlPool(config: DbConfig): MysqlPoolHandle {
  const raw: Pool = createPool({
    uri: mysqlUrl(config.url),
    connectionLimit: config.pool.connectionLimit,
    queueLimit: config.pool.queueLimit,
    idleTimeout: config.pool.idleTimeoutMs,
    connectTimeout: config.pool.connectTimeoutMs,
    maxIdle: config.pool.connectionLimit,
    waitForConnections: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: true,
    charset: 'utf8mb4_unicode_ci',
    enableKeepAlive: true,
  });
  const internals = raw as unknown as {
    _allConnections?: { length: number };
    _freeConnections?: { length: number };
    _connectionQueue?: { length: number };
  };
  const queryTimeoutMs = config.pool.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  // mysql2 reuses connection objects: each is wrapped once.
  const timed = new WeakSet<object>();
  const pool: MysqlPool = {
    getConnection(callback) {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        callback(busyError(`Timed out after ${config.pool.acquireTimeoutMs} ms waiting for a database connection`, 'POOL_ACQUIRE_TIMEOUT'), undefined as never);
      }, config.pool.acquireTimeoutMs);
      raw.getConnection((error: NodeJS.ErrnoException | null, connection: PoolConnection) => {
        clearTimeout(timer);
        if (settled) {
          connection?.release();
          return;
        }
        settled = true;
        // mysql2 refuses at once beyond queueLimit with a bare Error.
        if (error && !error.code && error.message === 'Queue limit reached.') error = busyError(error.message, 'POOL_QUEUE_LIMIT');
        if (!error && queryTimeoutMs > 0 && !timed.has(connection)) {
          timed.add(connection);
          withQueryTimeout(connection, queryTimeoutMs);
        }
        callback(error, connection as never);
      });
    },
    end(callback) {
      raw.end(callback);
    },
  };
  return {
    pool,
    stats: () => ({
      total: internals._allConnections?.length ?? 0,
      idle: internals._freeConnections?.length ?? 0,
      waiting: internals._connectionQueue?.length ?? 0,
    }),
    end: () => new Promise((resolve, reject) => raw.end((error) => (error ? reject(error) : resolve()))),
  };
}

/** Creates the database named in the URL if it does not exist yet (first start on a fresh server). */
export async function ensureMysqlDatabase(url: string): Promise<void> {
  const parsed = new URL(mysqlUrl(url));
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Invalid MySQL database name "${name}"`);
  parsed.pathname = '/';
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection({ uri: parsed.toString() });
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

/** Creates the main database (when it is MySQL) and every shard database named in the config, if missing. */
export async function ensureMysqlDatabases(config: DbConfig): Promise<void> {
  const urls = [...(/^(mysql|mariadb):/.test(config.url) ? [config.url] : []), ...(config.shardUrls ?? [])];
  for (const url of urls) await ensureMysqlDatabase(url);
}

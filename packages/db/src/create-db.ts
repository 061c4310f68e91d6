import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, MysqlDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { createMysqlPool, type PoolStats } from './mysql-pool.js';
import { openReadReplica, type ReplicaFallback } from './replica.js';
import { openShards, type ShardRouter } from './shards.js';
import { dialectOf, type DbConfig, type DialectName } from './db-config.js';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';

/** An open database: the typed query builder plus what operations need. */
export interface DbHandle {
  db: Kysely<Database>;
  /** Reads that tolerate replication lag (the catalog): the replica when DATABASE_READ_URL is set, else `db`. */
  readDb: Kysely<Database>;
  /** Where proctor_events and code_snapshots live: shards by user id with DATABASE_SHARD_URLS, else `db`. */
  shards: ShardRouter;
  dialect: DialectName;
  /** Pool gauges (SQLite: one connection). */
  poolStats(): PoolStats;
  /** The replica pool's gauges, or null without a replica. */
  readPoolStats(): PoolStats | null;
  /** Whether reads go to the replica and how often it was marked down; null without a replica. */
  readReplicaState(): { up: boolean; fallbacks: number } | null;
  /** Calls the listener each time reads fall back to the primary (the replica marked down); returns an unsubscribe. */
  onReplicaFallback(listener: (fallback: ReplicaFallback) => void): () => void;
  /** Calls the listener with each query's duration on the primary (the metrics' histogram); returns an unsubscribe. */
  observeQueries(listener: (durationMs: number) => void): () => void;
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

function sqlitePath(url: string): string {
  return url.slice('sqlite:'.length) || ':memory:';
}

/** Kysely's query log, fanned out to whoever observes the handle (nobody: a loop over an empty set). */
function queryObservers() {
  const listeners = new Set<(durationMs: number) => void>();
  return {
    log: (event: LogEvent) => {
      if (event.level === 'query') for (const listener of listeners) listener(event.queryDurationMillis);
    },
    observeQueries(listener: (durationMs: number) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * The database holds every password hash, e-mail and student's code: its folder is created 0700 and the file 0600
 * before SQLite opens it (SQLite gives the -wal and -shm files the database file's mode), and files left readable
 * by an older version are tightened.
 */
function makePrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  }
}

function openSqlite(url: string, log: (event: LogEvent) => void): Kysely<Database> {
  const path = sqlitePath(url);
  if (path !== ':memory:') makePrivate(path);
  const database = new SqliteDatabase(path);
  // WAL lets readers run while the worker writes; NORMAL sync is durable across process crashes in WAL mode.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Statements prepared once (statement-cache.ts) instead of on every query.
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }), plugins: [new CamelCasePlugin()], log });
}

/** Opens the database a URL names. Migrations are run separately (see migrate.ts). */
export function createDb(config: DbConfig): DbHandle {
  const dialect = dialectOf(config.url);
  const observers = queryObservers();
  if (dialect === 'sqlite') {
    // Shards are a scaled-mode feature: the writer's cross-database protocol locks attempt rows on a MySQL primary.
    if (config.shardUrls?.length) throw new Error('Shard databases (DATABASE_SHARD_URLS) need a mysql:// DATABASE_URL.');
    const db = openSqlite(config.url, observers.log);
    return {
      db,
      readDb: db,
      shards: openShards(config, db),
      dialect,
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      readPoolStats: () => null,
      readReplicaState: () => null,
      onReplicaFallback: () => () => undefined,
      observeQueries: observers.observeQueries,
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  }
  const handle = createMysqlPool(config);
  const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool: handle.pool }), plugins: [new CamelCasePlugin()], log: observers.log });
  const replica = config.readUrl ? openReadReplica(config, config.readUrl, handle.pool) : null;
  const shards = openShards(config, db);
  return {
    db,
    readDb: replica?.readDb ?? db,
    shards,
    dialect,
    poolStats: handle.stats,
    readPoolStats: () => replica?.stats() ?? null,
    readReplicaState: () => (replica ? { up: replica.usingReplica(), fallbacks: replica.fallbackCount() } : null),
    onReplicaFallback: (listener) => replica?.onFallback(listener) ?? (() => undefined),
    observeQueries: observers.observeQueries,
    // A dead shard stops event ingestion: /readyz reports it like the primary.
    ping: async () => {
      await Promise.all([db, ...(shards.sharded ? shards.all() : [])].map((each) => sql`select 1`.execute(each)));
    },
    close: async () => {
      await replica?.close();
      await shards.close();
      await db.destroy();
    },
  };
}

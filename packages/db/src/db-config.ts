/** What the data layer needs to connect; apps build it from their validated config. */
export interface DbConfig {
  /** `sqlite:<path>` (or `sqlite::memory:`) or `mysql://user:pass@host:port/database`. */
  url: string;
  /** A read replica (same schema) for reads that tolerate lag; absent: none. */
  readUrl?: string;
  /**
   * Shard databases (`mysql://…`, same schema) for the high-volume proctoring tables (proctor_events,
   * code_snapshots), chosen by user id. Absent or empty: those tables stay in `url` (see shards.ts).
   */
  shardUrls?: string[];
  pool: {
    connectionLimit: number;
    /** Requests waiting for a connection beyond this are refused at once (0 = unbounded). */
    queueLimit: number;
    acquireTimeoutMs: number;
    idleTimeoutMs: number;
    connectTimeoutMs: number;
    /**
     * A query that has not answered in this long fails (PROTOCOL_SEQUENCE_TIMEOUT; mysql2 drops the connection):
     * a frozen server (SIGSTOP, a silent network) must not hold a request and a pooled connection for minutes.
     * Absent: DEFAULT_QUERY_TIMEOUT_MS; 0: none.
     */
    queryTimeoutMs?: number;
    /** The same for the read replica, kept short: a read that times out there is run again on the primary. */
    replicaQueryTimeoutMs?: number;
  };
}

export const DEFAULT_QUERY_TIMEOUT_MS = 60_000;
export const DEFAULT_REPLICA_QUERY_TIMEOUT_MS = 5_000;

export type DialectName = 'sqlite' | 'mysql';

export const DEFAULT_POOL: DbConfig['pool'] = {
  connectionLimit: 20,
  queueLimit: 500,
  acquireTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  connectTimeoutMs: 10_000,
};

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return 'mysql';
  throw new Error(`Unsupported database URL "${url}": use sqlite:<path> or mysql://…`);
}

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
  };
}

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

/** A small JSON cache for hot reads; values expire after their TTL. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Deletes every key that starts with the prefix (used for invalidation after writes). */
  deletePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

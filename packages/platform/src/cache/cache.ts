/** A small JSON cache for hot reads; values expire after their TTL. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  /**
   * The stored JSON text, unparsed. While an entry lives in the in-process tier every call returns the same
   * string, so a caller may memoise what it derives from it (e.g. response bytes) by identity.
   */
  getRaw(key: string): Promise<string | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Deletes every key that starts with the prefix (used for invalidation after writes). */
  deletePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

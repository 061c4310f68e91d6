/** One entry read from a stream: its id (to acknowledge) and the appended message. */
export interface StreamEntry<T> {
  id: string;
  message: T;
}

export interface StreamReadOptions {
  /** At most this many entries. */
  count: number;
  /** Wait up to this long for new entries when there are none; 0 = return at once. */
  blockMs: number;
}

export interface StreamClaimOptions {
  /** Only entries delivered at least this long ago and not yet acknowledged (their consumer is presumed dead). */
  minIdleMs: number;
  count: number;
}

/** How far a consumer group is behind, for the ingest-lag metrics. */
export interface StreamBacklog {
  /** Entries not yet acknowledged, delivered or not (acknowledged entries are deleted). */
  entries: number;
  /** Of those, delivered to a consumer and not yet acknowledged. */
  pending: number;
  /** Age of the oldest entry not yet acknowledged (from its append time); null when there is none. */
  oldestEntryAgeMs: number | null;
}

/**
 * An append-only log read by a consumer group: each entry goes to one consumer, stays pending until that
 * consumer acknowledges it (after its database commit), and is claimed by another consumer if the first one
 * dies in between. Memory in embedded mode; Redis Streams (XADD/XREADGROUP/XACK/XAUTOCLAIM) when scaled.
 */
export interface EventStream<T> {
  /** Resolves once the messages are durable in the stream (for Redis: the XADDs were answered). */
  append(messages: readonly T[]): Promise<string[]>;
  /** New entries for this consumer; they become pending under its name. */
  read(consumer: string, options: StreamReadOptions): Promise<StreamEntry<T>[]>;
  /** Takes over entries other consumers left pending for too long. */
  claimStale(consumer: string, options: StreamClaimOptions): Promise<StreamEntry<T>[]>;
  /** Marks entries done and drops them from the stream. Call only after their effects are committed. */
  ack(ids: readonly string[]): Promise<void>;
  /** Entries delivered and not yet acknowledged. */
  pendingCount(): Promise<number>;
  /** Entries in the stream (not yet acknowledged, delivered or not). */
  length(): Promise<number>;
  /** Length, pending count and the oldest entry's age in one call (read at metrics scrape time). */
  backlog(): Promise<StreamBacklog>;
  close(): Promise<void>;
}

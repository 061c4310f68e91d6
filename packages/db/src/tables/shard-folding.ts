import type { Database } from '../schema.js';

/**
 * What only a shard database has on top of the whole schema (shard migrations, see migrations/shard/): each
 * attempt's events and snapshots are numbered there (`foldSeq`), so the main database can remember how far it
 * has folded them into the attempt's counters (`problem_sessions.folded_seq`). See shards.ts and event-writer.ts.
 */
export interface ShardFoldingTables {
  proctorEvents: { foldSeq: number | null };
  codeSnapshots: { foldSeq: number | null };
  /** The last number handed out per attempt; its row is the lock that serialises numbering. */
  proctorAttemptSeqs: { attemptId: number; lastSeq: number };
}

export type ShardDatabase = Database & ShardFoldingTables;

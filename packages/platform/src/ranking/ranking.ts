/**
 * A ranked set: members ordered by score (high first), then tie-break (low first), then id (low first), with a
 * little data each. Filled whole from the database (`replace`) and kept current one member at a time
 * (`upsert`); `ready()` is false until the first fill and again after `maxAgeMs`, so a missed update heals.
 */
export interface RankedEntry<T> {
  id: number;
  score: number;
  tieBreak: number;
  data: T;
}

export interface Ranked<T> extends RankedEntry<T> {
  /** 1-based position. */
  rank: number;
}

export interface Ranking<T> {
  ready(): Promise<boolean>;
  /** Call before reading the database for a fill; pass the token to `replace`. */
  beginFill(): Promise<string>;
  /**
   * Replaces every member, unless an upsert happened since `beginFill` (the fill read the database before it
   * and would undo it): then nothing changes and it returns false (the next read fills again).
   */
  replace(entries: RankedEntry<T>[], token: string): Promise<boolean>;
  /** Adds or moves one member. Before the first fill it does nothing (the fill will read the member). */
  upsert(entry: RankedEntry<T>): Promise<void>;
  page(offset: number, count: number): Promise<{ entries: Ranked<T>[]; total: number }>;
  get(id: number): Promise<Ranked<T> | null>;
  /**
   * Changes whenever a member or the order may have changed, where the adapter can tell without a round trip
   * (the in-memory one); a reader may keep what it built from a page until it changes. Absent: no such memo.
   */
  version?(): string;
  close(): Promise<void>;
}

/** Sort order shared by both adapters. */
export function compareRanked(a: RankedEntry<unknown>, b: RankedEntry<unknown>): number {
  return b.score - a.score || a.tieBreak - b.tieBreak || a.id - b.id;
}

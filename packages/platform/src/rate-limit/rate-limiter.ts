export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** Hits in the current window, this one included. */
  count: number;
  /** When the current window ends (epoch ms). */
  resetAtMs: number;
}

/** Fixed-window counters. The Redis store makes a limit hold across every api process. */
export interface RateLimiter {
  /** Counts `cost` (default 1: one request; bytes for a volume limit) against `limit` in the key's window. */
  hit(key: string, limit: number, windowMs: number, cost?: number): Promise<RateLimitResult>;
  /** The key's current window without counting a hit: null when there is none (never hit, or expired). */
  peek(key: string): Promise<{ count: number; resetAtMs: number } | null>;
  /** Forget a key (e.g. after a successful login). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

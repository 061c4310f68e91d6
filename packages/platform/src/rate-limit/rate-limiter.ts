export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  /** When the current window ends (epoch ms). */
  resetAtMs: number;
}

/** Fixed-window counters. The Redis store makes a limit hold across every api process. */
export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitResult>;
  /** Forget a key (e.g. after a successful login). */
  reset(key: string): Promise<void>;
  close(): Promise<void>;
}

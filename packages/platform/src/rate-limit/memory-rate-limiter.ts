import type { Clock } from '../clock.js';
import type { RateLimiter } from './rate-limiter.js';

export function createMemoryRateLimiter(clock: Clock): RateLimiter {
  const windows = new Map<string, { count: number; resetAtMs: number }>();
  const sweep = setInterval(() => {
    const now = clock.now();
    for (const [key, window] of windows) if (window.resetAtMs <= now) windows.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    async hit(key, limit, windowMs, cost = 1) {
      const now = clock.now();
      let window = windows.get(key);
      if (!window || window.resetAtMs <= now) {
        window = { count: 0, resetAtMs: now + windowMs };
        windows.set(key, window);
      }
      window.count += cost;
      return { allowed: window.count <= limit, remaining: Math.max(0, limit - window.count), count: window.count, resetAtMs: window.resetAtMs };
    },
    async peek(key) {
      const window = windows.get(key);
      if (!window || window.resetAtMs <= clock.now()) return null;
      return { count: window.count, resetAtMs: window.resetAtMs };
    },
    async reset(key) {
      windows.delete(key);
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

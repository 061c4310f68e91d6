import type { CoreLog, Proctoring } from '@logicode/core';

export interface ProctorTimersOptions {
  proctoring: Proctoring;
  log: CoreLog;
  /** How often deadlines and heartbeat time-outs are checked. */
  intervalMs?: number;
}

/**
 * The server-owned clocks: auto-submit timed attempts whose deadline passed, and end attempts whose
 * heartbeats stopped. Safe to run in several workers at once (each deadline is claimed before submitting).
 */
export function startProctorTimers(options: ProctorTimersOptions): { stop(): Promise<void> } {
  const { proctoring, log } = options;
  let running: Promise<void> | null = null;
  const tick = async () => {
    try {
      const submitted = await proctoring.deadlines.sweepDeadlines();
      const timedOut = await proctoring.attempts.sweepTimeouts();
      if (submitted + timedOut > 0) log('info', 'proctor timers', { submitted, timedOut });
    } catch (error) {
      log('error', 'proctor timers failed', { error: String(error) });
    }
  };
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, options.intervalMs ?? 1000);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

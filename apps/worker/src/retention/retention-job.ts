import { runRetention, type CoreDeps, type CoreLog, type RetentionAges, type RetentionReport } from '@logicode/core';

export interface RetentionJobOptions {
  deps: CoreDeps;
  ages: RetentionAges;
  log: CoreLog;
  /** How often the job runs in a long-lived worker (default: every 6 hours). */
  intervalMs?: number;
}

/** Runs retention now and then on a schedule (nothing to schedule by hand: the original's was never run, B42). */
export function startRetentionJob(options: RetentionJobOptions): { stop(): void } {
  const run = async () => {
    try {
      const report = await runRetention(options.deps, options.ages, { dryRun: false });
      options.log('info', 'retention', { ...report });
    } catch (error) {
      options.log('error', 'retention failed', { error: String(error) });
    }
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, options.intervalMs ?? 6 * 3600 * 1000);
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

export function formatRetentionReport(report: RetentionReport): string {
  const verb = report.dryRun ? 'would delete' : 'deleted';
  return [
    `retention (${report.dryRun ? 'dry run: nothing deleted' : 'applied'}):`,
    `  low-severity events ${verb}: ${report.lowSeverityEvents}`,
    `  events older than the all-events age ${verb}: ${report.events}`,
    `  code snapshots ${verb}: ${report.snapshots}`,
    `  ended sessions ${verb}: ${report.endedSessions}`,
  ].join('\n');
}

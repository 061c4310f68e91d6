import { hostname } from 'node:os';
import {
  metricsSourcesOf, PROCTOR_EVENTS_STREAM, streamBacklogsOf, type CoreLog, type IngestMessage, type Runtime,
} from '@logicode/core';
import { createJudge, createThreadedJudge, type Judge } from '@logicode/judge';
import { createMetrics, registerWorkerMetrics, type Metrics, type WorkerMetrics } from '@logicode/platform';
import type { WorkerConfig } from './config.js';
import { startEventConsumer } from './event-consumer/index.js';
import { startProctorTimers } from './event-consumer/proctor-timers.js';
import { startJudgeConsumer } from './judge/judge-consumer.js';
import { startValidateConsumer } from './judge/validate-consumer.js';
import { startRetentionJob } from './retention/retention-job.js';
import { startPlagiarismRole } from './plagiarism/plagiarism-role.js';
import { startWorkerHttp } from './http/worker-http.js';

export interface WorkerHandle {
  judge: Judge | null;
  /** This process's registry: pool and queue gauges, judge durations, ingest lag. */
  metrics: Metrics;
  /** The port /metrics, /healthz and /readyz listen on; null without WORKER_METRICS_PORT. */
  httpPort: number | null;
  /** Stops taking work; running judge jobs finish (or return to the queue) when the runtime closes. */
  stop(): Promise<void>;
}

async function startJudgeRole(runtime: Runtime, config: WorkerConfig, log: CoreLog, metrics: WorkerMetrics): Promise<{ judge: Judge; stop: () => Promise<void> }> {
  // JUDGE_THREAD: the judge on a thread of its own. Off by default: under the mixed exam load it held fewer students
  // and no more jobs/s than the judge on this thread (BENCHMARKS.md, issue 18), though it keeps judging while this
  // thread's event loop is blocked.
  const judge = await (config.judgeThread ? createThreadedJudge : createJudge)({
    allowUnsandboxed: config.allowUnsandboxed,
    ...(config.judgeWorkDir ? { workRoot: config.judgeWorkDir } : {}),
    log: (level, message, data) => log(level, message, data as Record<string, unknown> | undefined),
  });
  const statuses = await judge.selfTest();
  for (const status of statuses) {
    if (status.ok) log('info', `language ${status.id} ready`, { version: status.version });
    else log('error', `LANGUAGE ${status.id.toUpperCase()} DISABLED: its self-test failed`, { error: status.error });
  }
  startJudgeConsumer({ runtime, judge, concurrency: config.concurrency, log, metrics });
  startValidateConsumer({ runtime, judge, log });
  const { submissions } = runtime.core;
  // In embedded mode the queue lived in the last process's memory: put every unfinished submission back.
  if (runtime.platform.mode === 'embedded') {
    const requeued = await submissions.requeueUnfinished({ staleAfterMs: null });
    if (requeued > 0) log('info', 'requeued unfinished submissions', { requeued });
  }
  // A worker that died without BullMQ noticing leaves a submission running: sweep those back.
  const sweep = setInterval(() => {
    submissions.requeueUnfinished({ staleAfterMs: config.stuckAfterMs }).catch((error: unknown) => log('warn', 'stuck sweep failed', { error: String(error) }));
    // …and a queued one whose job the queue lost (a Redis restarted without persistence): put it back.
    submissions.requeueLost({ olderThanMs: config.stuckAfterMs })
      .then((requeued) => { if (requeued > 0) log('warn', 'requeued queued submissions whose job was lost', { requeued }); })
      .catch((error: unknown) => log('warn', 'lost-job sweep failed', { error: String(error) }));
  }, Math.min(60_000, config.stuckAfterMs));
  sweep.unref();
  return {
    judge,
    stop: async () => {
      clearInterval(sweep);
      await judge.close();
    },
  };
}

/** Starts the roles the config enables on an existing runtime (its own in `logicode worker`, shared in `start`). */
export async function startWorker(runtime: Runtime, config: WorkerConfig, log: CoreLog): Promise<WorkerHandle> {
  const stops: (() => Promise<void> | void)[] = [];
  const metrics = createMetrics(metricsSourcesOf(runtime));
  const workerMetrics = registerWorkerMetrics(metrics.registry, { streams: () => streamBacklogsOf(runtime) });
  let judge: Judge | null = null;
  if (config.roles.has('judge')) {
    try {
      const role = await startJudgeRole(runtime, config, log, workerMetrics);
      judge = role.judge;
      stops.push(role.stop);
    } catch (error) {
      // No sandbox: refuse to run untrusted code, but keep the other roles (and the api) serving.
      if ((error as { code?: string }).code !== 'UNAVAILABLE') throw error;
      log('error', `JUDGE DISABLED: ${(error as Error).message} Submissions stay queued until a worker with a sandbox runs.`);
    }
  }
  if (config.roles.has('events') && runtime.platform.mode === 'scaled') {
    const consumer = startEventConsumer({
      stream: runtime.platform.stream<IngestMessage>(PROCTOR_EVENTS_STREAM),
      proctoring: runtime.core.proctoring,
      log,
      consumerName: `${hostname()}-${process.pid}`,
      metrics: workerMetrics,
    });
    stops.push(() => consumer.stop());
  }
  if (config.roles.has('timers')) {
    const timers = startProctorTimers({ proctoring: runtime.core.proctoring, log });
    stops.push(() => timers.stop());
  }
  if (config.roles.has('retention')) {
    const retention = startRetentionJob({ deps: runtime.core.deps, ages: config.retentionAges, log });
    stops.push(() => retention.stop());
  }
  if (config.roles.has('plagiarism')) stops.push((await startPlagiarismRole(runtime, log)).stop);
  const http = config.metricsPort === null ? null : await startWorkerHttp({
    host: '0.0.0.0', port: config.metricsPort, metrics,
    probes: [
      { name: 'database', check: () => runtime.db.ping() },
      ...(runtime.platform.mode === 'scaled' ? [{ name: 'redis', check: () => runtime.platform.ping() }] : []),
    ],
  });
  // Closed last (stops run in reverse): probes and scrapes keep answering while the roles wind down.
  if (http) stops.unshift(() => http.close());
  log('info', 'worker started', { roles: [...config.roles], concurrency: config.concurrency, sandboxed: judge?.sandboxed ?? null, metricsPort: http?.port ?? null });
  return {
    judge,
    metrics,
    httpPort: http?.port ?? null,
    async stop() {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { StreamBacklog } from '../stream/event-stream.js';

/** The worker's own series, on a registry made by createMetrics (one registry per process). */
export interface WorkerMetrics {
  /** Compile (or syntax check) of one submission, by language and the submission's final verdict. */
  judgeCompileDuration: Histogram<'language' | 'verdict'>;
  /** Every test of one submission run and checked, by language and final verdict (absent after a CE). */
  judgeRunDuration: Histogram<'language' | 'verdict'>;
  /** Compiled languages' builds: hit = taken from the judge's build cache (Run then Submit compiles once). */
  judgeBuildCache: Counter<'language' | 'result'>;
  /** From enqueue to a worker starting the job. */
  queueWait: Histogram<'queue'>;
  /** From the api accepting a proctor batch (receivedAtMs) to its events being committed. */
  ingestCommitLag: Histogram;
  /** Proctor events and snapshots newly stored by this process. */
  ingestEventsPersisted: Counter;
}

export interface WorkerMetricsSources {
  /** Backlog per stream name (the consumer group's view), read at scrape time. */
  streams: () => Promise<Record<string, StreamBacklog>>;
}

const JUDGE_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Judge durations and ingest lag in the scaling plan's naming style (`<what>_<unit>` with base units). Stream
 * gauges are read at scrape time, like the pool and queue gauges: a scrape always sees the current backlog.
 */
export function registerWorkerMetrics(registry: Registry, sources: WorkerMetricsSources): WorkerMetrics {
  const registers = [registry];
  const backlog = async (pick: (b: StreamBacklog) => number | null, gauge: Gauge<'stream'>) => {
    for (const [stream, b] of Object.entries(await sources.streams())) {
      const value = pick(b);
      gauge.set({ stream }, value ?? 0);
    }
  };
  new Gauge({
    name: 'ingest_stream_pending_entries',
    help: 'Stream entries delivered to a consumer of the group and not yet acknowledged (committed)',
    labelNames: ['stream'] as const,
    registers,
    async collect() {
      await backlog((b) => b.pending, this);
    },
  });
  new Gauge({
    name: 'ingest_stream_backlog_entries',
    help: 'Stream entries not yet acknowledged, delivered or not',
    labelNames: ['stream'] as const,
    registers,
    async collect() {
      await backlog((b) => b.entries, this);
    },
  });
  new Gauge({
    name: 'ingest_stream_oldest_entry_age_seconds',
    help: 'Age of the oldest stream entry not yet acknowledged (0 when the stream is drained)',
    labelNames: ['stream'] as const,
    registers,
    async collect() {
      await backlog((b) => (b.oldestEntryAgeMs === null ? 0 : b.oldestEntryAgeMs / 1000), this);
    },
  });
  return {
    judgeCompileDuration: new Histogram({
      name: 'judge_compile_duration_seconds',
      help: 'Compiling (or syntax-checking) one submission, by language and final verdict',
      labelNames: ['language', 'verdict'] as const,
      buckets: JUDGE_BUCKETS,
      registers,
    }),
    judgeRunDuration: new Histogram({
      name: 'judge_run_duration_seconds',
      help: 'Running and checking every test of one submission, by language and final verdict',
      labelNames: ['language', 'verdict'] as const,
      buckets: JUDGE_BUCKETS,
      registers,
    }),
    judgeBuildCache: new Counter({
      name: 'judge_build_cache_total',
      help: 'Builds of compiled languages by result: hit (compiled earlier, reused) or miss (compiled now)',
      labelNames: ['language', 'result'] as const,
      registers,
    }),
    queueWait: new Histogram({
      name: 'queue_wait_seconds',
      help: 'Time a job waited in its queue before a worker started it',
      labelNames: ['queue'] as const,
      buckets: LAG_BUCKETS,
      registers,
    }),
    ingestCommitLag: new Histogram({
      name: 'ingest_commit_lag_seconds',
      help: 'From the api accepting a proctor batch to its events being committed to the database',
      buckets: LAG_BUCKETS,
      registers,
    }),
    ingestEventsPersisted: new Counter({
      name: 'ingest_events_persisted_total',
      help: 'Proctor events and code snapshots newly stored (a redelivered batch adds nothing)',
      registers,
    }),
  };
}

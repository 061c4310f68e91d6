import type { MetricsSources, StreamBacklog } from '@logicode/platform';
import { PROCTOR_EVENTS_STREAM } from './proctoring/index.js';
import type { Runtime } from './runtime.js';
import { JUDGE_QUEUE, VALIDATE_QUEUE } from './submissions/queues.js';

/**
 * What a process's /metrics reads at scrape time, the same for the api and the worker: pool gauges of the
 * primary and, when the handle has them, the read replica and the shards (`shard-0`, …), and queue depths.
 */
export function metricsSourcesOf(runtime: Runtime): Pick<MetricsSources, 'pools' | 'queueDepths' | 'replica'> {
  return {
    replica: () => runtime.db.readReplicaState(),
    pools: () => {
      const replica = runtime.db.readPoolStats();
      const shards = Object.fromEntries(runtime.db.shards.poolStats().map((stats, index) => [`shard-${index}`, stats]));
      return { primary: runtime.db.poolStats(), ...(replica ? { replica } : {}), ...shards };
    },
    queueDepths: async () => {
      const names = [JUDGE_QUEUE, VALIDATE_QUEUE];
      const depths = await Promise.all(names.map((name) => runtime.platform.queue(name).depth().catch(() => -1)));
      return Object.fromEntries(names.map((name, i) => [name, depths[i]!]));
    },
  };
}

/** The proctor stream's backlog for the ingest-lag gauges; empty in embedded mode (batches are written in the request). */
export async function streamBacklogsOf(runtime: Runtime): Promise<Record<string, StreamBacklog>> {
  if (runtime.platform.mode !== 'scaled') return {};
  return { [PROCTOR_EVENTS_STREAM]: await runtime.platform.stream(PROCTOR_EVENTS_STREAM).backlog() };
}

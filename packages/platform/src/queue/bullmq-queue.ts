import { Queue, Worker } from 'bullmq';
import type { JobQueue, QueueLog } from './job-queue.js';

export interface BullQueueOptions {
  redisUrl: string;
  /** Key prefix, so that several deployments (or test runs) share one Redis. */
  prefix: string;
  attempts?: number;
  /**
   * How long a job's lock lasts without renewal. A worker that dies stops renewing; after this the job counts
   * as stalled and another worker takes it (so this bounds how long a killed worker's job waits).
   */
  lockMs?: number;
  log?: QueueLog;
}

function connectionOf(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    // BullMQ workers block on Redis; they must not give up on a slow reply.
    maxRetriesPerRequest: null,
  };
}

/**
 * The scaled mode's queue (BullMQ). A worker killed mid-job stops renewing its lock; BullMQ's stalled-job
 * check moves the job back to waiting and another worker runs it.
 */
export function createBullQueue<T>(name: string, options: BullQueueOptions): JobQueue<T> {
  const connection = connectionOf(options.redisUrl);
  // Adding a job is on a request's path: fail fast while Redis is away (the worker's blocking reads stay patient).
  const queue = new Queue(name, { connection: { ...connection, maxRetriesPerRequest: 1 }, prefix: options.prefix });
  let worker: Worker | null = null;
  return {
    name,
    async add(data, addOptions) {
      await queue.add(name, data, {
        jobId: addOptions?.jobId,
        attempts: options.attempts ?? 3,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      });
    },
    process(handler, processOptions) {
      worker = new Worker(name, async (job) => handler(job.data as T), {
        connection,
        prefix: options.prefix,
        concurrency: processOptions.concurrency,
        lockDuration: options.lockMs ?? 30_000,
        stalledInterval: Math.max(500, Math.floor((options.lockMs ?? 30_000) / 2)),
        maxStalledCount: 2,
      });
      worker.on('failed', (job, error) =>
        options.log?.('warn', `queue ${name}: job failed`, { jobId: job?.id, error: error.message }),
      );
      worker.on('error', (error) => options.log?.('error', `queue ${name}: worker error`, { error: error.message }));
    },
    async isPending(jobId) {
      const job = await queue.getJob(jobId);
      if (!job) return false;
      const state = await job.getState();
      return state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children';
    },
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized');
      return (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}

import type { JobQueue, QueueLog } from './job-queue.js';

/**
 * The embedded mode's queue: jobs live in this process. A job is retried up to `attempts` times when its
 * handler throws. Jobs in memory are lost with the process; the submissions service re-enqueues unfinished
 * submissions at start-up, so nothing stays queued forever.
 */
export function createMemoryQueue<T>(name: string, options: { attempts?: number; log?: QueueLog } = {}): JobQueue<T> {
  const attempts = options.attempts ?? 3;
  const waiting: { data: T; tries: number; jobId: string | undefined }[] = [];
  const queuedIds = new Set<string>();
  const runningIds = new Map<string, number>();
  let handler: ((data: T) => Promise<void>) | null = null;
  let concurrency = 1;
  let running = 0;
  let closed = false;
  const idle: (() => void)[] = [];

  function pump(): void {
    while (handler && !closed && running < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      if (job.jobId) {
        queuedIds.delete(job.jobId);
        runningIds.set(job.jobId, (runningIds.get(job.jobId) ?? 0) + 1);
      }
      running += 1;
      handler(job.data)
        .catch((error: unknown) => {
          job.tries += 1;
          if (job.tries < attempts && !closed) {
            options.log?.('warn', `queue ${name}: job failed, retrying`, { error: String(error), tries: job.tries });
            waiting.push(job);
          } else {
            options.log?.('error', `queue ${name}: job failed for good`, { error: String(error), tries: job.tries });
          }
        })
        .finally(() => {
          if (job.jobId) {
            const left = (runningIds.get(job.jobId) ?? 1) - 1;
            if (left > 0) runningIds.set(job.jobId, left);
            else runningIds.delete(job.jobId);
          }
          running -= 1;
          if (running === 0) idle.splice(0).forEach((resolve) => resolve());
          setImmediate(pump);
        });
    }
  }

  return {
    name,
    async add(data, addOptions) {
      if (closed) throw new Error(`queue ${name} is closed`);
      const jobId = addOptions?.jobId;
      if (jobId && queuedIds.has(jobId)) return;
      if (jobId) queuedIds.add(jobId);
      waiting.push({ data, tries: 0, jobId });
      setImmediate(pump);
    },
    process(fn, processOptions) {
      handler = fn;
      concurrency = Math.max(1, processOptions.concurrency);
      setImmediate(pump);
    },
    isPending: async (jobId) => queuedIds.has(jobId) || runningIds.has(jobId) || waiting.some((job) => job.jobId === jobId),
    depth: async () => waiting.length,
    async close() {
      closed = true;
      if (running > 0) await new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}

/** A work queue with at-least-once delivery: a handler that throws (or a worker that dies) gets the job again. */
export interface JobQueue<T> {
  readonly name: string;
  add(data: T, options?: { jobId?: string }): Promise<void>;
  /** Starts consuming; at most `concurrency` handlers run at once in this process. */
  process(handler: (data: T) => Promise<void>, options: { concurrency: number }): void;
  /**
   * Whether the job with this id will still run or is running (waiting, delayed or active). False for a finished,
   * failed or unknown one: a job Redis lost (restarted without persistence) is unknown.
   */
  isPending(jobId: string): Promise<boolean>;
  /** Jobs waiting (not yet started). */
  depth(): Promise<number>;
  /** Stops taking jobs, waits for running handlers, releases connections. */
  close(): Promise<void>;
}

export interface QueueLog {
  (level: 'warn' | 'error', message: string, data?: Record<string, unknown>): void;
}

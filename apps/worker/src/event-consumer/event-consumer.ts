import type { CoreLog, IngestMessage, Proctoring } from '@logicode/core';
import type { EventStream, WorkerMetrics } from '@logicode/platform';

export interface EventConsumerOptions {
  stream: EventStream<IngestMessage>;
  proctoring: Proctoring;
  log: CoreLog;
  /** Unique per process (e.g. hostname-pid); each loop appends its index. */
  consumerName: string;
  /** Parallel read-commit-ack loops in this process: overlaps database round trips. */
  concurrency?: number;
  /** Stream entries (POSTed batches) per read; each holds up to 200 events. */
  readCount?: number;
  blockMs?: number;
  /** An entry pending this long belongs to a consumer presumed dead; it is claimed and processed again. */
  claimIdleMs?: number;
  /** Commit lag and events stored (the worker's /metrics). */
  metrics?: WorkerMetrics;
}

export interface EventConsumer {
  /** Stops reading, finishes the batches in hand, resolves when every loop has exited. */
  stop(): Promise<void>;
}

/**
 * Reads proctor batches from the stream, stores them (idempotently: a redelivered batch stores nothing twice),
 * acknowledges only after the commit, then pushes flags and events to the teacher feeds. A loop that crashes
 * between read and commit leaves its entries pending; another loop claims them after `claimIdleMs`.
 */
export function startEventConsumer(options: EventConsumerOptions): EventConsumer {
  const { stream, proctoring, log } = options;
  const readCount = options.readCount ?? 50;
  const blockMs = options.blockMs ?? 1000;
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  let running = true;

  // Each loop publishes a batch's feed messages while it stores the next batch (at most one batch behind).
  const publishing = new Map<string, Promise<void>>();

  async function handle(consumer: string, entries: { id: string; message: IngestMessage }[]): Promise<void> {
    const result = await proctoring.writer.persist(entries.map((e) => e.message));
    if (options.metrics) {
      const committedAtMs = Date.now();
      for (const { message } of entries) options.metrics.ingestCommitLag.observe(Math.max(0, committedAtMs - message.receivedAtMs) / 1000);
      options.metrics.ingestEventsPersisted.inc(result.stored);
    }
    await stream.ack(entries.map((e) => e.id));
    await publishing.get(consumer);
    publishing.set(consumer, proctoring.publish(result).catch((error: unknown) => {
      log('warn', 'proctor feed publish failed (the data is stored)', { consumer, error: String(error) });
    }));
  }

  async function loop(consumer: string): Promise<void> {
    let lastClaimMs = 0;
    while (running) {
      try {
        let entries: { id: string; message: IngestMessage }[] = [];
        if (Date.now() - lastClaimMs > Math.min(claimIdleMs, 5_000)) {
          lastClaimMs = Date.now();
          entries = await stream.claimStale(consumer, { minIdleMs: claimIdleMs, count: readCount });
          if (entries.length > 0) log('info', 'claimed stale proctor batches', { consumer, count: entries.length });
        }
        if (entries.length === 0) entries = await stream.read(consumer, { count: readCount, blockMs });
        if (entries.length > 0) await handle(consumer, entries);
      } catch (error) {
        if (!running) break;
        // The entries stay pending and are claimed again later: nothing is lost, so back off and go on.
        log('error', 'proctor event consumer failed; will retry', { consumer, error: String(error) });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  const loops = Array.from({ length: options.concurrency ?? 2 }, (_, i) => loop(`${options.consumerName}-${i}`));
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      await Promise.all(publishing.values());
    },
  };
}

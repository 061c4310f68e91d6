import type { IngestMessage, PersistResult } from './event-writer.js';

/**
 * Group commit for the embedded event path (issue 18): the batches of concurrent requests go to the database in one
 * transaction. The first batch to arrive starts a commit at once; batches arriving while it runs wait and share the
 * next one. Each request is answered only after the transaction holding its batch committed, so "202 = durable"
 * holds unchanged, and a lone request waits for nothing. With SQLite's one connection this turns N transactions
 * (each: rules read, attempt rows, inserts, counter update, commit) into one with N batches' rows.
 */
export interface GroupCommitOptions {
  persist(messages: readonly IngestMessage[]): Promise<PersistResult>;
  /** What a commit produced (the live feed, flags), published once per group. */
  onPersisted?: (result: PersistResult) => Promise<void>;
  /** At most this many batches in one transaction (its statements grow with them). */
  maxBatches?: number;
}

interface Waiting {
  message: IngestMessage;
  resolve(): void;
  reject(error: unknown): void;
}

export function createGroupCommit(options: GroupCommitOptions) {
  const maxBatches = options.maxBatches ?? 64;
  let queue: Waiting[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const group = queue.slice(0, maxBatches);
      queue = queue.slice(group.length);
      let result: PersistResult;
      try {
        result = await options.persist(group.map((w) => w.message));
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        // One batch must not fail the others: each alone again, so only a batch that fails by itself is refused.
        else for (const w of group) await persistAlone(w);
        continue;
      }
      // Committed: a failed publish is reported to the senders (as before grouping); their retry stores nothing twice.
      await (options.onPersisted?.(result) ?? Promise.resolve()).then(() => group.forEach((w) => w.resolve()), (error) => group.forEach((w) => w.reject(error)));
    }
    running = false;
  }

  async function persistAlone(w: Waiting): Promise<void> {
    try {
      const result = await options.persist([w.message]);
      await options.onPersisted?.(result);
      w.resolve();
    } catch (error) {
      w.reject(error);
    }
  }

  return {
    /** Resolves once the batch is committed (with others that arrived meanwhile). */
    write(message: IngestMessage): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ message, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
export type GroupCommit = ReturnType<typeof createGroupCommit>;

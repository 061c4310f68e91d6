import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { EventStream, StreamEntry } from './event-stream.js';

interface Pending {
  consumer: string;
  deliveredAtMs: number;
}

/**
 * The embedded mode's stream: one process, entries in a Map in append order. It keeps the same contract
 * as Redis (pending until acknowledged, claimable when stale) so the consumer code is the same in both modes.
 * Messages are cloned through JSON, as they would be on Redis.
 */
export function createMemoryStream<T>(options: { clock?: Clock } = {}): EventStream<T> {
  const clock = options.clock ?? systemClock;
  const entries = new Map<string, string>();
  const pending = new Map<string, Pending>();
  const undelivered: string[] = [];
  let seq = 0;
  let waiters: (() => void)[] = [];
  let closed = false;

  const wake = () => {
    const list = waiters;
    waiters = [];
    for (const resolve of list) resolve();
  };
  const entryOf = (id: string): StreamEntry<T> => ({ id, message: JSON.parse(entries.get(id) ?? 'null') as T });

  return {
    async append(messages) {
      const ids = messages.map((message) => {
        seq += 1;
        const id = `${clock.now()}-${seq}`;
        entries.set(id, JSON.stringify(message));
        undelivered.push(id);
        return id;
      });
      wake();
      return ids;
    },
    async read(consumer, { count, blockMs }) {
      if (undelivered.length === 0 && blockMs > 0 && !closed) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, blockMs);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const ids = undelivered.splice(0, count).filter((id) => entries.has(id));
      for (const id of ids) pending.set(id, { consumer, deliveredAtMs: clock.now() });
      return ids.map(entryOf);
    },
    async claimStale(consumer, { minIdleMs, count }) {
      const now = clock.now();
      const claimed: StreamEntry<T>[] = [];
      for (const [id, p] of pending) {
        if (claimed.length >= count) break;
        if (now - p.deliveredAtMs < minIdleMs) continue;
        pending.set(id, { consumer, deliveredAtMs: now });
        claimed.push(entryOf(id));
      }
      return claimed;
    },
    async ack(ids) {
      for (const id of ids) {
        pending.delete(id);
        entries.delete(id);
      }
    },
    async pendingCount() {
      return pending.size;
    },
    async length() {
      return entries.size;
    },
    async backlog() {
      // Ids are `<append ms>-<seq>` and the Map keeps append order: the first key is the oldest entry.
      const first = entries.keys().next();
      return {
        entries: entries.size,
        pending: pending.size,
        oldestEntryAgeMs: first.done ? null : Math.max(0, clock.now() - Number(first.value.split('-')[0])),
      };
    },
    async close() {
      closed = true;
      wake();
    },
  };
}

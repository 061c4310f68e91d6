import { Redis } from 'ioredis';
import { REQUEST_PATH_REDIS_OPTIONS } from '../redis-request-options.js';
import type { EventStream, StreamEntry } from './event-stream.js';

export interface RedisStreamOptions {
  redisUrl: string;
  /** The stream's key (include any per-deployment or per-test prefix). */
  key: string;
  /** The consumer group every worker joins. */
  group: string;
}

type RawEntry = [id: string, fields: string[]] | null;

/**
 * Redis Streams with one consumer group (https://redis.io/docs/latest/develop/data-types/streams/).
 * Appends use a normal connection; blocking reads get their own connection so that a waiting XREADGROUP
 * never delays an XADD or XACK queued behind it on the same socket.
 */
export function createRedisStream<T>(options: RedisStreamOptions): EventStream<T> {
  const { key, group } = options;
  const commands = new Redis(options.redisUrl, REQUEST_PATH_REDIS_OPTIONS);
  commands.on('error', () => undefined); // surfaced on the commands (a fast 503), not printed by ioredis
  let reader: Redis | null = null;
  let groupReady: Promise<void> | null = null;
  let closed = false;

  const ensureGroup = () => {
    groupReady ??= commands.xgroup('CREATE', key, group, '0', 'MKSTREAM').then(
      () => undefined,
      (error: unknown) => {
        if (!String(error).includes('BUSYGROUP')) {
          groupReady = null;
          throw error;
        }
      },
    );
    return groupReady;
  };
  const decode = (raw: RawEntry[]): StreamEntry<T>[] => {
    const out: StreamEntry<T>[] = [];
    for (const item of raw) {
      if (!item) continue; // deleted while pending
      const [id, fields] = item;
      const at = fields.indexOf('m');
      out.push({ id, message: JSON.parse(at >= 0 ? (fields[at + 1] ?? 'null') : 'null') as T });
    }
    return out;
  };

  return {
    async append(messages) {
      if (messages.length === 0) return [];
      const pipeline = commands.pipeline();
      for (const message of messages) pipeline.xadd(key, '*', 'm', JSON.stringify(message));
      const results = (await pipeline.exec()) ?? [];
      return results.map(([error, id]) => {
        if (error) throw error;
        return String(id);
      });
    },
    async read(consumer, { count, blockMs }) {
      await ensureGroup();
      reader ??= commands.duplicate();
      const args: (string | number)[] = ['GROUP', group, consumer, 'COUNT', count];
      if (blockMs > 0) args.push('BLOCK', blockMs);
      args.push('STREAMS', key, '>');
      const reply = (await reader.call('XREADGROUP', ...args)) as [string, RawEntry[]][] | null;
      return reply ? decode(reply[0]?.[1] ?? []) : [];
    },
    async claimStale(consumer, { minIdleMs, count }) {
      await ensureGroup();
      // Always scan from the start: the pending list is small (consumers x batch size), and a resumed
      // cursor could pass over entries that became stale behind it.
      const reply = (await commands.call(
        'XAUTOCLAIM', key, group, consumer, minIdleMs, '0-0', 'COUNT', count,
      )) as [string, RawEntry[], string[]?];
      return decode(reply[1]);
    },
    async ack(ids) {
      if (ids.length === 0) return;
      // Acknowledged entries are deleted too: with a single group nobody needs them, and it bounds the stream.
      await commands.multi().xack(key, group, ...ids).xdel(key, ...ids).exec();
    },
    async pendingCount() {
      await ensureGroup();
      const summary = (await commands.xpending(key, group)) as [number, ...unknown[]];
      return Number(summary[0]);
    },
    async length() {
      return commands.xlen(key);
    },
    async backlog() {
      await ensureGroup();
      // Acknowledged entries are deleted (ack), so the first entry left is the oldest not yet acknowledged; its id
      // starts with the Redis server's append time in ms (https://redis.io/docs/latest/develop/data-types/streams/).
      type Reply = [Error | null, unknown];
      const [[, entries], [, pending], [, first], [, time]] = (await commands.multi()
        .xlen(key).xpending(key, group).xrange(key, '-', '+', 'COUNT', 1).time().exec()) as [Reply, Reply, Reply, Reply];
      const firstId = (first as [string, string[]][])[0]?.[0];
      const [seconds, micros] = (time as [string, string]).map(Number) as [number, number];
      const nowMs = seconds * 1000 + Math.floor(micros / 1000);
      return {
        entries: Number(entries),
        pending: Number((pending as [number])[0]),
        oldestEntryAgeMs: firstId ? Math.max(0, nowMs - Number(firstId.split('-')[0])) : null,
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      reader?.disconnect();
      await commands.quit();
    },
  };
}

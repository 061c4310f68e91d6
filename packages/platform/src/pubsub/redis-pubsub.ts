import { Redis } from 'ioredis';
import type { PubSub } from './pubsub.js';

/** Pub/sub over Redis: every process subscribed to a channel gets each message. */
export function createRedisPubSub(redisUrl: string, prefix: string): PubSub {
  const publisher = new Redis(redisUrl, { lazyConnect: false });
  const subscriber = new Redis(redisUrl, { lazyConnect: false });
  const handlers = new Map<string, Set<(message: unknown) => void>>();
  // SUBSCRIBE only once the connection is ready: ioredis 5.8.2+ may send its ready check (INFO) after a SUBSCRIBE
  // issued while connecting, which fails with "Connection in subscriber mode" (redis/ioredis#2037, fixed in v6).
  const ready = new Promise<void>((resolve) => subscriber.once('ready', () => resolve()));
  subscriber.on('message', (channel: string, raw: string) => {
    const set = handlers.get(channel);
    if (!set) return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    for (const handler of set) handler(message);
  });
  return {
    async publish(channel, message) {
      await publisher.publish(prefix + channel, JSON.stringify(message));
    },
    async subscribe(channel, handler) {
      const key = prefix + channel;
      let set = handlers.get(key);
      if (!set) {
        set = new Set();
        handlers.set(key, set);
        if (subscriber.status !== 'ready') await ready;
        await subscriber.subscribe(key);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0) {
          handlers.delete(key);
          await subscriber.unsubscribe(key);
        }
      };
    },
    async close() {
      subscriber.disconnect();
      await publisher.quit();
    },
  };
}

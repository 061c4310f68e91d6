import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createMemoryStream, createRedisStream, type EventStream } from '../src/stream/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runPrefix = `lct-stream-${randomBytes(4).toString('hex')}`;
let n = 0;

interface Msg {
  n: number;
}
type Maker = () => { stream: EventStream<Msg>; key: string };
const makers: [string, Maker][] = [
  ['memory', () => ({ stream: createMemoryStream<Msg>(), key: '' })],
  ['redis', () => {
    const key = `${runPrefix}:${(n += 1)}`;
    return { stream: createRedisStream<Msg>({ redisUrl: REDIS_URL, key, group: 'g' }), key };
  }],
];

async function cleanup(key: string) {
  if (!key) return;
  const redis = new Redis(REDIS_URL);
  await redis.del(key);
  await redis.quit();
}

describe('event stream', () => {
  for (const [name, make] of makers) {
    it(`[${name}] delivers each entry to one consumer; ack removes it`, async () => {
      const { stream, key } = make();
      await stream.read('a', { count: 1, blockMs: 0 }); // creates the group before anything is appended
      const ids = await stream.append([{ n: 1 }, { n: 2 }, { n: 3 }]);
      assert.equal(ids.length, 3);
      const a = await stream.read('a', { count: 2, blockMs: 0 });
      const b = await stream.read('b', { count: 10, blockMs: 0 });
      assert.deepEqual(a.map((e) => e.message.n), [1, 2]);
      assert.deepEqual(b.map((e) => e.message.n), [3]);
      assert.equal(await stream.pendingCount(), 3);
      await stream.ack([...a, ...b].map((e) => e.id));
      assert.equal(await stream.pendingCount(), 0);
      assert.equal(await stream.length(), 0);
      assert.deepEqual(await stream.read('a', { count: 10, blockMs: 0 }), []);
      await stream.close();
      await cleanup(key);
    });

    it(`[${name}] backlog: entries not yet acknowledged, those delivered, the oldest one's age`, async () => {
      const { stream, key } = make();
      assert.deepEqual(await stream.backlog(), { entries: 0, pending: 0, oldestEntryAgeMs: null });
      await stream.append([{ n: 1 }, { n: 2 }]);
      await new Promise((r) => setTimeout(r, 30));
      const delivered = await stream.read('a', { count: 1, blockMs: 0 });
      const backlog = await stream.backlog();
      assert.equal(backlog.entries, 2);
      assert.equal(backlog.pending, 1);
      assert.ok(backlog.oldestEntryAgeMs !== null && backlog.oldestEntryAgeMs >= 20, `age ${backlog.oldestEntryAgeMs}`);
      await stream.ack(delivered.map((e) => e.id));
      assert.deepEqual({ ...(await stream.backlog()), oldestEntryAgeMs: 0 }, { entries: 1, pending: 0, oldestEntryAgeMs: 0 });
      await stream.close();
      await cleanup(key);
    });

    it(`[${name}] a blocking read wakes up when something is appended`, async () => {
      const { stream, key } = make();
      await stream.read('a', { count: 1, blockMs: 0 });
      const started = Date.now();
      const reading = stream.read('a', { count: 10, blockMs: 3000 });
      setTimeout(() => void stream.append([{ n: 42 }]), 100);
      const got = await reading;
      assert.deepEqual(got.map((e) => e.message), [{ n: 42 }]);
      assert.ok(Date.now() - started < 2500);
      await stream.ack(got.map((e) => e.id));
      await stream.close();
      await cleanup(key);
    });

    it(`[${name}] entries a consumer read but never acknowledged are claimed by another once stale`, async () => {
      const { stream, key } = make();
      await stream.append([{ n: 1 }, { n: 2 }]);
      const lost = await stream.read('dead', { count: 10, blockMs: 0 });
      assert.equal(lost.length, 2);
      assert.deepEqual(await stream.claimStale('alive', { minIdleMs: 60_000, count: 10 }), []);
      await new Promise((r) => setTimeout(r, 60));
      const claimed = await stream.claimStale('alive', { minIdleMs: 50, count: 10 });
      assert.deepEqual(claimed.map((e) => e.message.n).sort(), [1, 2]);
      await stream.ack(claimed.map((e) => e.id));
      assert.equal(await stream.pendingCount(), 0);
      await stream.close();
      await cleanup(key);
    });
  }

  it('[redis] a consumer process killed between read and commit loses nothing', async () => {
    const key = `${runPrefix}:kill`;
    const stream = createRedisStream<Msg>({ redisUrl: REDIS_URL, key, group: 'g' });
    await stream.pendingCount(); // creates the group
    const sent = Array.from({ length: 50 }, (_, i) => ({ n: i }));
    await stream.append(sent);

    const fixture = fileURLToPath(new URL('./stream-kill-reader.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, REDIS_URL, key, 'g', '30'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const takenByDead = JSON.parse(line.toString()) as string[];
    assert.equal(takenByDead.length, 30);
    child.kill('SIGKILL');
    await once(child, 'exit');

    const seen = new Set<number>();
    const rest = await stream.read('survivor', { count: 100, blockMs: 0 });
    rest.forEach((e) => seen.add(e.message.n));
    await stream.ack(rest.map((e) => e.id));
    assert.equal(rest.length, 20);
    assert.equal(await stream.pendingCount(), 30);

    await new Promise((r) => setTimeout(r, 120));
    const claimed = await stream.claimStale('survivor', { minIdleMs: 100, count: 100 });
    assert.deepEqual(claimed.map((e) => e.id).sort(), [...takenByDead].sort());
    claimed.forEach((e) => seen.add(e.message.n));
    await stream.ack(claimed.map((e) => e.id));

    assert.equal(seen.size, 50);
    assert.equal(await stream.pendingCount(), 0);
    assert.equal(await stream.length(), 0);
    await stream.close();
    await cleanup(key);
  });
});

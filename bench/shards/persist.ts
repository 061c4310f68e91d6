// Event-writer throughput with and without DATABASE_SHARD_URLS on the machine's MariaDB: one database, or a main
// database and N shards (on the same server here, so this measures the two-step write's cost, not the spread).
// Like the stream consumer: 20 messages of 40 events (one per student batch) per persist, 100 students.
// `npx tsx bench/shards/persist.ts <shards> <batches>` (e.g. 0 1000, then 2 1000); databases are dropped after.
import { randomUUID } from 'node:crypto';
import { createRuntime } from '@logicode/core';
import { DEFAULT_POOL } from '@logicode/db';
import { shardedTestUrls } from '@logicode/db/testing';

const shardCount = Number(process.argv[2] ?? 0);
const batches = Number(process.argv[3] ?? 400);
const urls = shardedTestUrls(Math.max(shardCount, 1));
const runtime = await createRuntime({
  db: { url: urls.url, ...(shardCount ? { shardUrls: urls.shardUrls } : {}), pool: DEFAULT_POOL },
  redisUrl: null, redisPrefix: 'bench:', migrate: true, validateProblems: false, log: () => undefined,
  core: { jwtSecret: 'x'.repeat(40), accessTokenTtlSec: 900, refreshTokenTtlSec: 3600, login: { perAccountLimit: 9, perAddressLimit: 9, windowMs: 1000 }, maxQueuedPerUser: 5 },
});
try {
  const { db } = runtime.db;
  const now = Date.now();
  await db.insertInto('problems').values({ slug: 'p', title: 'P', statement: 'S', category: 'math', difficulty: 'easy', tags: '[]', style: 'stdio',
    timeLimitMs: 1000, memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: null, isPublished: 1, createdBy: null, createdAtMs: now, updatedAtMs: now }).execute();
  const students: { userId: number; attemptId: number }[] = [];
  for (let i = 0; i < 100; i += 1) {
    const user = await db.insertInto('users').values({ name: `s${i}`, email: `s${i}@b.io`, passwordHash: 'x', role: 'student', createdAtMs: now, updatedAtMs: now }).executeTakeFirstOrThrow();
    const userId = Number(user.insertId);
    const attempt = await db.insertInto('problemSessions').values({ userId, problemId: 1, assessmentId: null, startedAtMs: now, lastHeartbeatAtMs: now, endedAtMs: null, endReason: null, deadlineAtMs: null, isActive: 1, language: null, counters: '{}', integrityScore: 100 }).executeTakeFirstOrThrow();
    students.push({ userId, attemptId: Number(attempt.insertId) });
  }
  const types = ['tab_hidden', 'tab_visible', 'window_blur', 'window_focus', 'right_click'];
  // Like the stream consumer: reads of 20 messages (one per student batch of 40 events) per persist.
  const started = Date.now();
  let events = 0;
  for (let b = 0; b < batches; b += 20) {
    const messages = Array.from({ length: 20 }, (_, k) => {
      const s = students[(b + k) % students.length]!;
      const list = Array.from({ length: 40 }, (_, j) => ({ id: randomUUID(), clientTsMs: Date.now(), problemId: 1, attemptId: s.attemptId, type: types[j % 5]!, data: j % 5 === 4 ? { place: 'other' } : {} }));
      events += list.length;
      return { userId: s.userId, receivedAtMs: Date.now(), events: list as never };
    });
    await runtime.core.proctoring.writer.persist(messages);
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(JSON.stringify({ shards: shardCount, events, seconds, eventsPerSecond: Math.round(events / seconds) }));
} finally {
  await runtime.close();
  await urls.drop();
}

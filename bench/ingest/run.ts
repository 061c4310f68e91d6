// Proctor ingest benchmark: `npx tsx bench/ingest/run.ts [--quick] [--mode embedded|scaled|both]`.
// N simulated students POST event batches to a real api process; embedded mode writes to SQLite in the request,
// scaled mode appends to a Redis Stream that a separate consumer process writes to MariaDB. Reports events/s
// accepted and persisted, POST latency percentiles, and checks that every accepted event is in the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SignJWT } from 'jose';
import { Redis } from 'ioredis';
import { createDb, DEFAULT_POOL, ensureMysqlDatabase, migrateToLatest, type DbHandle } from '@logicode/db';
import { percentile, runLoad, type Student } from './load.js';
import * as ingestKeys from '../../packages/db/src/migrations/0100-ingest-keys.js';
import { cpuMsOf, dropMysqlDatabase, pidOf } from '../http/support.js';


/**
 * Issue 18's scaled target asks for 50,000 events/s or where the limit is: CPU seconds per 100,000 persisted events
 * of each part (the api, the consumer, MariaDB, Redis, the load generator), so the cores each part needs at a given
 * rate can be read off, on this machine and for a shard count. MariaDB's and Redis's figures count whatever else
 * the machine's servers did meanwhile.
 */
interface CpuBudget { api: number; consumer: number; mariadb: number; redis: number; load: number }

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const modeArg = args[args.indexOf('--mode') + 1];
type Mode = 'embedded' | 'scaled' | 'drain';
const modes: Mode[] = args.includes('--mode') && modeArg !== 'all' ? [modeArg as Mode] : ['embedded', 'scaled', 'drain'];
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-123';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MYSQL = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const root = new URL('../../', import.meta.url).pathname;

interface Shape {
  students: number;
  eventsPerBatch: number;
  intervalMs: number;
  durationMs: number;
}
const SHAPES: Record<Mode, Shape> = {
  embedded: { students: 100, eventsPerBatch: 40, intervalMs: 2000, durationMs: quick ? 10_000 : 60_000 },
  scaled: { students: 1200, eventsPerBatch: 40, intervalMs: 2000, durationMs: quick ? 10_000 : 60_000 },
  // drain: no HTTP; this many batches are appended to the stream first, then one consumer process drains them.
  drain: { students: 1000, eventsPerBatch: 40, intervalMs: 0, durationMs: quick ? 2_000 : 10_000 },
};

/** Consumer capacity alone: the api's share of the CPU is taken out of the picture. */
async function fillStream(students: Student[], batches: number, prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL);
  const key = `${prefix}stream:proctor-events`;
  const types = ['tab_hidden', 'tab_visible', 'window_blur', 'window_focus', 'right_click'];
  let events = 0;
  for (let b = 0; b < batches; b += 100) {
    const pipeline = redis.pipeline();
    for (let i = b; i < Math.min(batches, b + 100); i += 1) {
      const s = students[i % students.length]!;
      const userId = Number(JSON.parse(Buffer.from(s.token.split('.')[1]!, 'base64url').toString()).sub);
      const list = Array.from({ length: 40 }, (_, j) => {
        const type = types[j % 5]!;
        return { id: randomUUID(), clientTsMs: Date.now(), problemId: s.problemId, attemptId: s.attemptId, type, data: type === 'right_click' ? { place: 'other' } : {} };
      });
      events += list.length;
      pipeline.xadd(key, '*', 'm', JSON.stringify({ userId, receivedAtMs: Date.now(), events: list }));
    }
    await pipeline.exec();
  }
  await redis.quit();
  return events;
}

async function seed(handle: DbHandle, n: number): Promise<Student[]> {
  const { db } = handle;
  const now = Date.now();
  const problem = await db.insertInto('problems').values({
    slug: 'bench', title: 'Bench', statement: 's', category: 'math', difficulty: 'easy', tags: '[]', style: 'stdio', timeLimitMs: 1000,
    memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: null, isPublished: 1, createdBy: null, createdAtMs: now, updatedAtMs: now,
  } as never).executeTakeFirstOrThrow();
  const problemId = Number(problem.insertId);
  const students: Student[] = [];
  for (let i = 0; i < n; i += 200) {
    const chunk = Array.from({ length: Math.min(200, n - i) }, (_, j) => ({
      name: `Student ${i + j}`, email: `s${i + j}@bench.io`, passwordHash: 'x', role: 'student' as const, createdAtMs: now, updatedAtMs: now,
    }));
    await db.insertInto('users').values(chunk).execute();
  }
  const users = await db.selectFrom('users').select(['id', 'name']).orderBy('id').execute();
  for (let i = 0; i < users.length; i += 200) {
    await db.insertInto('problemSessions').values(users.slice(i, i + 200).map((u) => ({
      userId: u.id, problemId, assessmentId: null, startedAtMs: now, lastHeartbeatAtMs: now, endedAtMs: null, endReason: null,
      deadlineAtMs: null, isActive: 1, language: 'python', counters: '{}', integrityScore: 100,
    }))).execute();
  }
  const attempts = await db.selectFrom('problemSessions').select(['id', 'userId']).execute();
  const byUser = new Map(attempts.map((a) => [a.userId, a.id]));
  const key = new TextEncoder().encode(JWT_SECRET);
  for (const u of users) {
    const token = await new SignJWT({ role: 'student', name: u.name }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(u.id))
      .setIssuedAt().setExpirationTime('2h').setIssuer('logicode').sign(key);
    students.push({ token, problemId, attemptId: byUser.get(u.id)! });
  }
  return students;
}

async function startChild(role: string, env: Record<string, string>): Promise<ChildProcess> {
  // BENCH_NODE_ARGS: extra node flags for the children, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (not allowed in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'bench/ingest/roles.ts'), role], {
    cwd: root, env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY')) {
        (child as ChildProcess & { port?: number }).port = Number(line.split(' ')[1]);
        resolve();
      }
    });
  });
  return child;
}

async function stored(handle: DbHandle): Promise<number> {
  const [a, b] = await Promise.all([
    handle.db.selectFrom('proctorEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    handle.db.selectFrom('codeSnapshots').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return Number(a.n) + Number(b.n);
}

/**
 * Scaled and drain modes: wait until the stream is empty (an entry is deleted only after its commit), reading
 * XLEN rather than COUNT(*): a COUNT(*) every 250 ms scans the whole table and took ~20 % of MariaDB's CPU away
 * from the consumer it measures. Gives up after 30 s without progress.
 */
async function streamDrained(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const key = `${prefix}stream:proctor-events`;
  let last = -1;
  let lastChangeMs = Date.now();
  for (;;) {
    const left = await redis.xlen(key);
    if (left === 0 || Date.now() - lastChangeMs > 30_000) break;
    if (left !== last) lastChangeMs = Date.now();
    last = left;
    await new Promise((r) => setTimeout(r, 100));
  }
  await redis.quit();
}

async function benchMode(mode: Mode) {
  const shape = SHAPES[mode];
  const tmp = mkdtempSync(join(tmpdir(), 'logicode-bench-'));
  const dbName = `lc_bench_${randomBytes(4).toString('hex')}`;
  const url = mode === 'embedded' ? `sqlite:${join(tmp, 'bench.db')}` : `${MYSQL}/${dbName}`;
  const prefix = `lcbench-${randomBytes(4).toString('hex')}:`;
  if (mode !== 'embedded') await ensureMysqlDatabase(url);
  const handle = createDb({ url, pool: DEFAULT_POOL });
  await migrateToLatest(handle);
  // BENCH_KEYS=uuid: the tables as before migration 0100 (clustered on the UUID), for an A/B on the same machine.
  if (process.env.BENCH_KEYS === 'uuid') await ingestKeys.down(handle.db);
  const students = await seed(handle, shape.students);
  const env: Record<string, string> = {
    DATABASE_URL: url, JWT_SECRET, REDIS_PREFIX: prefix, DATA_DIR: tmp, DB_POOL_SIZE: '10',
    ...(mode !== 'embedded' ? { REDIS_URL } : {}),
  };
  const children: ChildProcess[] = [];
  const servers = { mariadb: pidOf('mariadbd'), redis: pidOf('redis-server') };
  const serversBefore = { mariadb: cpuMsOf(servers.mariadb), redis: cpuMsOf(servers.redis) };
  const loadCpuBefore = process.cpuUsage();
  let childCpuAtStart: number[] = [];
  let load: Awaited<ReturnType<typeof runLoad>>;
  const loadBefore = loadavg()[0]!;
  let loadStart = Date.now();
  if (mode === 'drain') {
    const batches = (shape.durationMs / 1000) * 1000;
    const appended = await fillStream(students, batches, prefix);
    console.log(`[drain] ${appended} events appended to the stream; one consumer process drains them`);
    loadStart = Date.now();
    children.push(await startChild('consumer', env));
    childCpuAtStart = children.map((c) => cpuMsOf(c.pid));
    load = { posts: batches, accepted: appended, failedPosts: 0, latenciesMs: [], elapsedMs: 1 };
  } else {
    children.push(await startChild('api', env));
    if (mode === 'scaled') children.push(await startChild('consumer', env));
    const port = (children[0] as ChildProcess & { port: number }).port;
    console.log(`[${mode}] ${shape.students} students x ${shape.eventsPerBatch} events every ${shape.intervalMs} ms for ${shape.durationMs / 1000} s`);
    childCpuAtStart = children.map((c) => cpuMsOf(c.pid)); // start-up (loading the TypeScript) is not the events' cost
    load = await runLoad({ ...shape, port, students });
  }
  const storedAtLoadEnd = await stored(handle);
  const loadAfter = loadavg()[0]!;
  let persisted = storedAtLoadEnd;
  let drainedMs: number;
  if (mode === 'embedded') {
    let lastChangeMs = Date.now();
    while (persisted < load.accepted && Date.now() - lastChangeMs < 30_000) {
      await new Promise((r) => setTimeout(r, 250));
      const now = await stored(handle);
      if (now !== persisted) lastChangeMs = Date.now();
      persisted = now;
    }
    drainedMs = Date.now() - loadStart;
  } else {
    await streamDrained(prefix);
    drainedMs = Date.now() - loadStart;
    persisted = await stored(handle);
  }
  // Children by role: the api is first in scaled and embedded mode; the consumer is the last in scaled and drain.
  const roleCpuMs = (role: 'api' | 'consumer') => {
    const index = role === 'api' ? (mode === 'drain' ? -1 : 0) : (mode === 'embedded' ? -1 : children.length - 1);
    return index < 0 ? 0 : cpuMsOf(children[index]!.pid) - (childCpuAtStart[index] ?? 0);
  };
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const per100k = (cpuMs: number) => (persisted > 0 ? cpuMs / 1000 / (persisted / 100_000) : 0);
  const cpu: CpuBudget = {
    api: per100k(roleCpuMs('api')), consumer: per100k(roleCpuMs('consumer')),
    mariadb: mode === 'embedded' ? 0 : per100k(cpuMsOf(servers.mariadb) - serversBefore.mariadb),
    redis: mode === 'embedded' ? 0 : per100k(cpuMsOf(servers.redis) - serversBefore.redis),
    load: per100k((loadCpu.user + loadCpu.system) / 1000),
  };
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
  await handle.close();
  if (mode !== 'embedded') {
    await dropMysqlDatabase(MYSQL, dbName);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  }
  rmSync(tmp, { recursive: true, force: true });
  const seconds = load.elapsedMs / 1000;
  return {
    mode, shape, posts: load.posts, failedPosts: load.failedPosts, accepted: load.accepted, persisted,
    lost: load.accepted - persisted,
    acceptedPerSec: Math.round(load.accepted / seconds),
    persistedDuringLoadPerSec: Math.round(storedAtLoadEnd / seconds),
    persistedPerSec: Math.round(persisted / (drainedMs / 1000)),
    drainSec: (drainedMs - load.elapsedMs) / 1000,
    loadAvg: `${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
    p50: percentile(load.latenciesMs, 50), p99: percentile(load.latenciesMs, 99), max: percentile(load.latenciesMs, 100),
    cpu,
  };
}

const results = [];
for (const mode of modes) {
  const r = await benchMode(mode);
  console.log(JSON.stringify(r));
  results.push(r);
}

const lines = [
  '# Proctor event ingest benchmark',
  '',
  `Command: \`npx tsx bench/ingest/run.ts${quick ? ' --quick' : ''}\` — ${new Date().toISOString()}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), Node ${process.version}.`,
  'One api process (Fastify, JWT auth, per-event zod validation); scaled mode adds one consumer process (3 read-commit-ack loops)',
  'and uses MariaDB + Redis on the same machine; the load generator runs in a third process. Batches are a realistic mix',
  '(tab/focus changes, paste/copy, right-click, idle, code snapshot diffs), every event with a fresh UUID.',
  '',
  '| mode | students × events/batch / interval | duration | POSTs | failed | accepted events | accepted/s | persisted during load/s | persisted/s (incl. drain) | drain after load | POST p50 / p99 / max | lost | 1-min load avg (before → end) |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map((r) => `| ${{ scaled: 'Redis Stream → MariaDB', embedded: 'embedded (SQLite)', drain: 'drain only: stream → MariaDB, no HTTP' }[r.mode]} | ${r.mode === 'drain' ? `${r.posts} batches × 40 prefilled` : `${r.shape.students} × ${r.shape.eventsPerBatch} / ${r.shape.intervalMs} ms`} | ${r.mode === 'drain' ? '–' : `${r.shape.durationMs / 1000} s`} | ${r.posts} | ${r.failedPosts} | ${r.accepted} | ${r.mode === 'drain' ? '–' : r.acceptedPerSec} | ${r.mode === 'drain' ? '–' : r.persistedDuringLoadPerSec} | ${r.persistedPerSec} | ${r.drainSec.toFixed(1)} s | ${r.mode === 'drain' ? '–' : `${r.p50} / ${r.p99} / ${r.max} ms`} | ${r.lost} | ${r.loadAvg} |`),
  '',
  '`lost` = accepted (202) events minus rows found in proctor_events + code_snapshots after the consumer drained: it must be 0.',
  '',
  'CPU seconds per 100,000 persisted events, and the cores each part would need at 50,000 events/s (= s per 100 k / 2):',
  '',
  '| mode | api | consumer | MariaDB | Redis | load generator | all parts but the load | cores for 50 k/s (all but the load) | MariaDB cores for 50 k/s |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => {
    const c = r.cpu;
    const parts = c.api + c.consumer + c.mariadb + c.redis;
    return `| ${r.mode} | ${c.api.toFixed(2)} | ${c.consumer.toFixed(2)} | ${c.mariadb.toFixed(2)} | ${c.redis.toFixed(2)} | ${c.load.toFixed(2)} | ${parts.toFixed(2)} | ${(parts / 2).toFixed(2)} | ${(c.mariadb / 2).toFixed(2)} |`;
  }),
  'The load average column shows how busy the (shared) machine was: figures taken at a load well above the CPU count',
  'measure contention as much as LogiCode.',
  '',
];
mkdirSync(join(root, 'bench/results'), { recursive: true });
const file = join(root, quick ? 'bench/results/ingest-quick.md' : 'bench/results/ingest.md');
writeFileSync(file, lines.join('\n'));
console.log(`\nwrote ${file}`);
if (results.some((r) => r.lost !== 0)) process.exitCode = 1;

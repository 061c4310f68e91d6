// The worker's HTTP endpoint on the machine's MariaDB and Redis: a real judge job (sandboxed Python) and a real
// proctor batch through the Redis stream, then /metrics scraped over HTTP shows the judge-duration, queue-wait
// and ingest-lag series with samples; /readyz answers 503 naming the database when it cannot be reached.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { ProblemPackage } from '@logicode/contracts';
import { createRuntime, PROCTOR_EVENTS_STREAM, type Actor, type IngestMessage, type Runtime } from '@logicode/core';
import { DEFAULT_POOL } from '@logicode/db';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { loadWorkerConfig, startWorker, type WorkerHandle } from '../../src/index.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CORE = {
  jwtSecret: 'x'.repeat(40), accessTokenTtlSec: 900, refreshTokenTtlSec: 3600,
  login: { perAccountLimit: 10, perAddressLimit: 50, windowMs: 60_000 }, maxQueuedPerUser: 5,
};

const PACKAGE: ProblemPackage = {
  format: 'logicode-problem@1',
  problem: {
    slug: 'metrics-sum', title: 'Sum', statement: 'a + b', category: 'math', difficulty: 'easy', tags: [], style: 'stdio',
    timeLimitMs: 2000, memoryLimitKb: 262_144, checker: { kind: 'exact' }, timedDurationSec: null, isPublished: true,
  },
  languages: [{ language: 'python', starterCode: '', driverCode: null }, { language: 'c', starterCode: '', driverCode: null }],
  tests: [
    { input: '1 2\n', expectedOutput: '3\n', isSample: true, weight: 1 },
    { input: '7 8\n', expectedOutput: '15\n', isSample: false, weight: 1 },
  ],
  solutions: [{ language: 'python', source: 'a, b = map(int, input().split())\nprint(a + b)\n' }],
};

/** `name{labels} value` lines of the text format, as [series, value]. */
function samples(text: string): [string, number][] {
  return text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => {
    const at = line.lastIndexOf(' ');
    return [line.slice(0, at), Number(line.slice(at + 1))];
  });
}
const valueOf = (text: string, series: string) => samples(text).find(([name]) => name === series)?.[1];

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function clearPrefix(prefix: string) {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

describe('worker /metrics, /healthz, /readyz', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let worker: WorkerHandle;
  let base: string;
  const redisPrefix = `lct-wmetrics-${randomBytes(4).toString('hex')}:`;
  let problemId = 0;

  before(async () => {
    database = await createTestDatabase('mysql');
    runtime = await createRuntime({
      db: database.config, handle: database.handle, redisUrl: REDIS_URL, redisPrefix, core: CORE, migrate: false,
      validateProblems: false, log: () => undefined,
    });
    worker = await startWorker(runtime, loadWorkerConfig({ WORKER_ROLES: 'judge,events', WORKER_CONCURRENCY: '1', WORKER_METRICS_PORT: '0' }), () => undefined);
    assert.ok(worker.httpPort, 'WORKER_METRICS_PORT=0 listens on a free port');
    base = `http://127.0.0.1:${worker.httpPort}`;
  });
  after(async () => {
    await worker?.stop();
    await runtime?.close();
    await database?.drop();
    await clearPrefix(redisPrefix);
  });

  it('scrapes judge durations, queue wait and ingest lag after a real judge job and a real ingest batch', { timeout: 180_000 }, async () => {
    const { accounts, problems, submissions, proctoring } = runtime.core;
    const admin = await accounts.createUser({ name: 'Admin', email: 'admin@wm.test', password: 'metrics-pass', role: 'admin' });
    const user = await accounts.createUser({ name: 'Student', email: 'student@wm.test', password: 'metrics-pass', role: 'student' });
    const adminActor: Actor = { userId: admin.id, role: 'admin', name: 'Admin' };
    const student: Actor = { userId: user.id, role: 'student', name: 'Student' };
    const problem = await problems.importPackage(PACKAGE, adminActor, { trusted: true });
    problemId = problem.id;

    const { id } = await submissions.create(student, { problemId: problem.id, language: 'python', mode: 'submit', code: PACKAGE.solutions[0]!.source });
    await waitFor(async () => (await submissions.get(student, id)).status === 'done', 'the verdict');
    assert.equal((await submissions.get(student, id)).verdict, 'AC');

    const attemptId = (await proctoring.attempts.start(student, problem.id)).attempt.id;
    const events = ['tab_hidden', 'tab_visible', 'window_blur'].map((type) => ({ id: randomUUID(), clientTsMs: Date.now(), problemId: problem.id, attemptId, type, data: {} }));
    assert.equal((await proctoring.ingest.accept(student, events)).accepted, 3);
    const stored = async () => Number((await runtime.db.db.selectFrom('proctorEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await waitFor(async () => (await stored()) === 3, 'the consumer to store the batch');

    // The histograms are observed just after the commit and the verdict: poll the scrape, not the database.
    let text = '';
    await waitFor(async () => {
      const response = await fetch(`${base}/metrics`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/plain/);
      text = await response.text();
      return (valueOf(text, 'ingest_events_persisted_total') ?? 0) >= 3;
    }, 'the ingest series', 10_000);
    const labels = '{language="python",verdict="AC"}';
    assert.ok(valueOf(text, `judge_compile_duration_seconds_count${labels}`)! >= 1, 'compile durations');
    assert.ok(valueOf(text, `judge_compile_duration_seconds_sum${labels}`)! > 0);
    assert.ok(valueOf(text, `judge_run_duration_seconds_count${labels}`)! >= 1, 'run durations');
    assert.ok(valueOf(text, `judge_run_duration_seconds_sum${labels}`)! > 0);
    assert.ok(valueOf(text, 'queue_wait_seconds_count{queue="judge"}')! >= 1, 'queue wait');
    assert.ok(valueOf(text, 'ingest_commit_lag_seconds_count')! >= 1, 'commit lag');
    assert.ok(valueOf(text, 'ingest_commit_lag_seconds_sum')! > 0);
    assert.equal(valueOf(text, 'ingest_events_persisted_total'), 3);
    assert.equal(valueOf(text, `ingest_stream_pending_entries{stream="${PROCTOR_EVENTS_STREAM}"}`), 0, 'acknowledged after the commit');
    assert.equal(valueOf(text, `ingest_stream_backlog_entries{stream="${PROCTOR_EVENTS_STREAM}"}`), 0);
    assert.ok(valueOf(text, 'database_active_connections{pool="primary"}') !== undefined, 'the pool gauges too');
    assert.ok(valueOf(text, 'queue_depth{queue="judge"}') !== undefined);
  });

  it('compiles once: a Submit of the code just Run is a build-cache hit (judge_build_cache_total)', { timeout: 180_000 }, async () => {
    const { accounts, submissions } = runtime.core;
    const user = await accounts.createUser({ name: 'Coder', email: 'coder@wm.test', password: 'metrics-pass', role: 'student' });
    const student: Actor = { userId: user.id, role: 'student', name: 'Coder' };
    assert.ok(problemId > 0, 'the problem of the first test');
    // Unique per run: the build cache lives in the judge's work root, shared by every test run on this machine.
    const code = `#include <stdio.h>\n/* ${randomUUID()} */\nint main(void){long a,b;if(scanf("%ld %ld",&a,&b)!=2)return 1;printf("%ld\\n",a+b);return 0;}\n`;
    const series = (result: string) => `judge_build_cache_total{language="c",result="${result}"}`;
    const scrape = async () => (await fetch(`${base}/metrics`)).text();
    const before = await scrape();
    const judged = async (mode: 'run' | 'submit') => {
      const { id } = await submissions.create(student, { problemId, language: 'c', mode, code });
      await waitFor(async () => (await submissions.get(student, id)).status === 'done', `the ${mode}`);
      return (await submissions.get(student, id)).verdict;
    };
    assert.equal(await judged('run'), 'AC');
    const afterRun = await scrape();
    assert.equal((valueOf(afterRun, series('miss')) ?? 0) - (valueOf(before, series('miss')) ?? 0), 1, 'the Run compiled');
    assert.equal(await judged('submit'), 'AC');
    const afterSubmit = await scrape();
    assert.equal((valueOf(afterSubmit, series('hit')) ?? 0) - (valueOf(afterRun, series('hit')) ?? 0), 1, "the Submit used the Run's build");
    assert.equal(valueOf(afterSubmit, series('miss')), valueOf(afterRun, series('miss')), 'and did not compile');
  });

  it('answers /healthz and /readyz with the database and Redis up, 404 elsewhere', async () => {
    assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready', database: 'ok', redis: 'ok' });
    const missing = await fetch(`${base}/nope`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { code: string }).code, 'ROUTE_NOT_FOUND');
  });
});

describe('worker /readyz with the database unreachable; stream backlog gauges', () => {
  const redisPrefix = `lct-wmetrics-down-${randomBytes(4).toString('hex')}:`;
  let runtime: Runtime;
  let worker: WorkerHandle;

  before(async () => {
    // Port 1 on loopback: nothing listens, every connection is refused at once.
    const db = { url: 'mysql://root@127.0.0.1:1/logicode_unreachable', pool: { ...DEFAULT_POOL, connectTimeoutMs: 1000 } };
    runtime = await createRuntime({ db, redisUrl: REDIS_URL, redisPrefix, core: CORE, migrate: false, validateProblems: false, log: () => undefined });
    // No roles: nothing consumes the stream, so an appended batch stays in the backlog.
    worker = await startWorker(runtime, loadWorkerConfig({ WORKER_ROLES: '', WORKER_METRICS_PORT: '0' }), () => undefined);
  });
  after(async () => {
    await worker?.stop();
    await runtime?.close();
    await clearPrefix(redisPrefix);
  });

  it('is 503 naming the database while /healthz stays 200', async () => {
    const base = `http://127.0.0.1:${worker.httpPort}`;
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 503);
    const body = (await ready.json()) as { code: string; message: string; details: Record<string, string> };
    assert.equal(body.code, 'UNAVAILABLE');
    assert.equal(body.details.database, 'down');
    assert.equal(body.details.redis, 'ok');
    assert.match(body.message, /database/);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  it('reports an unconsumed batch as backlog with the age of the oldest entry', async () => {
    const message: IngestMessage = { userId: 1, receivedAtMs: Date.now(), events: [] };
    await runtime.platform.stream<IngestMessage>(PROCTOR_EVENTS_STREAM).append([message]);
    await new Promise((r) => setTimeout(r, 50));
    const text = await (await fetch(`http://127.0.0.1:${worker.httpPort}/metrics`)).text();
    assert.equal(valueOf(text, `ingest_stream_backlog_entries{stream="${PROCTOR_EVENTS_STREAM}"}`), 1);
    assert.equal(valueOf(text, `ingest_stream_pending_entries{stream="${PROCTOR_EVENTS_STREAM}"}`), 0, 'never delivered');
    assert.ok(valueOf(text, `ingest_stream_oldest_entry_age_seconds{stream="${PROCTOR_EVENTS_STREAM}"}`)! > 0);
  });
});

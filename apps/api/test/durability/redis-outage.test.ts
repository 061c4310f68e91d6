// Scaled mode and Redis (issue 15, item 7), through the real api: while Redis is down, sign-in and event POSTs get
// a fast 503 with Retry-After (not a 40 s hang or a 500), and serve again when it is back; a queued submission
// whose job Redis lost is re-enqueued by the sweep (it used to stay queued forever and count against
// MAX_QUEUED_PER_USER); a start with REDIS_PERSISTENCE_CHECK=refuse on a Redis without AOF fails.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createRuntime, type Runtime } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { buildApp } from '../../src/app.js';
import { loadApiConfig, type ApiConfig } from '../../src/config.js';
import { startOwnRedis, type OwnRedis } from '../../../../packages/platform/test/support/own-redis.js';
import { importProblem } from '../proctor/helpers.js';

describe('api over a Redis that goes away [sqlite]', () => {
  let redis: OwnRedis;
  let database: TestDatabase;
  let runtime: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dataDir: string;
  const prefix = `outage-${Date.now()}:`;

  before(async () => {
    redis = await startOwnRedis({ aof: false });
    database = await createTestDatabase('sqlite');
    dataDir = mkdtempSync(join(tmpdir(), 'logicode-outage-'));
    const base = loadApiConfig({ JWT_SECRET: 'test-secret-test-secret-test-secret-1234', LOG_LEVEL: 'silent', DATA_DIR: dataDir, REDIS_URL: redis.url, WEB_DIST_DIR: join(dataDir, 'none') });
    const config: ApiConfig = Object.freeze({ ...base, db: database.config });
    runtime = await createRuntime({
      db: config.db, handle: database.handle, redisUrl: redis.url, redisPrefix: prefix, core: config.core, migrate: false,
      validateProblems: false, log: () => undefined, redisPersistence: 'log',
    });
    app = await buildApp({ config, runtime, gateway: false, logger: false });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await runtime.platform.close();
    await database.drop();
    await redis.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a queued submission whose job Redis lost is re-enqueued; one whose job waits is left alone', async () => {
    await runtime.core.accounts.createUser({ name: 'Admin', email: 'admin@outage.test', password: 'admin-pass-123', role: 'admin' });
    const admin = await runtime.core.accounts.login({ email: 'admin@outage.test', password: 'admin-pass-123' }, '10.1.1.1');
    const headers = { authorization: `Bearer ${admin.accessToken}` };
    const problemId = await importProblem({ app, runtime } as never, headers, { slug: 'outage-sum' });
    await runtime.core.accounts.createUser({ name: 'Stu', email: 'stu@outage.test', password: 'student-pass-1', role: 'student' });
    const student = await runtime.core.accounts.login({ email: 'stu@outage.test', password: 'student-pass-1' }, '10.1.1.2');
    const submit = () => app.inject({ method: 'POST', url: '/api/submissions', headers: { authorization: `Bearer ${student.accessToken}` }, payload: { problemId, language: 'python', mode: 'submit', code: 'print(1)\n' } });
    const first = await submit();
    assert.equal(first.statusCode, 202, first.body);
    const { submissions } = runtime.core;
    assert.equal(await submissions.requeueLost({ olderThanMs: 0 }), 0, 'its job is waiting');
    // Redis restarts without persistence: every key is gone.
    const admin2 = new Redis(redis.url);
    await admin2.flushall();
    admin2.disconnect();
    assert.equal(await submissions.requeueLost({ olderThanMs: 0 }), 1);
    assert.equal(await submissions.requeueLost({ olderThanMs: 0 }), 0, 'once back, it is pending again');
    const row = await runtime.db.db.selectFrom('submissions').select('status').where('id', '=', first.json().id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'queued');
  });

  it('while Redis is down: a fast 503 with Retry-After for sign-in and submissions; back to normal after', async () => {
    await redis.stop();
    try {
      const started = Date.now();
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'stu@outage.test', password: 'wrong-pass-1' } });
      assert.equal(login.statusCode, 503, login.body);
      assert.equal(login.json().code, 'UNAVAILABLE');
      assert.equal(login.headers['retry-after'], '5');
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    } finally {
      await redis.start();
    }
    // ioredis reconnects on its own; give it a moment, then it serves again.
    let status = 0;
    for (let i = 0; i < 40 && status !== 401; i += 1) {
      status = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'stu@outage.test', password: 'wrong-pass-1' } })).statusCode;
      if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.equal(status, 401);
  });

  it('REDIS_PERSISTENCE_CHECK=refuse: no start on a Redis without AOF', async () => {
    const db2 = await createTestDatabase('sqlite');
    try {
      await assert.rejects(createRuntime({
        db: db2.config, handle: db2.handle, redisUrl: redis.url, redisPrefix: `${prefix}2:`, core: loadApiConfig({ JWT_SECRET: 'test-secret-test-secret-test-secret-1234', DATA_DIR: dataDir }).core,
        migrate: false, validateProblems: false, log: () => undefined, redisPersistence: 'refuse',
      }), /appendonly yes/);
    } finally {
      await db2.drop();
    }
  });
});

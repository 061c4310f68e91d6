// A saturated MariaDB pool answers 503 UNAVAILABLE with Retry-After (a request to repeat), never a 500.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createRuntime, type Runtime } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { buildApp } from '../src/app.js';
import { loadApiConfig } from '../src/config.js';

describe('a saturated database pool (MariaDB)', { timeout: 120_000 }, () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let app: FastifyInstance;
  let dataDir: string;

  before(async () => {
    // The schema comes from the test database; the api opens its own pool from its config: one connection,
    // one waiter, a short acquire time-out.
    database = await createTestDatabase('mysql');
    dataDir = mkdtempSync(join(tmpdir(), 'logicode-api-'));
    const config = loadApiConfig({
      JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: join(dataDir, 'no-web'),
      DATABASE_URL: database.config.url,
      DB_POOL_SIZE: '1',
      DB_QUEUE_LIMIT: '1',
      DB_ACQUIRE_TIMEOUT_MS: '500',
    });
    assert.equal(config.db.pool.connectionLimit, 1);
    runtime = await createRuntime({
      db: config.db, redisUrl: null, redisPrefix: 'test:', core: config.core, migrate: false, validateProblems: false, log: () => undefined,
    });
    app = await buildApp({ config, runtime, gateway: false, logger: false });
    await app.ready();
  });

  after(async () => {
    await app?.close();
    await runtime?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 UNAVAILABLE with Retry-After while the only connection is held, and 200 after', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/problems/meta' })).statusCode, 200);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    // Hold the pool's one connection until the requests below have been answered.
    const holder = runtime.db.db.connection().execute(async () => {
      holding();
      await released;
    });
    await held;
    try {
      // The first waits in the queue until the acquire time-out; the others find the queue full at once.
      const responses = await Promise.all([1, 2, 3].map(() => app.inject({ method: 'GET', url: '/api/problems/meta' })));
      for (const response of responses) {
        assert.equal(response.statusCode, 503, response.body);
        assert.match(String(response.headers['content-type']), /application\/json/);
        assert.equal(response.headers['retry-after'], '1');
        const body = response.json();
        assert.equal(body.code, 'UNAVAILABLE');
        assert.equal(body.statusCode, 503);
        assert.equal(body.details.retryAfterSec, 1);
      }
    } finally {
      release();
      await holder;
    }
    assert.equal((await app.inject({ method: 'GET', url: '/api/problems/meta' })).statusCode, 200);
  });
});

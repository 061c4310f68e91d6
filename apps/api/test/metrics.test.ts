import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRuntime } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { buildApp } from '../src/app.js';
import { loadApiConfig } from '../src/config.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The value of one sample line, e.g. `queue_depth{queue="judge"} 0`. */
function sample(text: string, pattern: RegExp): number | null {
  const line = text.split('\n').find((l) => pattern.test(l));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

describe('GET /metrics', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('mysql');
  });
  after(() => t.close());

  it('exports request durations by route pattern, pool, queue, socket and process series', async () => {
    for (const id of [1, 2, 3]) await t.app.inject({ method: 'GET', url: `/api/problems/${id}` });
    await t.app.inject({ method: 'GET', url: '/api/problems' });
    await t.app.inject({ method: 'GET', url: '/no/such/route' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/plain/);
    const text = response.body;
    // Three different ids are one series (the pattern), with the 404 status each of them got.
    const byPattern = sample(text, /^http_request_duration_seconds_count\{.*route="\/api\/problems\/:id".*status="404"/);
    assert.equal(byPattern, 3, text.split('\n').filter((l) => l.startsWith('http_request_duration_seconds_count')).join('\n'));
    assert.doesNotMatch(text, /route="\/api\/problems\/1"/);
    assert.equal(sample(text, /^http_request_duration_seconds_count\{method="GET",route="\/api\/problems",status="200"\}/), 1);
    assert.equal(sample(text, /^http_request_duration_seconds_count\{.*route="unmatched".*status="404"/), 1);
    assert.match(text, /^http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/problems"/m);
    assert.equal(sample(text, /^websocket_active_connections /), 0);
    assert.ok((sample(text, /^database_pool_connections\{pool="primary",state="total"\}/) ?? 0) >= 1, 'the MariaDB pool has opened a connection');
    assert.notEqual(sample(text, /^database_active_connections\{pool="primary"\}/), null);
    assert.equal(sample(text, /^queue_depth\{queue="judge"\}/), 0);
    assert.ok((sample(text, /^database_query_duration_seconds_count /) ?? 0) >= 4, 'every query on the primary is timed');
    assert.ok((sample(text, /^process_resident_memory_bytes /) ?? 0) > 0);
    assert.match(text, /^nodejs_eventloop_lag_seconds /m);
  });

  it('counts queued judge jobs in queue_depth', async () => {
    await t.runtime.platform.queue<{ submissionId: number }>('judge').add({ submissionId: 999 });
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.equal(sample(text, /^queue_depth\{queue="judge"\}/), 1);
  });
});

describe('GET /readyz with Redis', () => {
  let database: TestDatabase;
  let dataDir: string;
  before(async () => {
    database = await createTestDatabase('sqlite');
    dataDir = mkdtempSync(join(tmpdir(), 'logicode-ready-'));
  });
  after(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function readyWith(redisUrl: string) {
    const config = loadApiConfig({ JWT_SECRET: 'x'.repeat(40), REDIS_URL: redisUrl, LOG_LEVEL: 'silent', DATA_DIR: dataDir });
    const runtime = await createRuntime({
      db: database.config, handle: database.handle, redisUrl, redisPrefix: `test-ready-${process.pid}:`, core: config.core,
      migrate: false, validateProblems: false, log: () => undefined,
    });
    const app = await buildApp({ config, runtime, gateway: false, logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/readyz' });
      return { status: response.statusCode, body: response.json() };
    } finally {
      await app.close();
      await runtime.platform.close();
    }
  }

  it('is ready when the database and Redis answer', async () => {
    const ready = await readyWith(REDIS_URL);
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body, { status: 'ready', database: 'ok', redis: 'ok', mode: 'scaled' });
  });

  it('is 503 naming Redis when Redis does not answer', async () => {
    const down = await readyWith('redis://127.0.0.1:1');
    assert.equal(down.status, 503);
    assert.equal(down.body.code, 'UNAVAILABLE');
    assert.deepEqual(down.body.details, { database: 'ok', redis: 'down' });
  });
});

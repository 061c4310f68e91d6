// Issue 15, item 10: a frozen read replica (it accepts connections and then answers nothing, as under SIGSTOP or a
// silent network) costs a read at most DB_REPLICA_QUERY_TIMEOUT_MS: the read is run again on the primary, the
// replica is marked down (later reads go straight to the primary), the api logs it once and /metrics says so.
// A primary query that does not answer fails after DB_QUERY_TIMEOUT_MS instead of holding its connection.
// Real MariaDB; the "replica" is the same database behind a TCP relay that can be frozen.
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { sql } from 'kysely';
import { createDb, type DbHandle } from '@logicode/db';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { createRuntime, type Runtime } from '@logicode/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadApiConfig } from '../../src/config.js';

const REPLICA_TIMEOUT_MS = 800;

/** A TCP relay to MariaDB; frozen, it keeps every connection open and passes nothing either way. */
async function freezableRelay(target: { host: string; port: number }) {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (chunk) => { if (!frozen) upstream.write(chunk); });
    upstream.on('data', (chunk) => { if (!frozen) client.write(chunk); });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    freeze: () => { frozen = true; },
    thaw: () => { frozen = false; },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describe('query time-outs and a frozen read replica [mysql]', () => {
  let database: TestDatabase;
  let relay: Awaited<ReturnType<typeof freezableRelay>>;
  let handle: DbHandle;
  let runtime: Runtime;
  let app: FastifyInstance;
  const logLines: { msg?: string; reason?: string }[] = [];

  before(async () => {
    database = await createTestDatabase('mysql');
    const url = new URL(database.config.url);
    relay = await freezableRelay({ host: url.hostname, port: Number(url.port || 3306) });
    const readUrl = `${url.protocol}//${url.username ? `${url.username}@` : ''}127.0.0.1:${relay.port}${url.pathname}`;
    const pool = { ...database.config.pool, queryTimeoutMs: 1500, replicaQueryTimeoutMs: REPLICA_TIMEOUT_MS };
    handle = createDb({ ...database.config, readUrl, pool });
    const base = loadApiConfig({ JWT_SECRET: 'test-secret-test-secret-test-secret-1234', DATA_DIR: '/tmp/logicode-frozen', WEB_DIST_DIR: '/nonexistent' });
    const config = { ...base, db: { ...database.config, readUrl, pool } };
    runtime = await createRuntime({
      db: config.db, handle, redisUrl: null, redisPrefix: 'test:', core: config.core, migrate: false, validateProblems: false, log: () => undefined,
    });
    const sink = new Writable({ write(chunk, _e, done) { logLines.push(JSON.parse(String(chunk))); done(); } });
    app = await buildApp({ config, runtime, gateway: false, logger: pino({ level: 'warn' }, sink) });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await runtime?.platform.close();
    await handle?.close();
    await relay?.close();
    await database?.drop();
  });

  it('a read on a frozen replica costs at most the time-out, answers from the primary, and is reported', async () => {
    // Warm: a pooled replica connection exists and answers.
    await sql`select 1`.execute(handle.readDb);
    assert.deepEqual(handle.readReplicaState(), { up: true, fallbacks: 0 });

    relay.freeze();
    const first = await timed(() => sql<{ n: number }>`select 41 + 1 as n`.execute(handle.readDb));
    assert.equal(first.value.rows[0]!.n, 42, 'the read still answers (from the primary)');
    assert.ok(first.ms < REPLICA_TIMEOUT_MS + 2000, `a frozen replica cost ${first.ms} ms (time-out ${REPLICA_TIMEOUT_MS} ms)`);
    assert.ok(first.ms >= REPLICA_TIMEOUT_MS - 50, 'it did wait for the replica first');
    assert.deepEqual(handle.readReplicaState(), { up: false, fallbacks: 1 });

    // Marked down: the next reads go straight to the primary, and an API read works at primary speed.
    const second = await timed(() => app.inject({ method: 'GET', url: '/api/problems' }));
    assert.equal(second.value.statusCode, 200);
    assert.ok(second.ms < REPLICA_TIMEOUT_MS, `a read after the fallback took ${second.ms} ms`);

    const warned = logLines.filter((l) => l.msg === 'read replica not answering: reads fall back to the primary');
    assert.equal(warned.length, 1, 'logged once per outage');
    assert.equal(warned[0]!.reason, 'PROTOCOL_SEQUENCE_TIMEOUT');
    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    assert.match(metrics, /^database_replica_up 0$/m);
    assert.match(metrics, /^database_replica_fallbacks 1$/m);
    relay.thaw();
  });

  it('a primary query that does not answer fails after DB_QUERY_TIMEOUT_MS instead of holding its connection', async () => {
    const result = await timed(() => sql`select sleep(5)`.execute(handle.db).then(() => null, (error: { code?: string }) => error));
    assert.equal((result.value as { code?: string } | null)?.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
    assert.ok(result.ms < 4000, `failed after ${result.ms} ms (time-out 1500 ms)`);
    const after = await sql<{ n: number }>`select 1 as n`.execute(handle.db);
    assert.equal(after.rows[0]!.n, 1, 'the pool goes on with a fresh connection');
  });
});

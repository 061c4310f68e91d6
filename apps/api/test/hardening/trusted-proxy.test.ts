// Issue 15, item 3: TRUST_PROXY names the hops or networks to trust; an X-Forwarded-For entry written by the client
// (or by any hop that is not trusted) is never taken as its address. Read from what the api itself records: the
// address in its request log (pino's req.remoteAddress is Fastify's request.ip, which the sign-in limits use too).
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { createRuntime, type Runtime } from '@logicode/core';
import { createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadApiConfig } from '../../src/config.js';
import { parseTrustProxy } from '../../src/trust-proxy.js';

const BASE_ENV = { JWT_SECRET: 'test-secret-test-secret-test-secret-1234', DATA_DIR: '/tmp/logicode-trust-proxy', WEB_DIST_DIR: '/nonexistent' };

describe('trusted proxies', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  const apps: FastifyInstance[] = [];
  const lines: { msg?: string; req?: { remoteAddress?: string; url?: string } }[] = [];

  before(async () => {
    database = await createTestDatabase('sqlite');
    const config = loadApiConfig(BASE_ENV);
    runtime = await createRuntime({
      db: database.config, handle: database.handle, redisUrl: null, redisPrefix: 'test:', core: config.core, migrate: false,
      validateProblems: false, log: () => undefined,
    });
  });
  after(async () => {
    for (const app of apps) await app.close();
    await runtime.platform.close();
    await database.drop();
  });

  /** An api with this TRUST_PROXY; returns the address it records for one request. */
  async function appWith(trustProxy: string | undefined) {
    const sink = new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    const config = { ...loadApiConfig({ ...BASE_ENV, ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }) }), db: database.config };
    const app = await buildApp({ config, runtime, gateway: false, logger: pino({ level: 'info' }, sink) });
    await app.ready();
    apps.push(app);
    return async (remoteAddress: string, forwardedFor?: string): Promise<string | undefined> => {
      const url = `/healthz?probe=${Math.random()}`;
      await app.inject({ method: 'GET', url, remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });
      return lines.find((l) => l.msg === 'incoming request' && l.req?.url === url)?.req?.remoteAddress;
    };
  }

  it('parses hop counts and networks, and refuses anything else at boot', () => {
    assert.equal(parseTrustProxy(undefined), false);
    assert.equal(parseTrustProxy('false'), false);
    assert.equal(parseTrustProxy('true'), 1, 'true trusts one hop (the nginx in front), not every hop');
    assert.equal(parseTrustProxy('2'), 2);
    assert.deepEqual(parseTrustProxy('10.0.0.0/8, 127.0.0.1,loopback,fd00::/8'), ['10.0.0.0/8', '127.0.0.1', 'loopback', 'fd00::/8']);
    for (const bad of ['banana', '10.0.0.0/33', '10.0.0/8', '1.2.3.4/8/8']) assert.ok('error' in (parseTrustProxy(bad) as object), bad);
    assert.throws(() => loadApiConfig({ ...BASE_ENV, TRUST_PROXY: 'everyone' }), /TRUST_PROXY/);
  });

  it('no proxy trusted (the default): the header is ignored', async () => {
    const ip = await appWith(undefined);
    assert.equal(await ip('203.0.113.5', '6.6.6.6'), '203.0.113.5');
  });

  it('TRUST_PROXY=true (one hop, as deploy/ ships): a spoofed leftmost entry is ignored, the entry nginx added is the client', async () => {
    const ip = await appWith('true');
    assert.equal(await ip('10.0.0.2', '6.6.6.6, 198.51.100.7'), '198.51.100.7', 'nginx appending: the client wrote 6.6.6.6');
    assert.equal(await ip('10.0.0.2', '198.51.100.7'), '198.51.100.7', 'nginx setting the header');
    // 70 sign-ins each with a different spoofed address all come from the one client.
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 70; i += 1) seen.add(await ip('10.0.0.2', `6.6.${i}.1, 198.51.100.7`));
    assert.deepEqual([...seen], ['198.51.100.7']);
  });

  it('TRUST_PROXY=<networks>: only proxies in them are believed; a header from any other hop is ignored', async () => {
    const ip = await appWith('10.0.0.0/8');
    assert.equal(await ip('192.0.2.9', '6.6.6.6'), '192.0.2.9', 'an untrusted sender cannot name an address');
    assert.equal(await ip('10.1.1.1', '6.6.6.6, 198.51.100.7'), '198.51.100.7');
    assert.equal(await ip('10.1.1.1', '198.51.100.7, 10.2.2.2'), '198.51.100.7', 'two trusted hops, then the client');
  });
});

// The Socket.IO handshake checks Origin (cross-site WebSocket hijacking): by default only the request's own host;
// with PUBLIC_ORIGINS exactly those origins. A foreign Origin is refused on the WebSocket upgrade and on the
// polling handshake alike; a client that sends no Origin (not a browser) is let through to the token check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Socket } from 'socket.io-client';
import { loadApiConfig } from '../../src/config.js';
import { originAllowed } from '../../src/gateway/origin-check.js';
import { connectSocket, createSessionCluster, type SessionCluster } from './helpers.js';

describe('Socket.IO Origin check [sqlite]', () => {
  let own: SessionCluster;
  let configured: SessionCluster;
  let token: string;
  const opened: Socket[] = [];

  before(async () => {
    own = await createSessionCluster({ dialect: 'sqlite', listen: true });
    configured = await createSessionCluster({ dialect: 'sqlite', listen: true, env: { PUBLIC_ORIGINS: 'https://school.example.org, http://localhost:5173' } });
    token = (await own.user('student')).session.accessToken;
  });
  after(async () => {
    for (const socket of opened) socket.disconnect();
    await own.close();
    await configured.close();
  });

  for (const transport of ['websocket', 'polling'] as const) {
    it(`default: the page's own origin and no Origin connect; a foreign one is refused (${transport})`, async () => {
      const url = own.nodes[0]!.url;
      const connect = (origin?: string) => connectSocket(url, { token, transports: [transport], ...(origin ? { origin } : {}) }, opened);
      assert.equal((await connect(url)).connected, true);
      assert.equal((await connect()).connected, true);
      await assert.rejects(connect('https://evil.example'));
      await assert.rejects(connect('http://127.0.0.1:1'), 'same host name, another port');
      await assert.rejects(connect('null'));
    });
  }

  it('PUBLIC_ORIGINS: exactly the configured origins connect; the request\'s own host no longer does', async () => {
    const url = configured.nodes[0]!.url;
    const token2 = (await configured.user('student')).session.accessToken;
    const connect = (origin: string, transport: 'websocket' | 'polling' = 'websocket') =>
      connectSocket(url, { token: token2, origin, transports: [transport] }, opened);
    assert.equal((await connect('https://school.example.org')).connected, true);
    assert.equal((await connect('http://localhost:5173', 'polling')).connected, true);
    await assert.rejects(connect(url));
    await assert.rejects(connect('http://school.example.org'), 'another scheme is another origin');
    await assert.rejects(connect('https://school.example.org.evil.example', 'polling'));
  });

  it('behind nginx (Host without the port) the host name is compared; with a port, host and port', () => {
    const request = (host: string | undefined, origin?: string) => ({ headers: { host, ...(origin ? { origin } : {}) } });
    assert.equal(originAllowed(request('school.lan', 'https://school.lan:8443'), []), true);
    assert.equal(originAllowed(request('school.lan', 'https://evil.lan:8443'), []), false);
    assert.equal(originAllowed(request('school.lan:3000', 'http://school.lan:3001'), []), false);
    assert.equal(originAllowed(request(undefined, 'http://school.lan'), []), false);
    assert.equal(originAllowed(request(undefined), []), true);
  });

  it('PUBLIC_ORIGINS is validated at boot: every bad entry is named', () => {
    assert.throws(() => loadApiConfig({ JWT_SECRET: 'x'.repeat(40), PUBLIC_ORIGINS: 'school.example.org' }), /PUBLIC_ORIGINS.*school\.example\.org/s);
    assert.throws(() => loadApiConfig({ JWT_SECRET: 'x'.repeat(40), PUBLIC_ORIGINS: 'https://a.org/path' }), /PUBLIC_ORIGINS/);
    assert.deepEqual(loadApiConfig({ JWT_SECRET: 'x'.repeat(40), PUBLIC_ORIGINS: 'https://A.org:443/, http://b.org:8080' }).publicOrigins, ['https://a.org', 'http://b.org:8080']);
  });
});

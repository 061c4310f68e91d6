// Issue 15, item 10: an api with open sockets (websocket and long-polling, clients that reconnect) stops on
// SIGTERM within a few seconds and exits 0: sockets are moved first, before the HTTP server waits on them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { freePort, http, spawnLogicode, type LogicodeProcess } from './helpers/processes.js';

describe('graceful shutdown', () => {
  const processes: LogicodeProcess[] = [];
  const sockets: Socket[] = [];
  const dirs: string[] = [];
  after(async () => {
    for (const s of sockets) s.close();
    for (const p of processes) await p.kill();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('an api holding sockets exits 0 in under 5 s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logicode-shutdown-'));
    dirs.push(dir);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = spawnLogicode('api', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, LOG_LEVEL: 'info' });
    processes.push(api);
    await api.waitFor(/running at/);
    const login = await http(baseUrl, '/api/auth/login', { method: 'POST', body: { email: 'alice@logicode.local', password: 'student-demo-pass' } });
    assert.equal(login.status, 200);
    const token = login.body.accessToken as string;
    for (const transports of [['websocket'], ['polling'], ['polling', 'websocket']] as const) {
      // Reconnecting clients, as browsers are: they come straight back while the api is stopping.
      const socket = io(baseUrl, { transports: [...transports], auth: { token }, reconnectionDelay: 50, reconnectionDelayMax: 100 });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
    }
    // An idle keep-alive HTTP connection as well.
    assert.equal((await fetch(`${baseUrl}/healthz`)).status, 200);

    const startedMs = Date.now();
    const exited = new Promise<number | null>((resolve) => api.child.once('exit', (code) => resolve(code)));
    api.child.kill('SIGTERM');
    const code = await exited;
    const tookMs = Date.now() - startedMs;
    assert.equal(code, 0, api.output());
    console.log(`# an api with 3 sockets stopped in ${tookMs} ms`);
    assert.ok(tookMs < 5000, `stopped in ${tookMs} ms`);
  });
});

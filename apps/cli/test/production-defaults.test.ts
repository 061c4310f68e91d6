// Issue 15, item 1: a production start on an empty database has no known password, never echoes the operator's
// ADMIN_PASSWORD, and keeps its data private (DATA_DIR 0700; the SQLite files and the JWT secret 0600).
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadCliConfig } from '../src/config.js';
import { freePort, http, spawnLogicode, type LogicodeProcess } from './helpers/processes.js';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

async function signInStatus(baseUrl: string, email: string, password: string): Promise<number> {
  return (await http(baseUrl, '/api/auth/login', { method: 'POST', body: { email, password } })).status;
}

describe('production defaults', () => {
  const processes: LogicodeProcess[] = [];
  const dirs: string[] = [];
  after(async () => {
    for (const p of processes) await p.kill();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>) {
    const root = mkdtempSync(join(tmpdir(), 'logicode-prod-'));
    dirs.push(root);
    const dataDir = join(root, 'data'); // created by the process, as on a fresh install
    const port = await freePort();
    const child = spawnLogicode('api', {
      NODE_ENV: 'production', COOKIE_SECURE: 'false', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'logicode.db')}`, ...env,
    });
    processes.push(child);
    await child.waitFor(/running at/);
    await child.waitFor(/admin@logicode\.local {2}password: .*\n/); // the seed report follows the listening line
    return { child, dataDir, baseUrl: `http://127.0.0.1:${port}` };
  }

  it('SEED_DEMO is off in production unless asked for, on elsewhere', () => {
    assert.equal(loadCliConfig({ NODE_ENV: 'production' }).seedDemo, false);
    assert.equal(loadCliConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo, true);
    assert.equal(loadCliConfig({}).seedDemo, true);
    assert.equal(loadCliConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).seedDemo, false);
  });

  it('with ADMIN_PASSWORD: only that admin, the password never printed, no demo account, private files', async () => {
    const secret = 'operator-chosen-Secret-42';
    const { child, dataDir, baseUrl } = await start({ ADMIN_PASSWORD: secret });
    assert.ok(!child.output().includes(secret), `the password is not echoed:\n${child.output()}`);
    assert.match(child.output(), /admin@logicode\.local {2}password: \(as set in ADMIN_PASSWORD\)/);
    assert.equal(await signInStatus(baseUrl, 'admin@logicode.local', 'admin-demo-pass'), 401);
    assert.equal(await signInStatus(baseUrl, 'teacher@logicode.local', 'teacher-demo-pass'), 401);
    assert.equal(await signInStatus(baseUrl, 'alice@logicode.local', 'student-demo-pass'), 401);
    assert.equal(await signInStatus(baseUrl, 'admin@logicode.local', secret), 200);
    const problems = await http(baseUrl, '/api/problems');
    assert.equal(problems.body.total, 0, 'no demo problems');

    assert.equal(mode(dataDir), '700');
    for (const file of ['logicode.db', 'logicode.db-wal', 'logicode.db-shm', 'jwt-secret']) assert.equal(mode(join(dataDir, file)), '600', file);
  });

  it('without ADMIN_PASSWORD: a generated password, shown once, is the only way in', async () => {
    const { child, baseUrl } = await start({});
    const shown = /admin@logicode\.local {2}password: (\S+)/.exec(child.output());
    assert.ok(shown, child.output());
    assert.notEqual(shown[1], 'admin-demo-pass');
    assert.equal(await signInStatus(baseUrl, 'admin@logicode.local', 'admin-demo-pass'), 401);
    assert.equal(await signInStatus(baseUrl, 'admin@logicode.local', shown[1]!), 200);
  });

  it('demo data asked for in production: the admin still gets no known password, and a warning says so', async () => {
    const { child, baseUrl } = await start({ SEED_DEMO: 'true' });
    assert.equal(await signInStatus(baseUrl, 'admin@logicode.local', 'admin-demo-pass'), 401);
    await child.waitFor(/WARNING: demo accounts/, 10_000);
  });

  it('database files an older version left readable are made private on start', async () => {
    const root = mkdtempSync(join(tmpdir(), 'logicode-prod-'));
    dirs.push(root);
    const db = join(root, 'old.db');
    writeFileSync(db, '');
    chmodSync(db, 0o644);
    const port = await freePort();
    const child = spawnLogicode('api', { NODE_ENV: 'production', COOKIE_SECURE: 'false', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: root, DATABASE_URL: `sqlite:${db}`, JWT_SECRET: 'x'.repeat(40) });
    processes.push(child);
    await child.waitFor(/running at/);
    assert.equal(mode(db), '600');
  });
});

// A worker killed in the middle of judging loses nothing: the submission is judged again and ends with a
// verdict, never stuck "running". Real processes, killed with SIGKILL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort, http, spawnLogicode, type LogicodeProcess } from './helpers/processes.js';

const MYSQL = process.env.LOGICODE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
const REDIS = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Python that never finishes: every test runs into the time limit, so judging takes seconds.
const ENDLESS = 'while True:\n    pass\n';
/** Two Sum, an untimed practice problem of the seed: a Submit needs no opened attempt (FizzBuzz, id 1, is timed). */
const UNTIMED_PROBLEM_ID = 2;

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const login = await http(baseUrl, '/api/auth/login', { method: 'POST', body: { email, password } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body.accessToken as string;
}

async function waitForStatus(baseUrl: string, token: string, id: number, wanted: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await http(baseUrl, `/api/submissions/${id}`, { token });
    if (body.status === wanted) return body;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${body.status}, wanted ${wanted}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('a worker killed mid-job', () => {
  const processes: LogicodeProcess[] = [];
  const cleanups: (() => void)[] = [];
  after(async () => {
    for (const p of processes) await p.kill();
    for (const cleanup of cleanups) cleanup();
  });

  it('embedded: the restarted process judges the submission it was running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'logicode-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` };
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = spawnLogicode('start', env);
    processes.push(first);
    await first.waitFor(/running at/);
    const token = await signIn(baseUrl, 'alice@logicode.local', 'student-demo-pass');
    const created = await http(baseUrl, '/api/submissions', { method: 'POST', token, body: { problemId: UNTIMED_PROBLEM_ID, language: 'python', mode: 'submit', code: ENDLESS } });
    assert.equal(created.status, 202);
    const id = created.body.id as number;
    await waitForStatus(baseUrl, token, id, 'running');
    await first.kill('SIGKILL');

    const second = spawnLogicode('start', env);
    processes.push(second);
    await second.waitFor(/running at/);
    const done = await waitForStatus(baseUrl, await signIn(baseUrl, 'alice@logicode.local', 'student-demo-pass'), id, 'done');
    assert.equal(done.verdict, 'TLE');
    assert.equal(done.tests.length, done.testCount, 'every test was judged in the retry');
  });

  it('scaled (MariaDB + BullMQ): another worker takes over the killed worker\'s job', async () => {
    const database = `lc_crash_${randomBytes(4).toString('hex')}`;
    const port = await freePort();
    const env = {
      PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `${MYSQL}/${database}`, REDIS_URL: REDIS,
      REDIS_PREFIX: `lc-crash-${randomBytes(3).toString('hex')}:`, JWT_SECRET: 'crash-test-secret-crash-test-secret-1234',
      QUEUE_LOCK_MS: '3000', WORKER_ROLES: 'judge', WORKER_CONCURRENCY: '1',
    };
    cleanups.push(() => {
      void import('mysql2/promise').then(async ({ createConnection }) => {
        const connection = await createConnection({ uri: MYSQL });
        await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
        await connection.end();
      });
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = spawnLogicode('api', env);
    processes.push(api);
    await api.waitFor(/running at/);
    const workerA = spawnLogicode('worker', env);
    processes.push(workerA);
    await workerA.waitFor(/worker running/);
    const token = await signIn(baseUrl, 'alice@logicode.local', 'student-demo-pass');
    const created = await http(baseUrl, '/api/submissions', { method: 'POST', token, body: { problemId: UNTIMED_PROBLEM_ID, language: 'python', mode: 'submit', code: ENDLESS } });
    const id = created.body.id as number;
    await waitForStatus(baseUrl, token, id, 'running');
    await workerA.kill('SIGKILL');

    const workerB = spawnLogicode('worker', env);
    processes.push(workerB);
    const done = await waitForStatus(baseUrl, token, id, 'done');
    assert.equal(done.verdict, 'TLE');
    assert.equal(done.tests.length, done.testCount);
  });
});

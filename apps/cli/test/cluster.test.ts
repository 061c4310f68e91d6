// Against deploy/local-cluster.sh (MariaDB primary + replica, 3 apis, 2 workers, nginx on :8080): started here
// unless it is already running (then it is left running).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { http } from './helpers/processes.js';

const SCRIPT = fileURLToPath(new URL('../../../deploy/local-cluster.sh', import.meta.url));
const NGINX = 'http://127.0.0.1:8080';
const APIS = ['http://127.0.0.1:3001', 'http://127.0.0.1:3002', 'http://127.0.0.1:3003'];
const REPLICA_SOCKET = '/tmp/logicode-cluster/mariadb-replica/mysqld.sock';

function cluster(...args: string[]): string {
  const result = spawnSync('bash', [SCRIPT, ...args], { encoding: 'utf8', timeout: 240_000 });
  assert.equal(result.status, 0, `local-cluster.sh ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Statements the replica has run (its Com_select counter). */
function replicaSelects(): number {
  const result = spawnSync('mariadb', ['--no-defaults', `--socket=${REPLICA_SOCKET}`, '-uroot', '-N', '-e', "show global status like 'Com_select'"], { encoding: 'utf8' });
  return Number(result.stdout.trim().split(/\s+/)[1]);
}

/** Which api process holds how many sockets (their own /metrics, not through nginx). */
async function socketsPerApi(): Promise<number[]> {
  return Promise.all(APIS.map(async (url) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return Number(/^websocket_active_connections (\d+)/m.exec(text)?.[1] ?? NaN);
  }));
}

async function connect(token: string): Promise<Socket> {
  const socket = io(NGINX, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The api index whose socket count went up since `before`. */
async function landedOn(beforeCounts: number[]): Promise<number> {
  const now = await socketsPerApi();
  const index = now.findIndex((count, i) => count > beforeCounts[i]!);
  assert.ok(index >= 0, `no api gained a socket: ${beforeCounts} → ${now}`);
  return index;
}

/** A new student per run: attempts and rate limits start fresh. */
async function newStudent(name: string): Promise<string> {
  const email = `${name}-${randomUUID().slice(0, 8)}@cluster.test`;
  const response = await http(NGINX, '/api/auth/signup', { method: 'POST', body: { name, email, password: 'cluster-pass-123' } });
  assert.ok(response.status === 200 || response.status === 201, JSON.stringify(response.body));
  return login(email, 'cluster-pass-123');
}

async function login(email: string, password: string): Promise<string> {
  const response = await http(NGINX, '/api/auth/login', { method: 'POST', body: { email, password } });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.accessToken as string;
}

describe('local cluster through nginx', () => {
  let startedHere = false;
  const sockets: Socket[] = [];
  before(() => {
    const status = cluster('status');
    if (/stopped/.test(status)) {
      startedHere = true;
      cluster('start');
    }
  });
  after(() => {
    for (const socket of sockets) socket.disconnect();
    if (startedHere) cluster('stop');
  });

  it('a teacher on one api receives a student\'s live events from another api (via Redis)', async () => {
    const teacherToken = await login('teacher@logicode.local', 'teacher-demo-pass');
    const studentToken = await newStudent('Alice');
    let counts = await socketsPerApi();
    const teacher = await connect(teacherToken);
    sockets.push(teacher);
    const teacherApi = await landedOn(counts);
    const joined = await teacher.emitWithAck('feed:join', 'feed:all');
    assert.deepEqual(joined, { ok: true });
    let student: Socket | null = null;
    let studentApi = teacherApi;
    for (let tries = 0; tries < 10 && studentApi === teacherApi; tries += 1) {
      student?.disconnect();
      counts = await socketsPerApi();
      student = await connect(studentToken);
      studentApi = await landedOn(counts);
    }
    sockets.push(student!);
    assert.notEqual(studentApi, teacherApi, 'nginx spread the two sockets over two apis');

    const problems = await http(NGINX, '/api/problems?pageSize=1', { token: studentToken });
    const problemId = problems.body.items[0].id as number;
    const sessionStart = new Promise<{ userName: string }>((resolve) => teacher.once('session:start', resolve));
    const liveEvent = new Promise<{ event: { type: string; id: string } }>((resolve) => teacher.on('proctor:event', resolve));
    const attempt = await http(NGINX, '/api/proctor/attempts', { method: 'POST', token: studentToken, body: { problemId } });
    assert.equal(attempt.status, 200, JSON.stringify(attempt.body));
    const attemptId = attempt.body.attempt.id as number;
    const eventId = randomUUID();
    const sent = await http(NGINX, '/api/proctor/events', {
      method: 'POST', token: studentToken,
      body: { events: [{ id: eventId, type: 'tab_hidden', clientTsMs: Date.now(), problemId, attemptId, data: {} }] },
    });
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    const timeout = (what: string) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within 10 s`)), 10_000));
    assert.match((await Promise.race([sessionStart, timeout('session:start')])).userName, /alice/i);
    const received = await Promise.race([liveEvent, timeout('proctor:event')]);
    assert.equal(received.event.type, 'tab_hidden');
  });

  it('killing an api during an event load loses no accepted event (the client retries through nginx)', async () => {
    const token = await newStudent('Bob');
    const problems = await http(NGINX, '/api/problems?pageSize=2', { token });
    const problemId = problems.body.items[1].id as number;
    const attempt = await http(NGINX, '/api/proctor/attempts', { method: 'POST', token, body: { problemId } });
    assert.equal(attempt.status, 200, JSON.stringify(attempt.body));
    const attemptId = attempt.body.attempt.id as number;
    const ids: string[] = [];
    let retries = 0;
    try {
      for (let batch = 0; batch < 40; batch += 1) {
        if (batch === 10) cluster('stop', 'api-2');  // SIGTERM; the next kill is harder
        if (batch === 20) process.kill(Number(spawnSync('cat', ['/tmp/logicode-cluster/pids/api-3.pid'], { encoding: 'utf8' }).stdout), 'SIGKILL');
        const events = Array.from({ length: 10 }, () => ({ id: randomUUID(), type: 'tab_visible', clientTsMs: Date.now(), problemId, attemptId, data: {} }));
        // What the browser does: the same batch (same event ids) again until it is accepted.
        for (let attemptNo = 0; ; attemptNo += 1) {
          const sent = await http(NGINX, '/api/proctor/events', { method: 'POST', token, body: { events } }).catch(() => null);
          if (sent?.status === 202) {
            assert.deepEqual(sent.body.rejected ?? [], []);
            break;
          }
          retries += 1;
          assert.ok(attemptNo < 10, `batch ${batch} never accepted: ${JSON.stringify(sent?.body)}`);
          await new Promise((r) => setTimeout(r, 300));
        }
        ids.push(...events.map((e) => e.id));
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      cluster('start');
    }
    const count = () => Number(spawnSync('mariadb', ['--no-defaults', '--socket=/tmp/logicode-cluster/mariadb-primary/mysqld.sock', '-uroot', '-N', '-e',
      `select count(*) from logicode.proctor_events where id in (${ids.map((id) => `'${id}'`).join(',')})`], { encoding: 'utf8' }).stdout.trim());
    const deadline = Date.now() + 20_000;
    while (count() < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.equal(count(), 400, `stored of 400 accepted (client retries: ${retries})`);
  });

  it('a worker SIGKILLed mid-job leaves no submission stuck: the other worker judges it', async () => {
    // A fresh student: no open proctored attempt whose end could add a submission of its own.
    const token = await newStudent('Carol');
    const created = await http(NGINX, '/api/submissions', { method: 'POST', token, body: { problemId: 1, language: 'python', mode: 'submit', code: 'while True:\n    pass\n' } });
    assert.equal(created.status, 202, JSON.stringify(created.body));
    const id = created.body.id as number;
    const statusOf = async () => (await http(NGINX, `/api/submissions/${id}`, { token })).body;
    const until = async (wanted: string, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const body = await statusOf();
        if (body.status === wanted) return body;
        assert.ok(Date.now() < deadline, `submission ${id} still ${body.status}, wanted ${wanted}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    await until('running', 60_000);
    // The worker running it is the ancestor of the sandbox (bwrap) process.
    const pidOf = (name: string) => Number(spawnSync('cat', [`/tmp/logicode-cluster/pids/${name}.pid`], { encoding: 'utf8' }).stdout);
    const ancestors = (pid: number): number[] => {
      const parent = Number(spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
      return parent > 1 ? [parent, ...ancestors(parent)] : [];
    };
    const busyWorkers = () => {
      const sandboxes = spawnSync('pgrep', ['-x', 'bwrap'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
      return ['worker-1', 'worker-2'].filter((name) => sandboxes.some((pid) => ancestors(pid).includes(pidOf(name))));
    };
    // 'running' is set just before the sandbox starts.
    let busy = busyWorkers();
    for (let i = 0; i < 50 && busy.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      busy = busyWorkers();
    }
    assert.equal(busy.length, 1, `exactly one worker runs a sandbox (${busy.join(', ')})`);
    process.kill(pidOf(busy[0]!), 'SIGKILL');
    try {
      const done = await until('done', 90_000);
      assert.equal(done.verdict, 'TLE');
      assert.equal(done.tests.length, done.testCount, 'every test judged by the other worker');
    } finally {
      cluster('start');
    }
  });

  it('catalog reads go to the replica, still work with the replica stopped, and return to it', async () => {
    const before = replicaSelects();
    // A fresh search string per request: a cache miss, so a database read.
    for (const url of APIS) assert.equal((await http(url, `/api/problems?q=${randomUUID()}`)).status, 200);
    assert.ok(replicaSelects() - before >= 3, 'the three apis read the catalog from the replica');
    const reference = (await http(NGINX, '/api/problems?pageSize=100&sort=title')).body.total as number;
    assert.ok(reference > 0);

    cluster('stop', 'mariadb-replica');
    try {
      for (let i = 0; i < 9; i += 1) {
        const response = await http(NGINX, `/api/problems?pageSize=100&q=&sort=${i % 2 ? 'id' : 'title'}&page=1&difficulty=${['easy', 'medium', 'hard'][i % 3]}`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
      }
      for (const url of APIS) {
        const response = await http(url, `/api/problems?pageSize=100&order=desc&q=${randomUUID().slice(0, 1)}`);
        assert.equal(response.status, 200, JSON.stringify(response.body));
      }
    } finally {
      cluster('start');
    }
    // Reads go back to the replica once its retry period (5 s) has passed.
    const restarted = replicaSelects();
    const deadline = Date.now() + 15_000;
    while (replicaSelects() - restarted < 3 && Date.now() < deadline) {
      for (const url of APIS) await http(url, `/api/problems?q=${randomUUID()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(replicaSelects() - restarted >= 3, 'reads returned to the restarted replica');
  });
});

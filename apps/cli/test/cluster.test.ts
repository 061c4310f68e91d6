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
/** Two Sum, an untimed practice problem of the seed: a Submit needs no opened attempt (FizzBuzz, id 1, is timed). */
const UNTIMED_PROBLEM_ID = 2;
const NGINX = 'http://127.0.0.1:8080';
const APIS = ['http://127.0.0.1:3001', 'http://127.0.0.1:3002', 'http://127.0.0.1:3003'];
const REPLICA_SOCKET = '/tmp/logicode-cluster/mariadb-replica/mysqld.sock';
const PRIMARY_SOCKET = '/tmp/logicode-cluster/mariadb-primary/mysqld.sock';
/** The cluster's DATABASE_SHARD_URLS databases, in shard order (deploy/local-cluster.sh). */
const SHARD_DBS = ['logicode_shard_0', 'logicode_shard_1'];

/** Rows of a statement run on the cluster's primary (tab-separated columns). */
function primaryRows(statement: string): string[][] {
  const result = spawnSync('mariadb', ['--no-defaults', `--socket=${PRIMARY_SOCKET}`, '-uroot', '-N', '-e', statement], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.split('\n').filter(Boolean).map((line) => line.split('\t'));
}

const quoted = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(',');

function cluster(...args: string[]): string {
  // The cluster's Redis is the tests' one (npm test may have started a private one on another port).
  const env = { ...process.env, REDIS_URL: process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379' };
  const result = spawnSync('bash', [SCRIPT, ...args], { encoding: 'utf8', timeout: 240_000, env });
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

/**
 * An admin of this run: signed up, then promoted on the primary. The demo admin's password is not known in a
 * production start (NODE_ENV=production, which the cluster runs), and a kept cluster may hold an older one.
 */
async function newAdmin(name: string): Promise<string> {
  const email = `${name}-${randomUUID().slice(0, 8)}@cluster.test`;
  const response = await http(NGINX, '/api/auth/signup', { method: 'POST', body: { name, email, password: 'cluster-pass-123' } });
  assert.ok(response.status === 200 || response.status === 201, JSON.stringify(response.body));
  primaryRows(`UPDATE logicode.users SET role = 'admin' WHERE email = '${email}'`);
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
    // feed:all is the admin's room (a teacher's own is feed:teacher:<id>, for the students of their classes).
    const teacherToken = await newAdmin('Ada');
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
    // Events live on the shards (DATABASE_SHARD_URLS): counted on all of them, so a copy on two would show.
    const count = () => Number(primaryRows(`select count(*) from (${SHARD_DBS.map((db) => `select id from ${db}.proctor_events where id in (${quoted(ids)})`).join(' union all ')}) t`)[0]![0]);
    const deadline = Date.now() + 20_000;
    while (count() < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.equal(count(), 400, `stored of 400 accepted (client retries: ${retries})`);
  });

  it('sharded events land on the user\'s shard (userId mod 2) and teacher views through nginx gather them', async () => {
    const sinceIso = new Date(Date.now() - 1000).toISOString();
    // Students until both shards have one (ids are sequential, so two in a row usually do).
    const students: { id: number; token: string }[] = [];
    while (new Set(students.map((s) => s.id % 2)).size < 2) {
      assert.ok(students.length < 6, 'students on both shards');
      const token = await newStudent('Dana');
      students.push({ token, id: (await http(NGINX, '/api/auth/me', { token })).body.user.id as number });
    }
    const problems = await http(NGINX, '/api/problems?pageSize=3', { token: students[0]!.token });
    const problemId = problems.body.items[2].id as number;
    const sent: { userId: number; attemptId: number; ids: string[] }[] = [];
    for (const student of students) {
      const attempt = await http(NGINX, '/api/proctor/attempts', { method: 'POST', token: student.token, body: { problemId } });
      assert.equal(attempt.status, 200, JSON.stringify(attempt.body));
      const attemptId = attempt.body.attempt.id as number;
      const events = [
        ...Array.from({ length: 4 }, () => ({ id: randomUUID(), type: 'right_click', clientTsMs: Date.now(), problemId, attemptId, data: { place: 'editor' } })),
        { id: randomUUID(), type: 'code_snapshot', clientTsMs: Date.now(), problemId, attemptId, data: { kind: 'full', seq: 1, language: 'python', content: 'print(1)\n' } },
      ];
      const response = await http(NGINX, '/api/proctor/events', { method: 'POST', token: student.token, body: { events } });
      assert.equal(response.status, 202, JSON.stringify(response.body));
      sent.push({ userId: student.id, attemptId, ids: events.slice(0, 4).map((e) => e.id) });
    }
    // The workers' stream consumers write them; then each student's rows are on shard id mod 2, and only there.
    const allIds = sent.flatMap((s) => s.ids);
    const rowsOn = (db: string) => primaryRows(`select id, user_id, created_at_ms from ${db}.proctor_events where id in (${quoted(allIds)})`);
    const deadline = Date.now() + 20_000;
    while (SHARD_DBS.reduce((n, db) => n + rowsOn(db).length, 0) < allIds.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    for (const [index, db] of SHARD_DBS.entries()) {
      const owners = new Set(rowsOn(db).map((row) => Number(row[1])));
      assert.deepEqual([...owners].sort(), sent.filter((s) => s.userId % 2 === index).map((s) => s.userId).sort(), `${db} holds its users' events`);
    }
    assert.equal(Number(primaryRows(`select count(*) from logicode.proctor_events where id in (${quoted(allIds)})`)[0]![0]), 0, 'none on the main database');
    for (const s of sent) {
      const snaps = primaryRows(`select count(*) from ${SHARD_DBS[s.userId % 2]}.code_snapshots where attempt_id = ${s.attemptId}`);
      assert.equal(Number(snaps[0]![0]), 1, 'the snapshot on the same shard');
    }

    // The teacher's events list (a scatter-gather over both shards), 3 per page through nginx: every event once,
    // in the global newest-first order the shards' rows give. The admin's, who sees every student (docs/access.md).
    const teacherToken = await newAdmin('Ada');
    const expected = SHARD_DBS.flatMap(rowsOn)
      .sort((a, b) => Number(b[2]) - Number(a[2]) || (a[0]! < b[0]! ? 1 : -1)).map((row) => row[0]);
    const mine = new Set(allIds);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 200; pages += 1) {
      const url: string = `/api/teacher/events?type=right_click&since=${encodeURIComponent(sinceIso)}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await http(NGINX, url, { token: teacherToken });
      assert.equal(page.status, 200, JSON.stringify(page.body));
      seen.push(...(page.body.items as { id: string }[]).map((e) => e.id).filter((id) => mine.has(id)));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(seen, expected);
    // One attempt's playback comes from its owner's shard, and the counters were folded on the main database.
    const timeline = await http(NGINX, `/api/teacher/attempts/${sent[1]!.attemptId}/timeline`, { token: teacherToken });
    assert.equal(timeline.status, 200, JSON.stringify(timeline.body));
    assert.equal(timeline.body.events.length, 5);
    assert.equal(timeline.body.attempt.counters.rightClick, 4);
  });

  it('a worker SIGKILLed mid-job leaves no submission stuck: the other worker judges it', async () => {
    // A fresh student: no open proctored attempt whose end could add a submission of its own.
    const token = await newStudent('Carol');
    const created = await http(NGINX, '/api/submissions', { method: 'POST', token, body: { problemId: UNTIMED_PROBLEM_ID, language: 'python', mode: 'submit', code: 'while True:\n    pass\n' } });
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

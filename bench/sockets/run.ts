// Socket.IO capacity of one api process (issue 8, item 2): `npx tsx bench/sockets/run.ts [--quick] [--max N]`.
// Idle student sockets are ramped in steps up to 10,000 (or until connections fail: the report says where),
// held by forked socket.io-client processes on their own local addresses (127.0.0.2, .3, ...: ports and CPU).
// At each step: the api's RSS per connection and the connect rate; then, with the sockets held, 100 teacher
// sockets in feed:all and students POSTing proctor events: the latency from the POST being sent to the
// 'proctor:event' push arriving at each of the 100 teachers (p50/p99 over every arrival).
// The api is `logicode api` (embedded: SQLite, in-process pub/sub) with its file-descriptor limit raised.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../apps/cli/test/helpers/processes.js';
import { generateSchool, QUICK_SIZE } from '../data/generate.js';
import { BENCH_JWT_SECRET, tokenFor } from '../data/tokens.js';
import { cpuMsOf, int, machine, ms, percentile, ROOT, rssMbOf, writeResults } from '../http/support.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const maxSockets = args.includes('--max') ? Number(args[args.indexOf('--max') + 1]) : quick ? 300 : 10_000;
const STEPS = (quick ? [100, 300] : [1000, 2500, 5000, 7500, 10_000]).filter((n) => n <= maxSockets);
const TEACHERS = quick ? 10 : 100;
const POSTS = quick ? 20 : 200;
const POST_INTERVAL_MS = 50;
const CLIENT_PROCESSES = quick ? 1 : 4;

type Client = ChildProcess & { localAddress: string };

function request<T>(child: ChildProcess, message: object, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== reply) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

/** `node` with its descriptor limit raised to the hard limit (bash's ulimit, then exec: the pid stays node's). */
function withFdLimit(command: string[]): [string, string[]] {
  return ['bash', ['-c', 'ulimit -n hard && exec "$@"', 'bash', ...command]];
}
const fdLimit = execFileSync('bash', ['-c', 'ulimit -Hn']).toString().trim();

const dir = mkdtempSync(join(tmpdir(), 'logicode-bench-sockets-'));
const url = `sqlite:${join(dir, 'school.db')}`;
const school = await generateSchool(url, QUICK_SIZE);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const [shell, shellArgs] = withFdLimit([process.execPath, '--import', 'tsx', join(ROOT, 'apps/cli/src/main.ts'), 'api']);
const api = spawn(shell, shellArgs, {
  cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '0.0.0.0', DATA_DIR: dir, LOG_LEVEL: 'warn',
    NODE_ENV: 'production', COOKIE_SECURE: 'false', DATABASE_URL: url, JWT_SECRET: BENCH_JWT_SECRET, SEED_DEMO: 'false',
  },
});
let apiOutput = '';
api.stdout!.on('data', (c) => (apiOutput += c));
api.stderr!.on('data', (c) => (apiOutput += c));
const clients: Client[] = [];
const steps: { target: number; connected: number; failed: number; firstError: string | null; connectPerSec: number; rssMb: number; perSocketKb: number; cpu: number; clientCpu: number }[] = [];
let latency: { posts: number; expected: number; arrived: number; p50: number; p99: number; max: number; sockets: number } | null = null;
let brokeAt: string | null = null;
try {
  for (let waited = 0; !/running at/.test(apiOutput); waited += 100) {
    if (waited > 120_000 || api.exitCode !== null) throw new Error(`api did not start:\n${apiOutput}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const apiPid = api.pid!;
  const studentTokens = await Promise.all(school.studentIds.slice(0, 200).map((id) => tokenFor(id, 'student')));
  for (let i = 0; i < CLIENT_PROCESSES + 1; i += 1) {
    const [cmd, cmdArgs] = withFdLimit([process.execPath, join(ROOT, 'bench/sockets/clients.mjs')]);
    // fork() cannot wrap a shell, so the IPC channel is set up by hand on fd 3.
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }) as Client;
    child.localAddress = `127.0.0.${2 + i}`;
    clients.push(child);
  }
  await new Promise((r) => setTimeout(r, 1500)); // let the socket.io-client processes load
  const rssBefore = rssMbOf(apiPid);
  let held = 0;
  for (const target of STEPS) {
    const add = target - held;
    const cpuBefore = cpuMsOf(apiPid);
    const clientCpuBefore = clients.reduce((a, c) => a + cpuMsOf(c.pid), 0);
    const started = Date.now();
    const perClient = Math.ceil(add / CLIENT_PROCESSES);
    const results = await Promise.all(clients.slice(0, CLIENT_PROCESSES).map((c) => request<{ connected: number; failed: number; firstError: string | null }>(
      c, { cmd: 'connect', url: base, tokens: studentTokens, count: perClient, localAddress: c.localAddress, inFlight: 25 }, 'connected')));
    const seconds = (Date.now() - started) / 1000;
    const connected = results.reduce((a, r) => a + r.connected, 0);
    const failed = results.reduce((a, r) => a + r.failed, 0);
    held += connected;
    await new Promise((r) => setTimeout(r, 1000));
    const rssMb = rssMbOf(apiPid);
    steps.push({
      target, connected: held, failed, firstError: results.find((r) => r.firstError)?.firstError ?? null, connectPerSec: connected / seconds,
      rssMb, perSocketKb: held > 0 ? ((rssMb - rssBefore) * 1024) / held : 0, cpu: (cpuMsOf(apiPid) - cpuBefore) / seconds / 10,
      clientCpu: (clients.reduce((a, c) => a + cpuMsOf(c.pid), 0) - clientCpuBefore) / seconds / 10,
    });
    console.log(`${held} sockets held (${failed} failed), ${int(connected / seconds)} connects/s, api RSS ${rssMb.toFixed(0)} MB`);
    if (failed > 0) {
      brokeAt = `${int(held)} sockets: ${failed} of ${add} connects failed (${results.find((r) => r.firstError)?.firstError})`;
      break;
    }
  }

  // The event → teacher latency, with every socket above still connected.
  const watcher = clients[CLIENT_PROCESSES]!;
  const teacherToken = await tokenFor(school.teacherId, 'teacher', 'Tom Teacher');
  const { joined } = await request<{ joined: number }>(watcher, { cmd: 'teachers', url: base, token: teacherToken, count: TEACHERS, localAddress: watcher.localAddress, room: 'feed:all' }, 'joined');
  const posters = await Promise.all(school.studentIds.slice(0, 20).map(async (id) => {
    const token = await tokenFor(id, 'student');
    const response = await fetch(`${base}/api/proctor/attempts`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ problemId: school.examProblemId }),
    });
    const body = await response.json() as { attempt?: { id: number }; id?: number };
    return { token, attemptId: body.attempt?.id ?? body.id! };
  }));
  const sentAt = new Map<string, number>();
  for (let i = 0; i < POSTS; i += 1) {
    const poster = posters[i % posters.length]!;
    const id = randomUUID();
    const now = Date.now();
    sentAt.set(id, now);
    void fetch(`${base}/api/proctor/events`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${poster.token}` },
      body: JSON.stringify({ events: [{ id, clientTsMs: now, problemId: school.examProblemId, attemptId: poster.attemptId, type: 'tab_hidden', data: {} }] }),
    });
    await new Promise((r) => setTimeout(r, POST_INTERVAL_MS));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const { arrivals } = await request<{ arrivals: [string, number][] }>(watcher, { cmd: 'arrivals' }, 'arrivals');
  const delays = arrivals.filter(([id]) => sentAt.has(id)).map(([id, at]) => at - sentAt.get(id)!).sort((a, b) => a - b);
  latency = { posts: POSTS, expected: POSTS * joined, arrived: delays.length, p50: percentile(delays, 50), p99: percentile(delays, 99), max: percentile(delays, 100), sockets: steps.at(-1)?.connected ?? 0 };
  console.log(JSON.stringify(latency));
} catch (error) {
  console.error(apiOutput.slice(-3000));
  throw error;
} finally {
  for (const c of clients) if (c.connected) c.send({ cmd: 'close' });
  await new Promise((r) => setTimeout(r, 500));
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}

const lines = [
  '# Socket.IO: connections held by one api process, and event → teacher latency under that load',
  '',
  `Command: \`npx tsx bench/sockets/run.ts${quick ? ' --quick' : ''}\` — ${new Date().toISOString()}; ${machine()}.`,
  `One \`logicode api\` process (embedded: SQLite, in-process pub/sub; descriptor limit ${fdLimit}); idle student sockets (websocket`,
  `transport, each authenticated with its JWT) opened by ${CLIENT_PROCESSES} socket.io-client processes, 25 handshakes in flight each.`,
  '',
  '| sockets held | failed connects | connects/s | api RSS | RSS per socket | CPU while connecting: api / client processes |',
  '|---:|---:|---:|---:|---:|---:|',
  ...steps.map((s) => `| ${int(s.connected)} | ${s.failed} | ${int(s.connectPerSec)} | ${s.rssMb.toFixed(0)} MB | ${s.perSocketKb.toFixed(1)} KB | ${s.cpu.toFixed(0)}% / ${s.clientCpu.toFixed(0)}% |`),
  '',
  brokeAt ? `**Stopped at ${brokeAt}.**` : `No connection failed up to ${int(steps.at(-1)?.connected ?? 0)} sockets.`,
  '',
  latency ? [
    `Event → teacher: ${latency.posts} POSTs of one \`tab_hidden\` event (one every ${POST_INTERVAL_MS} ms from 20 students in a proctored attempt), ${TEACHERS} teacher`,
    `sockets in \`feed:all\`, with ${int(latency.sockets)} other sockets connected: ${int(latency.arrived)} of ${int(latency.expected)} pushes arrived;`,
    `latency from sending the POST to the push's arrival: **p50 ${ms(latency.p50)} ms, p99 ${ms(latency.p99)} ms** (max ${ms(latency.max)} ms). Target: p99 < 250 ms.`,
  ].join('\n') : '',
];
writeResults('sockets', quick, lines);
if (!latency || latency.arrived < latency.expected) process.exitCode = 1;

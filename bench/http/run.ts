// Hot paths against a bare node:http server, and the heavy views at a school's size (issue 8, items 1 and 4).
// Run: `npx tsx bench/http/run.ts [--quick] [--dialect sqlite|mysql] [--part hot|views] [--only <name part>] [--rounds N]`.
// For each database: bench/data fills it like a school after a term; one `logicode api` process serves it.
// 1. Hot reads (problem list, detail, leaderboard) and writes (event batch, heartbeat) under autocannon, then the
//    same requests against a bare node:http server (its own process) answering with the bytes our api answered:
//    our requests/s as a fraction of the bare server's is the figure that survives a shared, noisy machine. Each hot
//    row is measured in rounds (3 by default), ours and bare interleaved, so drift on the machine hits both; the
//    median ratio is reported with its spread. Latencies come from autocannon's own histogram (support.ts).
// 2. The views the original served slowly at this size (leaderboard, teacher students overview, dashboard
//    numbers, one student's detail), 50 connections, target p99 < 50 ms.
// The load generator (autocannon, this process) shares the 2 cores: its CPU time is reported beside the server's.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type autocannon from 'autocannon';
import { createDb, DEFAULT_POOL } from '@logicode/db';
import { freePort, spawnLogicode } from '../../apps/cli/test/helpers/processes.js';
import { generateSchool, QUICK_SIZE, TERM_SIZE } from '../data/generate.js';
import { BENCH_JWT_SECRET, tokenFor } from '../data/tokens.js';
import { dropMysqlDatabase, int, machine, measure, median, ms, ROOT, writeResults, type Measured } from './support.js';

/** The median ratio and its range over the rounds, as percentages. */
const spread = (ratios: number[]) => `${(median(ratios) * 100).toFixed(0)}% (${ratios.map((r) => (r * 100).toFixed(0)).sort((a, b) => Number(a) - Number(b)).join(' / ')})`;

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const dialects = args.includes('--dialect') ? [args[args.indexOf('--dialect') + 1] as 'sqlite' | 'mysql'] : quick ? ['sqlite' as const] : ['sqlite' as const, 'mysql' as const];
const MYSQL = (process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
const durationSec = quick ? 1 : 10;
/** --rounds N: hot rows are measured N times, ours and bare interleaved (issue 18: a single run's ratio moved by 30%). */
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : quick ? 1 : 3;
const hotDurationSec = quick ? 1 : 5;
const warmupSec = quick ? 0 : 2;
const connections = quick ? 10 : 50;
const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'all';
/** --only <text>: just the views whose name contains it (e.g. to profile one view with BENCH_CPU_PROF). */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]! : '';

interface Case {
  name: string;
  method: 'GET' | 'POST';
  /** The path recorded for the bare server (per-request paths are normalised to it). */
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (request: autocannon.Request) => autocannon.Request;
  cached?: boolean;
}

/** One hot row: the median round of ours and of bare, and every round's ratio (ours / bare) for the spread. */
interface HotRow { dialect: string; name: string; ours: Measured; bare: Measured; ratios: number[]; cached: boolean }
interface ViewRow { dialect: string; name: string; ours: Measured; bytes: number; statements: number }

/** The api's counts of SQL statements run and of requests answered (its Prometheus text, loopback needs no token). */
async function statementCounts(base: string): Promise<{ statements: number; requests: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const sum = (pattern: RegExp) => text.split('\n').filter((l) => pattern.test(l)).reduce((a, l) => a + Number(l.split(' ').pop()), 0);
  return { statements: sum(/^database_query_duration_seconds_count/), requests: sum(/^http_request_duration_seconds_count/) };
}

async function startBare(responsesFile: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(ROOT, 'bench/http/bare-server.mjs'), responsesFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('READY') && resolve(Number(line.split(' ')[1])));
  });
  return { child, port };
}

async function benchDialect(dialect: 'sqlite' | 'mysql'): Promise<{ hot: HotRow[]; views: ViewRow[]; generated: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'logicode-bench-http-'));
  const database = `lc_bench_${randomBytes(3).toString('hex')}`;
  const url = dialect === 'sqlite' ? `sqlite:${join(dir, 'school.db')}` : `${MYSQL}/${database}`;
  const school = await generateSchool(url, quick ? QUICK_SIZE : TERM_SIZE);
  const generated = `${dialect}: ${Object.entries(school.counts).map(([k, v]) => `${int(v)} ${k}`).join(', ')} generated in ${(school.elapsedMs / 1000).toFixed(1)} s`;
  console.log(generated);
  const handle = createDb({ url, pool: DEFAULT_POOL });
  const sessions = await handle.db.selectFrom('problemSessions').select(['id', 'userId', 'problemId', 'isActive']).orderBy('id').execute();
  await handle.close();
  const port = await freePort();
  const server = spawnLogicode('api', {
    PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn', NODE_ENV: 'production', COOKIE_SECURE: 'false',
    DATABASE_URL: url, JWT_SECRET: BENCH_JWT_SECRET, SEED_DEMO: 'false',
    // TEACHER_SCOPE=all in the bench's environment: the teacher views without the per-teacher scope (an A/B of its cost).
    ...(process.env.TEACHER_SCOPE ? { TEACHER_SCOPE: process.env.TEACHER_SCOPE } : {}),
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the api process, written there when it exits.
    ...(process.env.BENCH_CPU_PROF ? { BENCH_CPU_PROF: process.env.BENCH_CPU_PROF, NODE_OPTIONS: `--import ${join(ROOT, 'bench/http/cpu-profile.mjs')}` } : {}),
  });
  const base = `http://127.0.0.1:${port}`;
  let bare: { child: ChildProcess; port: number } | null = null;
  try {
    await server.waitFor(/running at/, 120_000);
    const serverPid = server.child.pid;
    const tokens = new Map<number, string>();
    for (const s of sessions) if (!tokens.has(s.userId)) tokens.set(s.userId, await tokenFor(s.userId, 'student'));
    const student = await tokenFor(school.studentIds[0]!, 'student');
    const teacher = { authorization: `Bearer ${await tokenFor(school.teacherId, 'teacher', 'Tom Teacher')}` };
    const json = { 'content-type': 'application/json' };
    let next = 0;
    const active = sessions.filter((s) => s.isActive === 1);
    const batchOf = (s: (typeof sessions)[number]) => JSON.stringify({
      events: Array.from({ length: 10 }, (_, i) => ({
        id: randomUUID(), clientTsMs: Date.now(), problemId: s.problemId, attemptId: s.id,
        ...(i % 2 === 0 ? { type: 'tab_hidden', data: {} } : { type: 'tab_visible', data: { hiddenMs: 1200 } }),
      })),
    });
    const hotCases: Case[] = [
      { name: 'problem list (anonymous)', method: 'GET', path: '/api/problems', headers: {}, cached: true },
      { name: 'problem detail (anonymous)', method: 'GET', path: `/api/problems/${school.examProblemId}`, headers: {}, cached: true },
      { name: 'leaderboard page 1 (anonymous)', method: 'GET', path: '/api/leaderboard', headers: {}, cached: true },
      { name: 'problem list (student: + own solved flags)', method: 'GET', path: '/api/problems', headers: { authorization: `Bearer ${student}` } },
      {
        name: 'event batch, 10 events (POST)', method: 'POST', path: '/api/proctor/events', headers: json, body: batchOf(sessions[0]!),
        setupRequest: (request) => {
          const s = sessions[next++ % sessions.length]!;
          return { ...request, headers: { ...json, authorization: `Bearer ${tokens.get(s.userId)}` }, body: batchOf(s) };
        },
      },
      {
        name: 'heartbeat (POST)', method: 'POST', path: `/api/proctor/attempts/${active[0]!.id}/heartbeat`, headers: json, body: '{"language":"python"}',
        setupRequest: (request) => {
          const s = active[next++ % active.length]!;
          return { ...request, path: `/api/proctor/attempts/${s.id}/heartbeat`, headers: { ...json, authorization: `Bearer ${tokens.get(s.userId)}` } };
        },
      },
    ];
    // Record what our api answers, for the bare server to answer the same bytes.
    const recorded = [];
    for (const c of hotCases) {
      const first = c.setupRequest ? c.setupRequest({ method: c.method, path: c.path, headers: c.headers, body: c.body } as autocannon.Request) : c;
      const response = await fetch(base + (first.path ?? c.path), { method: c.method, headers: first.headers as Record<string, string>, body: first.body as string | undefined });
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`${c.method} ${c.path}: ${response.status} ${body.toString()}`);
      recorded.push({ method: c.method, path: c.path.replace(/\/attempts\/\d+\//, '/attempts/:id/'), status: response.status, contentType: response.headers.get('content-type'), body: body.toString('base64') });
    }
    const responsesFile = join(dir, 'responses.json');
    writeFileSync(responsesFile, JSON.stringify(recorded));
    bare = await startBare(responsesFile);
    const barePid = bare.child.pid;
    const barePort = bare.port;
    const hot: HotRow[] = [];
    for (const c of part === 'views' ? [] : hotCases.filter((h) => h.name.includes(only))) {
      const load = { connections, durationSec: hotDurationSec, warmupSec, method: c.method, headers: c.headers, body: c.body, setupRequest: c.setupRequest };
      const oursRuns: Measured[] = [];
      const bareRuns: Measured[] = [];
      for (let round = 0; round < rounds; round += 1) {
        // Interleaved: ours then bare in each round (the warm-up only before a process's first run).
        oursRuns.push(await measure({ ...load, warmupSec: round === 0 ? warmupSec : 0, url: base + c.path, serverPid }));
        bareRuns.push(await measure({ ...load, warmupSec: round === 0 ? warmupSec : 0, url: `http://127.0.0.1:${barePort}${c.path}`, serverPid: barePid }));
      }
      const ratios = oursRuns.map((o, i) => o.rps / bareRuns[i]!.rps);
      const mid = (runs: Measured[]) => runs.find((r) => r.rps === median(runs.map((x) => x.rps))) ?? runs[0]!;
      const row: HotRow = { dialect, name: c.name, ours: mid(oursRuns), bare: mid(bareRuns), ratios, cached: c.cached ?? false };
      row.ours = { ...row.ours, errors: oursRuns.reduce((a, r) => a + r.errors, 0), non2xx: oursRuns.reduce((a, r) => a + r.non2xx, 0) };
      hot.push(row);
      console.log(`${dialect} ${c.name}: ours ${oursRuns.map((r) => int(r.rps)).join(', ')} req/s; bare ${bareRuns.map((r) => int(r.rps)).join(', ')}; ${spread(ratios)}, p99 ${ms(row.ours.p99)} ms, server CPU ${oursRuns.map((r) => int(r.serverCpu / r.rps * 1000)).join(', ')} µs/request`);
    }
    const studentIds = school.studentIds;
    const searches = ['a', 'an', 'son', 'li', 'student', '@', 'e', 'ma'];
    const viewCases: Case[] = [
      { name: 'leaderboard (student, with own rank)', method: 'GET', path: '/api/leaderboard', headers: { authorization: `Bearer ${student}` } },
      // The teacher's students page: 50 students a page, sorted by open flags (the page's default), and a search.
      { name: 'teacher: students overview (page of 50, by open flags)', method: 'GET', path: '/api/teacher/students?sort=openFlags&dir=desc', headers: teacher },
      {
        name: 'teacher: students overview (search, rotating)', method: 'GET', path: '/api/teacher/students?q=a', headers: teacher,
        setupRequest: (request) => ({ ...request, path: `/api/teacher/students?q=${encodeURIComponent(searches[next++ % searches.length]!)}` }),
      },
      { name: 'teacher: dashboard numbers', method: 'GET', path: '/api/teacher/dashboard', headers: teacher },
      {
        name: 'teacher: one student\'s detail (rotating)', method: 'GET', path: `/api/teacher/students/${studentIds[0]}`, headers: teacher,
        setupRequest: (request) => ({ ...request, path: `/api/teacher/students/${studentIds[next++ % studentIds.length]}` }),
      },
    ];
    const views: ViewRow[] = [];
    for (const c of part === 'hot' ? [] : viewCases.filter((v) => v.name.includes(only))) {
      const sample = await fetch(base + c.path, { headers: c.headers });
      const bytes = (await sample.arrayBuffer()).byteLength;
      if (!sample.ok) throw new Error(`${c.path}: ${sample.status}`);
      const before = await statementCounts(base);
      const ours = await measure({ connections, durationSec, warmupSec, url: base + c.path, headers: c.headers, setupRequest: c.setupRequest, serverPid });
      const after = await statementCounts(base);
      // SQL statements per request: the api's own counters (GET /metrics from loopback), over every request served.
      const perRequest = (after.statements - before.statements) / Math.max(1, after.requests - before.requests - 1);
      views.push({ dialect, name: c.name, ours, bytes, statements: perRequest });
      console.log(`${dialect} ${c.name}: ${int(ours.rps)} req/s, p50 ${ms(ours.p50)} p99 ${ms(ours.p99)} ms, server CPU ${int(ours.serverCpu / ours.rps * 1000)} µs/request, ${perRequest.toFixed(2)} SQL statements/request`);
    }
    return { hot, views, generated };
  } catch (error) {
    console.error(server.output().slice(-4000));
    throw error;
  } finally {
    bare?.child.kill('SIGTERM');
    await server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    if (dialect === 'mysql') {
      await dropMysqlDatabase(MYSQL, database);
    }
  }
}

const results = [];
for (const dialect of dialects) results.push(await benchDialect(dialect));
const hot = results.flatMap((r) => r.hot);
const views = results.flatMap((r) => r.views);
const cpu = (m: Measured) => `${(m.serverCpu / 10).toFixed(0)}% / ${(m.loadCpu / 10).toFixed(0)}%`;
const lines = [
  `# HTTP: hot paths against bare node:http, and the heavy views at a school's size`,
  '',
  `Command: \`${['npx tsx bench/http/run.ts', ...args].join(' ')}\`${process.env.BENCH_CPU_PROF ? ' (with BENCH_CPU_PROF)' : ''} — ${new Date().toISOString()}; ${machine()}.`,
  `autocannon, ${connections} connections; hot rows: ${rounds} round(s) of ${hotDurationSec} s, ours and bare interleaved (a ${warmupSec} s warm-up before each`,
  `process's first run), the median round shown and every round's ratio in brackets; views: ${durationSec} s after a ${warmupSec} s warm-up.`,
  'Latencies from autocannon\'s own histogram (2xx responses; no per-response JavaScript in the load process). One \`logicode api\` process (embedded mode:',
  'no Redis); the bare server is a separate node:http process answering the bytes our api answered. Data:',
  ...results.map((r) => `- ${r.generated}`),
  '',
  'CPU columns: server process / this load process, in % of one core, during the row (the two share 2 cores).',
  '',
  '## Hot paths: ours against bare node:http',
  '',
  '| database | request | ours req/s | p50 / p95 / p99 ms | bare req/s | bare p99 ms | ours / bare: median (rounds) | CPU server / load | server CPU per request | errors + non-2xx |',
  '|---|---|---:|---|---:|---:|---:|---|---:|---:|',
  ...hot.map((r) => `| ${r.dialect} | ${r.name} | ${int(r.ours.rps)} | ${ms(r.ours.p50)} / ${ms(r.ours.p95)} / ${ms(r.ours.p99)} | ${int(r.bare.rps)} | ${ms(r.bare.p99)} | **${spread(r.ratios)}**${r.cached ? ' (cached)' : ''} | ${cpu(r.ours)} | ${int(r.ours.serverCpu / r.ours.rps * 1000)} µs | ${r.ours.errors + r.ours.non2xx} |`),
  '',
  'Server CPU per request: the server process\'s CPU time over its requests in the row, a figure a busy machine distorts less than requests/s.',
  'Targets (issue 18): cached reads ≥ 60% of bare; event batch ≥ 15% (and ≥ 3,000 req/s on SQLite); heartbeat and the signed-in list ≥ 40%.',
  '',
  '## The views at a school\'s size (the original: leaderboard ~70 req/s, 0.7 s median; students overview ~7 req/s, 6.8 s median)',
  '',
  '| database | request | response | req/s | p50 ms | p95 ms | p99 ms | CPU server / load | server CPU per request | SQL statements per request | errors + non-2xx |',
  '|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|',
  ...views.map((r) => `| ${r.dialect} | ${r.name} | ${(r.bytes / 1024).toFixed(0)} KiB | ${int(r.ours.rps)} | ${ms(r.ours.p50)} | ${ms(r.ours.p95)} | **${ms(r.ours.p99)}** | ${cpu(r.ours)} | ${int(r.ours.serverCpu / r.ours.rps * 1000)} µs | ${r.statements.toFixed(2)} | ${r.ours.errors + r.ours.non2xx} |`),
  '',
  'Target: p99 < 50 ms for each, 50 connections.',
];
writeResults('http', quick, lines);
if ([...hot.map((r) => r.ours), ...views.map((r) => r.ours)].some((m) => m.errors + m.non2xx > 0)) process.exitCode = 1;

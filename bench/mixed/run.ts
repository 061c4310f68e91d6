// The mixed load (issue 8, item 3): `npx tsx bench/mixed/run.ts [--quick] [--target embedded|cluster-1|cluster-3|all] [--no-judge] [--judge-baseline]`.
// Virtual students sit a timed, proctored problem (bench/mixed/users.ts) while a few teachers watch; the user
// count is raised step by step until the students' p95 passes 200 ms (the teachers' few heavy views are reported
// apart) or more than 0.1% of requests fail, and the largest count
// held is reported with requests/s, latency, error rate, the judge queue wait (from the submissions' own
// timestamps) and the database query p95 (the api's database_query_duration_seconds histogram).
// Per step (issue 18): the judge's jobs/s (submissions finished in the step), the jobs not started at the step's end
// (all of them, not only the step's), and whether the judge held too (wait p95 < 2 s, none left unstarted); the
// largest count held by both criteria is reported beside the api's. --judge-baseline first measures the same jobs
// (Python FizzBuzz Runs and Submits) with the api otherwise idle, so the steps' jobs/s can be read against it.
// Targets: `embedded` = one `logicode start` process on SQLite (a generated school); `cluster-1`/`cluster-3` =
// deploy/local-cluster.sh (MariaDB primary + replica, Redis, 2 workers, nginx) with 1 or 3 api processes.
// The load runs in this process, on the same 2 cores: its CPU time is reported beside the servers'.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, DEFAULT_POOL } from '@logicode/db';
import { freePort } from '../../apps/cli/test/helpers/processes.js';
import { generateSchool, QUICK_SIZE, TERM_SIZE } from '../data/generate.js';
import { BENCH_JWT_SECRET, tokenFor } from '../data/tokens.js';
import { cpuMsOf, int, machine, ms, percentile, ROOT, writeResults } from '../http/support.js';
import { prepareExam } from './exam.js';
import { EXAM_PACE, Recorder, student, teacher } from './users.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const targetArg = args.includes('--target') ? args[args.indexOf('--target') + 1]! : quick ? 'embedded' : 'all';
const TARGETS = targetArg === 'all' ? ['embedded', 'cluster-1', 'cluster-3'] : [targetArg];
const STEPS = quick ? [5, 10] : [25, 50, 100, 250, 500, 1000, 1500, 2000, 2500, 3000];
const STEP_SEC = quick ? 5 : 30;
const TEACHERS = quick ? 1 : 3;
const P95_LIMIT_MS = 200;
const ERROR_LIMIT = 0.001;
// --no-judge: the same students without Runs and Submits, to tell the api's capacity from the judge's.
const noJudge = args.includes('--no-judge');
/** --judge-baseline: JOBS_IDLE Runs and Submits at once on the idle target first, for the judge's idle jobs/s. */
const judgeBaseline = args.includes('--judge-baseline') && !noJudge;
const JOBS_IDLE = quick ? 10 : 300;
const WAIT_P95_LIMIT_MS = 2000;
const NEVER = Number.POSITIVE_INFINITY;
const PACE = noJudge ? { firstRunMs: NEVER, runEveryMs: NEVER, submitAfterMs: NEVER }
  : quick ? { firstRunMs: 1000, runEveryMs: 3000, submitAfterMs: 2000 } : EXAM_PACE;
const CLUSTER_DIR = process.env.LOGICODE_CLUSTER_DIR ?? '/tmp/logicode-cluster';

interface Target {
  base: string;
  dbUrl: string;
  jwtSecret: string;
  pids(): number[];
  metricsUrls(): string[];
  stop(): Promise<void>;
}

async function embedded(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'logicode-bench-mixed-'));
  const dbUrl = `sqlite:${join(dir, 'school.db')}`;
  await generateSchool(dbUrl, { ...(quick ? QUICK_SIZE : TERM_SIZE), students: Math.max(...STEPS) + 100 });
  const port = await freePort();
  const child: ChildProcess = spawn('bash', ['-c', 'ulimit -n hard && exec "$@"', 'bash', process.execPath, '--import', 'tsx', join(ROOT, 'apps/cli/src/main.ts'), 'start'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn', NODE_ENV: 'production',
      COOKIE_SECURE: 'false', DATABASE_URL: dbUrl, JWT_SECRET: BENCH_JWT_SECRET, SEED_DEMO: 'false',
      // JUDGE_THREAD=false npx tsx bench/mixed/run.ts ...: the judge on the api's thread, for the before/after.
      ...(process.env.JUDGE_THREAD ? { JUDGE_THREAD: process.env.JUDGE_THREAD } : {}),
      ...(process.env.WORKER_CONCURRENCY ? { WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY } : {}),
    },
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  for (let waited = 0; !/running at/.test(output); waited += 100) {
    if (waited > 180_000 || child.exitCode !== null) throw new Error(`logicode start did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    base, dbUrl, jwtSecret: BENCH_JWT_SECRET, pids: () => [child.pid!], metricsUrls: () => [`${base}/metrics`],
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function cluster(command: string[]): void {
  execFileSync(join(ROOT, 'deploy/local-cluster.sh'), command, { stdio: 'inherit' });
}

async function localCluster(apis: 1 | 3): Promise<Target> {
  cluster(['start']);
  if (apis === 1) cluster(['stop', 'api-2', 'api-3']);
  const pidOf = (name: string) => {
    const file = join(CLUSTER_DIR, 'pids', `${name}.pid`);
    return existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
  };
  const names = () => readdirSync(join(CLUSTER_DIR, 'pids')).map((f) => f.replace(/\.pid$/, ''));
  return {
    base: process.env.CLUSTER_URL ?? 'http://127.0.0.1:8080',
    dbUrl: 'mysql://logicode:logicode@127.0.0.1:3307/logicode',
    jwtSecret: readFileSync(join(CLUSTER_DIR, 'jwt-secret'), 'utf8').trim(),
    pids: () => names().map(pidOf).filter((pid) => pid > 0),
    metricsUrls: () => ['api-1', 'api-2', 'api-3'].filter((n) => pidOf(n) > 0).map((n) => `http://127.0.0.1:${3000 + Number(n.slice(4))}/metrics`),
    async stop() {
      if (apis === 1) cluster(['start']); // the other two back, as the cluster was
    },
  };
}

/** Cumulative bucket counts of the api's query-duration histogram, summed over the apis. */
async function dbBuckets(urls: string[]): Promise<Map<number, number>> {
  const buckets = new Map<number, number>();
  for (const url of urls) {
    const text = await fetch(url).then((r) => r.text(), () => '');
    for (const match of text.matchAll(/^database_query_duration_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)) {
      const le = match[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(match[1]);
      buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
    }
  }
  return buckets;
}

/** The upper bound of the bucket holding the 95th percentile of the queries between two scrapes. */
function bucketP95(before: Map<number, number>, after: Map<number, number>): { p95: string; queries: number } {
  const les = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Number.POSITIVE_INFINITY) ?? 0) - (before.get(Number.POSITIVE_INFINITY) ?? 0);
  if (total <= 0) return { p95: '–', queries: 0 };
  const le = les.find((l) => (after.get(l) ?? 0) - (before.get(l) ?? 0) >= 0.95 * total) ?? Number.POSITIVE_INFINITY;
  return { p95: le === Number.POSITIVE_INFINITY ? '> 1 s' : `≤ ${le * 1000} ms`, queries: total };
}

interface Step {
  users: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** The teachers' requests alone (dashboard, sessions, the whole-class overview): few, heavy, reported apart. */
  teacherP95: number;
  errorRate: number;
  judged: number;
  waitP50: number | null;
  waitP95: number | null;
  /** Submissions (of any step) not yet started when the step ended. */
  queuedAtEnd: number;
  /** Submissions finished within the step, per second. */
  jobsPerSec: number;
  /** The judge kept up: wait p95 under WAIT_P95_LIMIT_MS and nothing left unstarted at the step's end. */
  judgeHeld: boolean;
  dbP95: string;
  pushes: number;
  serverCpu: number;
  loadCpu: number;
  held: boolean;
  slowest: string;
}

interface Baseline {
  /** The servers' CPU time per job, requests to create it included (ms). */
  cpuMsPerJob: number;
  jobs: number;
  jobsPerSec: number;
  waitP50: number;
  waitP95: number;
  seconds: number;
}

/**
 * The judge alone: JOBS_IDLE submissions (a Run and a Submit per student, the students' exam code) sent at once to
 * the otherwise idle target; jobs/s = jobs over the time from the first creation to the last finish.
 */
async function judgeIdle(target: Target, exam: Awaited<ReturnType<typeof prepareExam>>, handle: ReturnType<typeof createDb>): Promise<Baseline> {
  const students = exam.studentIds.slice(-Math.ceil(JOBS_IDLE / 2));
  const rec = new Recorder();
  // The servers' CPU (with their reaped sandboxes) per job: what a job costs the machine, whatever else runs.
  const cpuBefore = target.pids().reduce((a, pid) => a + cpuMsOf(pid), 0);
  const ids: number[] = [];
  await Promise.all(students.map(async (id, i) => {
    const token = await tokenFor(id, 'student', `baseline ${i}`, target.jwtSecret);
    const started = await rec.call(target.base, 'attempt start', 'POST', '/api/proctor/attempts', token, { problemId: exam.problemId });
    const attemptId = (started?.attempt as { id?: number } | undefined)?.id;
    for (const mode of ['run', 'submit'].slice(0, Math.min(2, JOBS_IDLE - 2 * i))) {
      const created = await rec.call(target.base, mode, 'POST', '/api/submissions', token, { problemId: exam.problemId, language: 'python', code: exam.solution, mode, attemptId });
      if (typeof created?.id === 'number') ids.push(created.id);
    }
  }));
  const failed = rec.samples.filter((s) => !s.ok);
  if (failed.length > 0) throw new Error(`judge baseline: ${failed.length} requests failed, first: ${failed[0]!.error}`);
  for (;;) {
    const rows = await handle.db.selectFrom('submissions').select(['createdAtMs', 'startedAtMs', 'finishedAtMs']).where('id', 'in', ids).execute();
    if (rows.every((r) => r.finishedAtMs !== null)) {
      const first = Math.min(...rows.map((r) => Number(r.createdAtMs)));
      const last = Math.max(...rows.map((r) => Number(r.finishedAtMs)));
      const waits = rows.map((r) => Number(r.startedAtMs) - Number(r.createdAtMs)).sort((a, b) => a - b);
      const seconds = (last - first) / 1000;
      const cpuMsPerJob = (target.pids().reduce((a, pid) => a + cpuMsOf(pid), 0) - cpuBefore) / rows.length;
      return { jobs: rows.length, jobsPerSec: rows.length / seconds, waitP50: percentile(waits, 50), waitP95: percentile(waits, 95), seconds, cpuMsPerJob };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function runTarget(name: string): Promise<{ name: string; steps: Step[]; errors: string[]; baseline: Baseline | null }> {
  const errors: string[] = [];
  const target = name === 'embedded' ? await embedded() : await localCluster(name === 'cluster-1' ? 1 : 3);
  const steps: Step[] = [];
  const rec = new Recorder();
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every virtual user waits on it
  const running: Promise<void>[] = [];
  const handle = createDb({ url: target.dbUrl, pool: DEFAULT_POOL });
  try {
    // The baseline's students come after the steps' (their attempts and Submits stay out of the steps).
    const exam = await prepareExam(target.dbUrl, Math.max(...STEPS) + (judgeBaseline ? Math.ceil(JOBS_IDLE / 2) : 0));
    const baseline = judgeBaseline ? await judgeIdle(target, exam, handle) : null;
    if (baseline) console.log(`[${name}] judge alone: ${JSON.stringify(baseline)}`);
    const teacherToken = await tokenFor(exam.teacherId, 'teacher', 'Bench Teacher', target.jwtSecret);
    for (let i = 0; i < TEACHERS; i += 1) running.push(teacher(target.base, teacherToken, rec, stop.signal));
    await new Promise((r) => setTimeout(r, 3000)); // the teachers' first (cold) requests stay out of the first step
    let users = 0;
    for (const goal of STEPS) {
      for (; users < goal; users += 1) {
        const token = await tokenFor(exam.studentIds[users]!, 'student', `student ${users}`, target.jwtSecret);
        running.push(student(target.base, token, exam, rec, stop.signal, PACE));
      }
      const startMs = Date.now();
      const cpuBefore = target.pids().reduce((a, pid) => a + cpuMsOf(pid), 0);
      const loadBefore = process.cpuUsage();
      const bucketsBefore = await dbBuckets(target.metricsUrls());
      const pushesBefore = rec.pushes;
      await new Promise((r) => setTimeout(r, STEP_SEC * 1000));
      const endMs = Date.now();
      const seconds = (endMs - startMs) / 1000;
      const window = rec.samples.filter((s) => s.atMs >= startMs && s.atMs < endMs);
      const latencies = window.filter((s) => !s.what.startsWith('teacher')).map((s) => s.ms).sort((a, b) => a - b);
      const teacherLatencies = window.filter((s) => s.what.startsWith('teacher')).map((s) => s.ms).sort((a, b) => a - b);
      const failed = window.filter((s) => !s.ok).length;
      for (const s of window) if (s.error && errors.length < 5) errors.push(s.error);
      const judged = await handle.db.selectFrom('submissions').select(['createdAtMs', 'startedAtMs'])
        .where('createdAtMs', '>=', startMs).where('createdAtMs', '<', endMs).execute();
      const waits = judged.filter((j) => j.startedAtMs !== null).map((j) => Number(j.startedAtMs) - Number(j.createdAtMs)).sort((a, b) => a - b);
      const unstarted = await handle.db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('startedAtMs', 'is', null).where('createdAtMs', '<', endMs).executeTakeFirstOrThrow();
      const finished = await handle.db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('finishedAtMs', '>=', startMs).where('finishedAtMs', '<', endMs).executeTakeFirstOrThrow();
      const db = bucketP95(bucketsBefore, await dbBuckets(target.metricsUrls()));
      const load = process.cpuUsage(loadBefore);
      const byWhat = new Map<string, number[]>();
      for (const s of window) byWhat.set(s.what, [...(byWhat.get(s.what) ?? []), s.ms]);
      const slowest = [...byWhat].map(([what, list]) => [what, percentile(list.sort((a, b) => a - b), 95)] as const).sort((a, b) => b[1] - a[1])[0];
      const step: Step = {
        users, rps: window.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
        teacherP95: percentile(teacherLatencies, 95),
        errorRate: window.length ? failed / window.length : 0, judged: judged.length,
        waitP50: waits.length ? percentile(waits, 50) : null, waitP95: waits.length ? percentile(waits, 95) : null,
        queuedAtEnd: Number(unstarted.n), jobsPerSec: Number(finished.n) / seconds, judgeHeld: false, dbP95: db.p95, pushes: rec.pushes - pushesBefore,
        serverCpu: (target.pids().reduce((a, pid) => a + cpuMsOf(pid), 0) - cpuBefore) / seconds / 10,
        loadCpu: (load.user + load.system) / 1000 / seconds / 10,
        held: false, slowest: slowest ? `${slowest[0]} ${ms(slowest[1])} ms` : '',
      };
      step.held = step.p95 <= P95_LIMIT_MS && step.errorRate <= ERROR_LIMIT;
      step.judgeHeld = (step.waitP95 === null || step.waitP95 < WAIT_P95_LIMIT_MS) && step.queuedAtEnd === 0;
      steps.push(step);
      console.log(`[${name}] ${JSON.stringify(step)}`);
      if (!step.held && !quick) break; // a smoke run goes through every step whatever the timings
    }
    return { name, steps, errors, baseline };
  } finally {
    stop.abort();
    await Promise.allSettled(running);
    await handle.close();
    await target.stop();
  }
}

const results = [];
for (const name of TARGETS) results.push(await runTarget(name));
const describe: Record<string, string> = {
  embedded: 'embedded: one `logicode start` process (api + judge worker), SQLite, a generated school',
  'cluster-1': 'local cluster, 1 api: nginx, MariaDB primary + replica, Redis, 2 workers (deploy/local-cluster.sh)',
  'cluster-3': 'local cluster, 3 apis behind nginx (least_conn), the rest as above',
};
const lines = [
  `# Mixed load: students in a timed, proctored problem, teachers watching${noJudge ? ' (no Runs or Submits)' : ''}`,
  '',
  `Command: \`npx tsx bench/mixed/run.ts${quick ? ' --quick' : ''}${targetArg !== (quick ? 'embedded' : 'all') ? ` --target ${targetArg}` : ''}${noJudge ? ' --no-judge' : ''}${judgeBaseline ? ' --judge-baseline' : ''}\`${['JUDGE_THREAD', 'WORKER_CONCURRENCY'].filter((name) => process.env[name]).map((name) => ` (${name}=${process.env[name]})`).join('')} — ${new Date().toISOString()}; ${machine()}.`,
  `Each virtual student: problem list, problem, attempt start, an event batch every 2 s (2-4 events, a code snapshot in every`,
  `fifth), a heartbeat every 25 s, a Run every ~50 s and one Submit (each followed by a result read 3 s later).`,
  `${TEACHERS} teacher(s): a socket in feed:all, dashboard + active sessions every 5 s, students overview every 10 s.`,
  `Steps of ${STEP_SEC} s; the count rises until the students' p95 > ${P95_LIMIT_MS} ms or more than ${ERROR_LIMIT * 100}% of all requests fail. Latency is`,
  'measured by the client (this process) over every request of the step; the teachers\' few, heavy requests (the whole-class',
  'overview of 2,000+ students) are reported apart, since at small counts they would set the p95 alone. Judge wait = a',
  'submission\'s start minus its creation; requests/s and errors count everyone\'s requests.',
  'CPU: the servers\' processes (api, workers with their sandboxed runs, databases, nginx as applicable) / this load process,',
  'in % of one core; server CPU per request = that CPU time over the step\'s requests (a figure a busy machine distorts less).',
  `Judge: jobs/s = submissions finished within the step; "not started" counts every submission created before the step's end`,
  `and not started by then; the judge holds a step when its wait p95 < ${WAIT_P95_LIMIT_MS} ms and nothing is left unstarted. "Both" = the`,
  'students\' criteria and the judge\'s. With --judge-baseline, the same kind of jobs were first sent at once to the idle target.',
  '',
];
for (const r of results) {
  const held = r.steps.filter((s) => s.held).at(-1);
  const both = r.steps.filter((s) => s.held && s.judgeHeld).at(-1);
  const idle = r.baseline;
  const busiest = r.steps.filter((s) => s.queuedAtEnd > 0).at(-1); // the judge saturated: its jobs/s is its capacity there
  lines.push(`## ${describe[r.name] ?? r.name}`, '', held
    ? `**Largest count held: ${int(held.users)} students** (${int(held.rps)} requests/s, students' p95 ${ms(held.p95)} ms).`
    : '**No step held** (see the first row).',
  ...(noJudge ? [] : ['', both
    ? `**Largest count held by both criteria (students' p95, judge wait p95 < ${WAIT_P95_LIMIT_MS} ms with nothing unstarted): ${int(both.users)} students.**`
    : '**No step held by both criteria.**']),
  ...(idle ? ['', `Judge alone (api idle): ${idle.jobs} jobs in ${idle.seconds.toFixed(1)} s = **${idle.jobsPerSec.toFixed(1)} jobs/s** (wait p50 / p95 ${int(idle.waitP50)} / ${int(idle.waitP95)} ms), **${int(idle.cpuMsPerJob)} ms of server CPU per job** (at most ${(cpus().length * 1000 / idle.cpuMsPerJob).toFixed(0)} jobs/s on this machine's ${cpus().length} cores with nothing else running).${busiest
      ? ` Under load, at ${int(busiest.users)} students (the largest step with jobs left unstarted): ${busiest.jobsPerSec.toFixed(1)} jobs/s = **${(busiest.jobsPerSec / idle.jobsPerSec * 100).toFixed(0)}%** of idle.`
      : ' The judge never saturated within the steps (no step left jobs unstarted), so no step measures its capacity under load.'}`] : []),
  '',
  '| students | requests/s | students\' p50 / p95 / p99 ms | teachers\' p95 ms | errors | slowest kind (p95) | runs + submits | judge wait p50 / p95 | not started at step end | jobs/s | DB query p95 | teacher pushes | CPU servers / load | server CPU per request | held (students / judge) |',
  '|---:|---:|---|---:|---:|---|---:|---|---:|---:|---|---:|---|---:|---|',
  ...r.steps.map((s) => `| ${int(s.users)} | ${int(s.rps)} | ${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} | ${ms(s.teacherP95)} | ${(s.errorRate * 100).toFixed(2)}% | ${s.slowest} | ${s.judged} | ${s.waitP50 === null ? '–' : `${int(s.waitP50)} / ${int(s.waitP95!)} ms`} | ${s.queuedAtEnd} | ${s.jobsPerSec.toFixed(1)} | ${s.dbP95} | ${int(s.pushes)} | ${s.serverCpu.toFixed(0)}% / ${s.loadCpu.toFixed(0)}% | ${s.rps > 0 ? ms((s.serverCpu * 10) / s.rps) : '–'} ms | ${s.held ? 'yes' : '**no**'} / ${noJudge ? '–' : s.judgeHeld ? 'yes' : '**no**'} |`),
  '', ...(r.errors.length ? ['First errors within the steps:', '', ...r.errors.map((e) => `- \`${e}\``), ''] : []));
}
writeResults(`${targetArg === 'all' || quick ? 'mixed' : `mixed-${targetArg}`}${noJudge ? '-no-judge' : ''}`, quick, lines);

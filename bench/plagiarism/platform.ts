// Plagiarism in the running platform (issue 16's platform targets): api + worker in ONE process (embedded mode:
// they share the event loop), a problem with N students' stored Submits (the generated set: random corpus files
// under random disguises, mixed languages), then
//   1. Submits: new Submits of existing students, each queueing the incremental check, while a sampler asks
//      `GET /api/problems` over real HTTP every 20 ms;
//   2. a full run (POST) while the Submits and the sampler go on, until the run is done.
// Prints the run's wall time (POST to done, analysis and storing), pairs stored, and GET /api/problems latency
// (p50/p95/p99/max) in each phase. Usage: npx tsx bench/plagiarism/platform.ts [--count 1000] [--dialect sqlite|mysql]
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { startPlatform } from '../../apps/cli/test/helpers/platform-harness.js';
import { createKnapsackProblem } from '../../apps/cli/test/plagiarism-fixtures.js';
import { generatedFiles } from './dataset.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const count = Number(arg('--count', '1000'));
const dialect = arg('--dialect', 'sqlite') as 'sqlite' | 'mysql';

const p = await startPlatform(dialect, { workerRoles: 'plagiarism' });
const admin = await p.user('admin');
const problemId = await createKnapsackProblem(p.runtime, admin.id, `bench-${Date.now()}`);
const { db } = p.runtime.db;
const files = generatedFiles(count, 7);
const now = Date.now();
const userIds: number[] = [];
for (let i = 0; i < count; i += 200) {
  // Users inserted directly: hashing 1,000 passwords is not what is measured.
  for (const [j] of files.slice(i, i + 200).entries()) {
    const r = await db.insertInto('users').values({ name: `s${i + j}`, email: `bench-${now}-${i + j}@plag.test`, passwordHash: 'x', role: 'student', createdAtMs: now, updatedAtMs: now }).executeTakeFirstOrThrow();
    userIds.push(Number(r.insertId));
  }
}
let clock = now;
async function insertSubmit(userId: number, language: string, code: string): Promise<number> {
  clock += 1;
  const r = await db.insertInto('submissions').values({
    userId, problemId, language, mode: 'submit', status: 'done', verdict: 'WA', score: 0, code, customInput: null, compileOutput: null,
    testCount: 1, maxCpuMs: 1, maxMemoryKb: 1, attemptId: null, autoSubmitted: 0, createdAtMs: clock, startedAtMs: clock, finishedAtMs: clock,
  }).executeTakeFirstOrThrow();
  return Number(r.insertId);
}
for (const [i, f] of files.entries()) await insertSubmit(userIds[i]!, f.language, f.source);
console.error(`${count} students' Submits stored (${dialect})`);

const latencies: number[] = [];
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    const t = performance.now();
    const res = await fetch(`${p.baseUrl}/api/problems`);
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
})();

let submitting = true;
let submits = 0;
const submitter = (async () => {
  // A Submit every 100 ms: a new disguised file for a random existing student, then the judge's hook.
  let k = 0;
  while (submitting) {
    const i = (k * 7919) % count;
    const f = files[(i + 1) % count]!;
    const id = await insertSubmit(userIds[i]!, f.language, f.source);
    await p.runtime.core.plagiarism.reports.submissionJudged(id);
    submits++;
    k++;
    await new Promise((r) => setTimeout(r, 100));
  }
})();

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * s.length))]!.toFixed(0);
  return `n ${s.length}, p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms, max ${s[s.length - 1]!.toFixed(0)} ms`;
};

await new Promise((r) => setTimeout(r, 15_000));
const submitsPhase = latencies.splice(0);
const submitsBefore = submits;

const started = performance.now();
const post = await p.app.inject({ method: 'POST', url: `/api/teacher/problems/${problemId}/plagiarism`, headers: admin.headers, payload: {} });
const { runId } = post.json() as { runId: number };
let run: { status: string; pairCount: number } | undefined;
for (;;) {
  run = await db.selectFrom('plagiarismRuns').select(['status', 'pairCount']).where('id', '=', runId).executeTakeFirst();
  if (run && (run.status === 'done' || run.status === 'failed')) break;
  await new Promise((r) => setTimeout(r, 50));
}
const runMs = performance.now() - started;
const runPhase = latencies.splice(0);
submitting = false;
sampling = false;
await Promise.all([sampler, submitter]);

console.log(`Plagiarism in the platform, ${dialect}, embedded (api and worker in one process), ${count} students; ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0]!.toFixed(1)}, ${new Date().toISOString().slice(0, 16)}Z`);
console.log(`Submits with incremental checks (15 s, ${submitsBefore} Submits): GET /api/problems ${stats(submitsPhase)}`);
console.log(`Full run ${run!.status} in ${(runMs / 1000).toFixed(2)} s (POST to done: load, analysis in its thread, storing), ${run!.pairCount} pairs, ${submits - submitsBefore} Submits meanwhile: GET /api/problems ${stats(runPhase)}`);
await p.close();
process.exit(0);

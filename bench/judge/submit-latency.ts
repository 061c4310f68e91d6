// Submit → final verdict, end to end: POST /api/submissions to the 'submission:done' push on Socket.IO, for a
// 10-test problem (the seeded FizzBuzz) in each language, one submission at a time against `logicode start`
// (embedded: SQLite, in-process queue, worker in the same process). Run: `npx tsx bench/judge/submit-latency.ts [--quick]`.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { LanguageId, ProblemPackage } from '@logicode/contracts';
import { freePort, http, spawnLogicode } from '../../apps/cli/test/helpers/processes.js';

const quick = process.argv.includes('--quick');
const runsPerLanguage = quick ? 2 : 15;
const LANGUAGES: LanguageId[] = ['c', 'cpp', 'python', 'java', 'javascript'];
const root = new URL('../..', import.meta.url).pathname;
const fizzbuzz = JSON.parse(readFileSync(join(root, 'apps/cli/seed/problems/01-fizzbuzz.json'), 'utf8')) as ProblemPackage;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};

const dir = mkdtempSync(join(tmpdir(), 'logicode-bench-submit-'));
const port = await freePort();
const server = spawnLogicode('start', { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, LOG_LEVEL: 'warn', MAX_QUEUED_PER_USER: '50', SUBMISSIONS_PER_MINUTE: '1000' });
const baseUrl = `http://127.0.0.1:${port}`;
const rows: string[] = [];
try {
  await server.waitFor(/running at/, 120_000);
  const login = await http(baseUrl, '/api/auth/login', { method: 'POST', body: { email: 'alice@logicode.local', password: 'student-demo-pass' } });
  const token = login.body.accessToken as string;
  const socket = io(baseUrl, { transports: ['websocket'], auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const waiting = new Map<number, (verdict: string) => void>();
  socket.on('submission:done', ({ submission }) => waiting.get(submission.id)?.(submission.verdict ?? ''));
  const list = await http(baseUrl, '/api/problems?q=fizzbuzz', { token });
  const problemId = list.body.items[0].id as number;
  // FizzBuzz is timed: a Submit belongs to its opened attempt (the attempt guard), whose 30-minute clock outlasts the run.
  const attempt = await http(baseUrl, '/api/proctor/attempts', { method: 'POST', token, body: { problemId } });
  const attemptId = attempt.body.attempt.id as number;

  async function submitOnce(language: LanguageId): Promise<number> {
    // A new comment each time: a resubmit of the same code would be a build-cache hit (no compile at all).
    const code = `${fizzbuzz.solutions.find((s) => s.language === language)!.source}\n${language === 'python' ? '#' : '//'} ${randomUUID()}\n`;
    const started = performance.now();
    const created = await http(baseUrl, '/api/submissions', { method: 'POST', token, body: { problemId, attemptId, language, mode: 'submit', code } });
    if (created.status !== 202) throw new Error(`${language}: the submission was refused: ${created.status} ${JSON.stringify(created.body)}`);
    const verdict = await new Promise<string>((resolve) => waiting.set(created.body.id as number, resolve));
    const elapsed = performance.now() - started;
    if (verdict !== 'AC') throw new Error(`${language}: expected AC, got ${verdict}`);
    return elapsed;
  }

  await submitOnce('c'); // the worker's first job warms its caches; not counted
  for (const language of LANGUAGES) {
    const times: number[] = [];
    for (let i = 0; i < runsPerLanguage; i += 1) times.push(await submitOnce(language));
    rows.push(`| ${language} | ${fizzbuzz.tests.length} | ${runsPerLanguage} | ${percentile(times, 50).toFixed(0)} | ${percentile(times, 90).toFixed(0)} | ${Math.max(...times).toFixed(0)} |`);
  }
  socket.disconnect();
} finally {
  await server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
const table = [
  `Submit → final verdict over HTTP + Socket.IO (embedded \`logicode start\`, one submission at a time; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`,
  '',
  '| language | tests | runs | p50 ms | p90 ms | max ms |',
  '|---|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n');
console.log(table);
const out = join(root, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, quick ? 'submit-latency-quick.md' : 'submit-latency.md'), `${table}\n`);

// Per-test cost of interpreted languages: a warm interpreter per submission (Python: a forkserver in the
// submission's sandbox) against a fresh interpreter per test, and both against the bare start of the runtime
// outside any sandbox. Then the same Python job with every core kept busy at normal priority (the judge runs at
// a lower one): verdicts must not change. Run: `npx tsx bench/judge/warm.ts [--quick]` (as root, after
// scripts/setup-sandbox.sh). Prints a markdown table and writes it to bench/results/judge-warm.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgeJob, JudgeResult, LanguageId } from '@logicode/contracts';
import { createJudge } from '../../packages/judge/src/index.js';
import type { Judge } from '../../packages/judge/src/index.js';

const quick = process.argv.includes('--quick');
const TESTS = quick ? 5 : 20;
const BARE_RUNS = quick ? 5 : 20;
const ROUNDS = quick ? 1 : 3;
const workRoot = join(tmpdir(), 'logicode-judge-bench');
const root = new URL('../..', import.meta.url).pathname;

const PROGRAMS: Partial<Record<LanguageId, string>> = {
  python: 'a, b = map(int, input().split())\nprint(a + b)\n',
  javascript: "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n",
  java: 'import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); long a = s.nextLong(), b = s.nextLong(); System.out.println(a + b); } }\n',
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const f1 = (x: number) => x.toFixed(1);

function job(language: LanguageId, source: string, over: Partial<JudgeJob> = {}): JudgeJob {
  return {
    language,
    source,
    driverSource: null,
    tests: Array.from({ length: TESTS }, (_, i) => ({ id: `t${i}`, input: `${i} ${i * 3}\n`, expectedOutput: `${i * 4}\n`, weight: 1 })),
    limits: { timeLimitMs: 2000, memoryLimitKb: 262_144, outputLimitBytes: 65_536 },
    checker: { kind: 'exact' },
    stopOnFirstFailure: false,
    ...over,
  } as JudgeJob;
}

/** Bare starts (fork, exec, wait4), outside any sandbox: the runtime's own floor. CPU from wait4's rusage. */
function bare(argv: string[], cwd: string): { cpuMs: number; wallMs: number } {
  const script = [
    'import os, sys, time',
    'n = int(sys.argv[1]); argv = sys.argv[2:]; cpu = []; wall = []',
    'for i in range(n):',
    '    t = time.perf_counter(); pid = os.fork()',
    '    if pid == 0:',
    "        fd = os.open('/dev/null', os.O_RDWR); os.dup2(fd, 0); os.dup2(fd, 1); os.dup2(fd, 2); os.execv(argv[0], argv)",
    '    _, st, ru = os.wait4(pid, 0); wall.append((time.perf_counter() - t) * 1000); cpu.append((ru.ru_utime + ru.ru_stime) * 1000)',
    'cpu.sort(); wall.sort(); print(cpu[n // 2], wall[n // 2])',
  ].join('\n');
  const out = execFileSync('/usr/bin/python3', ['-c', script, String(BARE_RUNS), ...argv], { cwd, encoding: 'utf8' });
  const [cpuMs, wallMs] = out.trim().split(' ').map(Number) as [number, number];
  return { cpuMs, wallMs };
}

interface Row {
  what: string;
  cpuMs: number;
  wallMs: number;
  jobMs: number;
  verdicts: string;
}

async function judged(judge: Judge, what: string, j: JudgeJob): Promise<Row> {
  const cpu: number[] = [];
  const wall: number[] = [];
  const jobs: number[] = [];
  const verdicts = new Set<string>();
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    const result: JudgeResult = await judge.run(j);
    jobs.push(performance.now() - t0);
    verdicts.add(result.verdict);
    for (const t of result.tests) {
      cpu.push(t.cpuMs);
      wall.push(t.wallMs);
    }
  }
  return { what, cpuMs: median(cpu), wallMs: median(wall), jobMs: median(jobs), verdicts: [...verdicts].join(',') };
}

async function main() {
  mkdirSync(workRoot, { recursive: true });
  const warm = await createJudge({ workRoot, log: () => {} });
  const cold = await createJudge({ workRoot, log: () => {}, warmInterpreters: false });
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');
  const loadBefore = load();

  const hello = mkdtempSync(join(tmpdir(), 'bench-hello-'));
  writeFileSync(join(hello, 'Hello.java'), 'public class Hello { public static void main(String[] a) { System.out.println(1); } }\n');
  execFileSync('/usr/bin/javac', ['Hello.java'], { cwd: hello });
  const JVM = ['-Xshare:auto', '-XX:+UseSerialGC', '-XX:-UsePerfData', '-XX:ActiveProcessorCount=1'];
  const baselines: [string, { cpuMs: number; wallMs: number }][] = [
    ['bare `python3 -S -E -B -c pass`', bare(['/usr/bin/python3', '-S', '-E', '-B', '-c', 'pass'], hello)],
    ['bare `node -e 0`', bare(['/usr/bin/node', '-e', '0'], hello)],
    ['bare `java Hello` (judge flags)', bare(['/usr/bin/java', ...JVM, '-cp', '.', 'Hello'], hello)],
  ];

  const rows: Row[] = [];
  rows.push(await judged(cold, 'Python, a fresh interpreter per test (before)', job('python', PROGRAMS.python!)));
  rows.push(await judged(warm, 'Python, forked from the warm interpreter (after)', job('python', PROGRAMS.python!)));
  rows.push(await judged(warm, 'JavaScript (a fresh node per test)', job('javascript', PROGRAMS.javascript!)));
  rows.push(await judged(warm, 'Java (a fresh JVM per test)', job('java', PROGRAMS.java!)));

  // Every core busy at normal priority: the judge waits for CPUs; verdicts must not move.
  const loops = cpus().map(() => spawn('/bin/sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
  const busy: Row[] = [];
  try {
    const burn = 'import time\na, b = map(int, input().split())\nend = time.process_time() + 0.2\nwhile time.process_time() < end: pass\nprint(a + b)\n';
    const tight = { timeLimitMs: 1000, memoryLimitKb: 262_144, outputLimitBytes: 65_536 };
    busy.push(await judged(warm, 'busy: Python A+B burning 0.2 s CPU per test (expect AC)', job('python', burn, { limits: tight })));
    busy.push(await judged(warm, 'busy: Python endless loop (expect TLE)', job('python', 'while True: pass\n', { limits: tight, tests: job('python', '').tests.slice(0, 2) })));
  } finally {
    for (const loop of loops) loop.kill('SIGKILL');
  }
  await warm.close();
  await cold.close();

  const lines = [
    `# Judge: warm interpreters (\`npx tsx bench/judge/warm.ts${quick ? ' --quick' : ''}\`)`,
    '',
    `${new Date().toISOString()}; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}; load average ${loadBefore} at the start, ${load()} at the end (1/5/15 min).`,
    `Per test: the median over ${ROUNDS} job(s) of ${TESTS} A+B tests, CPU and wall as the judge reports them (wait4 of the program in its sandbox).`,
    '',
    '| what | CPU per test ms | wall per test ms | whole job ms | verdicts |',
    '|---|---:|---:|---:|---|',
    ...baselines.map(([what, b]) => `| ${what} | ${f1(b.cpuMs)} | ${f1(b.wallMs)} | | |`),
    ...rows.map((r) => `| ${r.what} | ${f1(r.cpuMs)} | ${f1(r.wallMs)} | ${Math.round(r.jobMs)} | ${r.verdicts} |`),
    ...busy.map((r) => `| ${r.what} | ${f1(r.cpuMs)} | ${f1(r.wallMs)} | ${Math.round(r.jobMs)} | ${r.verdicts} |`),
    '',
  ];
  const text = lines.join('\n');
  process.stdout.write(text);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/judge-warm.md'), text);
}

await main();

// Judge benchmark. Run: `npx tsx bench/judge/run.ts [--quick]` (as root, after scripts/setup-sandbox.sh).
// 1. Per-test time of the same compiled C binary: inside one sandbox vs bare, in the same run.
// 2. Sustained sandboxed runs per second on this machine's cores.
// 3. Judge-pipeline latency (job in → result out) per language for a 10-test problem.
// Prints a markdown table and writes it to bench/results/judge.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgeJob, LanguageId } from '@logicode/contracts';
import { createJudge } from '../../packages/judge/src/index.js';
import { inspectHost } from '../../packages/judge/src/sandbox/host.js';
import type { SandboxHost } from '../../packages/judge/src/sandbox/host.js';
import { SandboxSession } from '../../packages/judge/src/sandbox/session.js';
import type { RunLimits } from '../../packages/judge/src/sandbox/types.js';

const quick = process.argv.includes('--quick');
const workRoot = join(tmpdir(), 'logicode-judge-bench');
const root = new URL('../..', import.meta.url).pathname;

const SUM_C = '#include <stdio.h>\nint main(void){long a,b,s=0;while(scanf("%ld %ld",&a,&b)==2)s+=a+b;printf("%ld\\n",s);return 0;}\n';
const PROGRAMS: Record<LanguageId, string> = {
  c: SUM_C,
  cpp: '#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<"\\n";}\n',
  python: 'a, b = map(int, input().split())\nprint(a + b)\n',
  java: 'import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); long a = s.nextLong(), b = s.nextLong(); System.out.println(a + b); } }\n',
  javascript: "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);\n",
};
const LIMITS: RunLimits = { cpuMs: 2000, wallMs: 5000, fileSizeBytes: 1 << 20, outputBytes: 1 << 20, stderrBytes: 65536, stackKb: 65536, addressSpaceKb: 0, processes: 0, openFiles: 64 };

const median = (xs: number[]) => percentile(xs, 50);
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}
const ms = (x: number) => x.toFixed(1);

function session(host: SandboxHost, sandboxed: boolean, progDir: string, n: number): SandboxSession {
  return SandboxSession.start({
    host: { ...host, sandboxed },
    name: `${process.pid}-bench-${n}`,
    argv: [sandboxed ? '/prog/sum' : join(progDir, 'sum')],
    progDir,
    boxDir: null,
    scratchDir: join(workRoot, `scratch-${n}`),
    memoryLimitKb: 262_144,
    processes: 64,
    boxSizeBytes: 16 << 20,
    tmpSizeBytes: 16 << 20,
    env: { PATH: '/usr/bin:/bin' },
  });
}

const INPUT = Array.from({ length: 50 }, (_, i) => `${i} ${i * 3}`).join('\n') + '\n';

/** Per test, as the judge sees it: request written → result parsed, one long-lived session. */
async function perTest(host: SandboxHost, progDir: string, sandboxed: boolean, runs: number, n: number): Promise<number[]> {
  const s = session(host, sandboxed, progDir, n);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const o = await s.run({ limits: LIMITS, stdin: INPUT, fresh: true });
    times.push(performance.now() - t);
    if (o.stdout.toString() !== '4900\n') throw new Error(`wrong output ${o.stdout.toString()} ${o.detail ?? ''}`);
  }
  await s.close();
  return times;
}

/** A naive bare judge: Node spawns the binary once per test. */
function nodeSpawn(progDir: string, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(join(progDir, 'sum'), { input: INPUT });
    times.push(performance.now() - t);
  }
  return times;
}

async function throughput(host: SandboxHost, progDir: string, seconds: number, batched: boolean): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  let n = 1000;
  const worker = async () => {
    let s = batched ? session(host, true, progDir, n++) : null;
    while (performance.now() < deadline) {
      const own = s ?? session(host, true, progDir, n++);
      await own.run({ limits: LIMITS, stdin: INPUT, fresh: true });
      if (!s) await own.close();
      count++;
    }
    await s?.close();
    s = null;
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: cpus().length }, worker));
  return count / ((performance.now() - started) / 1000);
}

function tenTestJob(language: LanguageId, source: string): JudgeJob {
  const tests = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, input: `${i} ${i * 7}\n`, expectedOutput: `${i * 8}\n`, weight: 1 }));
  return { language, source, driverSource: null, tests, limits: { timeLimitMs: 2000, memoryLimitKb: 262_144, outputLimitBytes: 1 << 20 }, checker: { kind: 'exact' }, stopOnFirstFailure: false };
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  const load0 = loadavg()[0]!.toFixed(2);
  const inspected = await inspectHost(workRoot);
  if (inspected.problem) throw new Error(inspected.problem);
  const host: SandboxHost = { ...inspected.host, sandboxed: true };
  const progDir = join(workRoot, 'sum-bin');
  mkdirSync(progDir, { recursive: true, mode: 0o755 });
  writeFileSync(join(progDir, 'sum.c'), SUM_C);
  execFileSync('/usr/bin/gcc', ['-O2', '-o', join(progDir, 'sum'), join(progDir, 'sum.c')]);

  // 1. Per test. Rounds alternate the variants so machine noise hits all of them alike.
  const rounds = quick ? 2 : 5;
  const runs = quick ? 20 : 60;
  const bare: number[] = [];
  const boxed: number[] = [];
  const spawned: number[] = [];
  const fresh: number[] = [];
  for (let r = 0; r < rounds; r++) {
    bare.push(...(await perTest(host, progDir, false, runs, r * 10 + 1)));
    boxed.push(...(await perTest(host, progDir, true, runs, r * 10 + 2)));
    spawned.push(...nodeSpawn(progDir, runs));
    for (let i = 0; i < runs / 4; i++) {
      const t = performance.now();
      await perTest(host, progDir, true, 1, r * 1000 + 100 + i);
      fresh.push(performance.now() - t);
    }
  }
  const ratio = median(boxed) / median(bare);
  out(`## Judge benchmark (${new Date().toISOString()}, ${cpus().length} cores, load ${load0} at start${quick ? ', --quick' : ''})`);
  out();
  out(`Command: \`npx tsx bench/judge/run.ts${quick ? ' --quick' : ''}\``);
  out();
  out('### Per test: the same compiled C binary (sums 50 input lines), request → result as the judge sees it');
  out();
  out('| variant | median ms | p90 ms | runs |');
  out('|---|---|---|---|');
  out(`| bare: the supervisor's fork/exec/wait4 loop, no sandbox | ${ms(median(bare))} | ${ms(percentile(bare, 90))} | ${bare.length} |`);
  out(`| **sandboxed: the same loop inside one bwrap (uid drop, namespaces, seccomp, cgroups)** | **${ms(median(boxed))}** | ${ms(percentile(boxed, 90))} | ${boxed.length} |`);
  out(`| bare: Node \`execFileSync\` per test (a naive judge) | ${ms(median(spawned))} | ${ms(percentile(spawned, 90))} | ${spawned.length} |`);
  out(`| a fresh sandbox per test (start, run, tear down) | ${ms(median(fresh))} | ${ms(percentile(fresh, 90))} | ${fresh.length} |`);
  out();
  out(`Sandboxed / bare per test: **${ratio.toFixed(2)}×** (target ≤ 1.5×); sandboxed / Node spawn: ${(median(boxed) / median(spawned)).toFixed(2)}×.`);
  out();

  // 2. Throughput.
  const seconds = quick ? 2 : 8;
  const freshRate = await throughput(host, progDir, seconds, false);
  const batchRate = await throughput(host, progDir, seconds, true);
  out(`### Sustained sandboxed runs on ${cpus().length} cores (${cpus().length} workers, ${seconds} s each)`);
  out();
  out('| mode | runs/s |');
  out('|---|---|');
  out(`| a fresh sandbox per run | ${freshRate.toFixed(1)} |`);
  out(`| tests looping in one sandbox per worker (how the judge runs a job) | ${batchRate.toFixed(1)} |`);
  out();

  // 3. Pipeline latency.
  // Without the build cache: every iteration compiles the same source, and this table measures compile + runs.
  const judge = await createJudge({ workRoot, log: () => {}, buildCache: false });
  out('### Judge pipeline: job in → result out, 10-test A+B problem (compile once + 10 sandboxed runs + checks)');
  out();
  out('| language | p50 ms | p90 ms | min ms | iterations | target |');
  out('|---|---|---|---|---|---|');
  const targets: Partial<Record<LanguageId, number>> = { c: 500, python: 600 };
  for (const language of ['c', 'cpp', 'python', 'java', 'javascript'] as const) {
    const iterations = quick ? 2 : language === 'java' || language === 'cpp' ? 6 : 12;
    const times: number[] = [];
    await judge.run(tenTestJob(language, PROGRAMS[language])); // warm-up (page cache, CDS)
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      const r = await judge.run(tenTestJob(language, PROGRAMS[language]));
      times.push(performance.now() - t);
      if (r.verdict !== 'AC') throw new Error(`${language}: ${r.verdict} ${r.compileOutput ?? JSON.stringify(r.tests[0])}`);
    }
    const target = targets[language];
    const p50 = median(times);
    out(`| ${language} | ${p50.toFixed(0)} | ${percentile(times, 90).toFixed(0)} | ${Math.min(...times).toFixed(0)} | ${iterations} | ${target ? `≤ ${target} ${p50 <= target ? '✓' : '✗'}` : '–'} |`);
  }
  await judge.close();
  out();
  out(`Load average (1 min) at the end: ${loadavg()[0]!.toFixed(2)}. This 2-vCPU microVM is shared with other work; process creation and page faults are slow here (sandbox-lab.md §0).`);
  const resultDir = join(root, 'bench/results');
  mkdirSync(resultDir, { recursive: true });
  writeFileSync(join(resultDir, 'judge.md'), lines.join('\n') + '\n');
  console.log(`\nwritten to bench/results/judge.md`);
}

await main();

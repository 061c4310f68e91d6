// What an interactive problem costs over a batch one (issue 17): per exchange through the judge's relay (program
// and validator in two sandboxes joined by FIFOs, the judge in the middle recording the transcript), and per test
// (two sandboxed processes per test instead of one). C program, C validator, so the language's start is not measured.
// Run: `npx tsx bench/judge/interactive.ts [--quick]` (as root, after scripts/setup-sandbox.sh). Prints a markdown
// table and writes it to bench/results/judge-interactive.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JudgeJob } from '@logicode/contracts';
import { createJudge } from '../../packages/judge/src/index.js';

const quick = process.argv.includes('--quick');
const EXCHANGES = quick ? 500 : 5000;
const TESTS = quick ? 10 : 30;
const ROUNDS = quick ? 1 : 3;
const root = new URL('../..', import.meta.url).pathname;

// Sends n numbers one per line, expects each + 1 back; 42 when all were right.
const VALIDATOR = `#include <stdio.h>
int main(int argc, char **argv) {
  FILE *in = fopen(argv[1], "r"); long n = 0, got;
  if (!in || fscanf(in, "%ld", &n) != 1) return 1;
  for (long i = 0; i < n; i++) {
    printf("%ld\\n", i); fflush(stdout);
    if (scanf("%ld", &got) != 1 || got != i + 1) return 43;
  }
  return 42;
}
`;
const PROGRAM = `#include <stdio.h>
int main(void) { long x; while (scanf("%ld", &x) == 1) { printf("%ld\\n", x + 1); fflush(stdout); } return 0; }
`;
const BATCH = `#include <stdio.h>
int main(void) { long x; if (scanf("%ld", &x) == 1) printf("%ld\\n", x + 1); return 0; }
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function job(over: Partial<JudgeJob>): JudgeJob {
  return {
    language: 'c', source: PROGRAM, driverSource: null, tests: [],
    limits: { timeLimitMs: 5000, wallLimitMs: 20_000, memoryLimitKb: 65_536, outputLimitBytes: 65_536 },
    checker: { kind: 'interactive', language: 'c', source: VALIDATOR, files: [], flags: [] },
    stopOnFirstFailure: false,
    ...over,
  } as JudgeJob;
}

async function main(): Promise<void> {
  const judge = await createJudge({ workRoot: join(tmpdir(), 'logicode-judge-bench'), log: () => {} });
  const perExchangeUs: number[] = [];
  const interactivePerTestMs: number[] = [];
  const batchPerTestMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const long = await judge.run(job({ tests: [{ id: 'x', input: `${EXCHANGES}\n`, expectedOutput: '', weight: 1 }] }));
    if (long.verdict !== 'AC') throw new Error(`interactive ping-pong: ${long.verdict} ${JSON.stringify(long.tests[0]?.message)}`);
    perExchangeUs.push((long.tests[0]!.wallMs * 1000) / EXCHANGES);

    // Marginal cost of a test: a job of 1 + TESTS tests minus a job of 1 (the builds cancel out).
    const timed = async (over: Partial<JudgeJob>, n: number, input: string, expectedOutput: string) => {
      const tests = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, input, expectedOutput, weight: 1 }));
      const t0 = performance.now();
      const r = await judge.run(job({ ...over, tests }));
      if (r.verdict !== 'AC') throw new Error(`${n} tests: ${r.verdict}`);
      return performance.now() - t0;
    };
    const batch = { source: BATCH, checker: { kind: 'exact' } } as const;
    interactivePerTestMs.push(((await timed({}, 1 + TESTS, '1\n', '')) - (await timed({}, 1, '1\n', ''))) / TESTS);
    batchPerTestMs.push(((await timed(batch, 1 + TESTS, '0\n', '1\n')) - (await timed(batch, 1, '0\n', '1\n'))) / TESTS);
  }
  await judge.close();
  const load = loadavg().map((x) => x.toFixed(1)).join(' ');
  const table = [
    `Interactive judging (${new Date().toISOString().slice(0, 16)}Z, ${cpus().length} CPUs, load ${load}, median of ${ROUNDS}${quick ? ', --quick' : ''})`,
    '',
    '| measure | value |',
    '|---|---|',
    `| one exchange (validator line → program → answer), ${EXCHANGES} in one test | ${median(perExchangeUs).toFixed(0)} µs |`,
    `| interactive, per test (1 exchange; a job of ${TESTS + 1} tests minus a job of 1) | ${median(interactivePerTestMs).toFixed(1)} ms |`,
    `| batch, per test (same program logic, exact checker; same method) | ${median(batchPerTestMs).toFixed(1)} ms |`,
    '',
  ].join('\n');
  console.log(table);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/judge-interactive.md'), `${table}\n`);
}

await main();

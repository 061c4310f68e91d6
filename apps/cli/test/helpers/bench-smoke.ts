// Every benchmark script in its smoke mode (`--quick`: a few seconds each, no timing asserted), so a change that
// breaks one fails CI instead of the next person's `npm run bench`. The list is scripts/bench.mjs's, run as two
// test files (bench-smoke-{first,second}-half.test.ts): the whole list in one file came near the runner's 300 s
// per-file limit on a loaded machine, and two files also run side by side.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs script without types; only its list is used
import { BENCHES } from '../../../../scripts/bench.mjs';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function runQuick(bench: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // The benches' MariaDB and Redis are the tests' own (npm test may have started private ones on other ports).
    const env = {
      ...process.env,
      ...(process.env.LOGICODE_TEST_MYSQL_URL ? { BENCH_MYSQL_URL: process.env.LOGICODE_TEST_MYSQL_URL } : {}),
      ...(process.env.LOGICODE_TEST_REDIS_URL ? { BENCH_REDIS_URL: process.env.LOGICODE_TEST_REDIS_URL } : {}),
    };
    const child = spawn(process.execPath, ['--import', 'tsx', bench, '--quick'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** Half of the list (0: the first, 1: the second), each bench a test. */
export function smokeTestHalf(half: 0 | 1): void {
  const list = BENCHES as string[];
  const middle = Math.ceil(list.length / 2);
  describe(`benchmarks, smoke mode (${half === 0 ? 'first' : 'second'} half)`, () => {
    for (const bench of half === 0 ? list.slice(0, middle) : list.slice(middle)) {
      it(`${bench} --quick runs to the end`, { timeout: 300_000 }, async () => {
        const { code, output } = await runQuick(bench);
        assert.equal(code, 0, output.slice(-3000));
      });
    }
  });
}

// The judge on a thread of its own (createThreadedJudge), on the real sandbox: the same results and hooks as the
// judge on the caller's thread, abort, a caller whose event loop is blocked, and a thread that dies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { TestResult } from '@logicode/contracts';
import { createThreadedJudge, type ThreadedJudge } from '../src/index.js';
import { job, TEST_WORK_ROOT, testJudge } from './helpers.js';
import { FIXTURES } from './fixtures/programs.js';

const TESTS = [
  { id: 'a', input: '1 1\n', expectedOutput: '2\n', weight: 1 },
  { id: 'b', input: '1 1\n', expectedOutput: '3\n', weight: 1 },
  { id: 'c', input: '2 2\n', expectedOutput: '4\n', weight: 2 },
];

/** Blocks this thread's event loop, as a busy api does (no timer, I/O or message is handled meanwhile). */
function blockEventLoop(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('judge on a thread of its own', () => {
  let judge: ThreadedJudge;
  const logged: string[] = [];
  let ready: { osThreadId: number | null; nice: number | null } | undefined;
  before(async () => {
    judge = await createThreadedJudge({
      workRoot: TEST_WORK_ROOT,
      log: (_level, message, data) => {
        logged.push(message);
        if (message === 'judge thread ready') ready ??= data as typeof ready;
      },
    });
  });
  after(() => judge.close());

  it('is sandboxed and gives the same verdicts, scores and hooks, in order, as the judge on this thread', async () => {
    assert.equal(judge.sandboxed, true);
    const seen: [number, string, string][] = [];
    const compiled: { ms: number; buildCache: string }[] = [];
    const threaded = await judge.run(job('c', FIXTURES.c.stdio.AC, { tests: TESTS }), {
      onCompiled: (ms, info) => compiled.push({ ms, buildCache: info.buildCache }),
      onTestResult: (index, test: TestResult) => seen.push([index, test.testId, test.verdict]),
    });
    const direct = await (await testJudge()).run(job('c', FIXTURES.c.stdio.AC, { tests: TESTS }));
    assert.deepEqual(seen, [[0, 'a', 'AC'], [1, 'b', 'WA'], [2, 'c', 'AC']]);
    assert.equal(compiled.length, 1, 'onCompiled came across once');
    assert.equal(typeof compiled[0]!.ms, 'number');
    assert.match(compiled[0]!.buildCache, /^(hit|miss|off)$/);
    assert.equal(threaded.verdict, direct.verdict);
    assert.equal(threaded.score, direct.score);
    assert.deepEqual(threaded.tests.map((t) => [t.testId, t.verdict, t.output]), direct.tests.map((t) => [t.testId, t.verdict, t.output]));
  });

  it('the thread itself runs at the sandboxes\' lower priority (nice 10), the process\'s main thread does not', () => {
    assert.ok(ready?.osThreadId, 'the thread said which OS thread it is');
    const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    assert.equal(niceOf(readFileSync(`/proc/${process.pid}/task/${ready.osThreadId}/stat`, 'utf8')), 10);
    assert.ok(niceOf(readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8')) < 10, 'the main thread keeps its priority');
  });

  it('runs the self-test there and keeps what it disabled on this side', async () => {
    const statuses = await judge.selfTest();
    assert.equal(statuses.length, 5);
    for (const s of statuses) assert.equal(s.ok, true, `${s.id}: ${s.error}`);
    assert.deepEqual(judge.availableLanguages().sort(), ['c', 'cpp', 'java', 'javascript', 'python']);
  });

  it('an abort reaches the thread: the running test stops and the run rejects with the reason', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('worker shutting down')), 300);
    const tests = Array.from({ length: 5 }, (_, i) => ({ id: String(i), input: '', expectedOutput: '', weight: 1 }));
    await assert.rejects(judge.run(job('c', 'int main(void){for(;;);}\n', { tests }), { signal: controller.signal }), /shutting down/);
    assert.ok(Date.now() - started < 3500, 'did not wait for the time limits (5 tests x 1 s)');
  });

  it('keeps judging while the caller\'s event loop is blocked: the results are waiting when it frees', async () => {
    // Three tests of 0.5 s each: on the caller's loop none could start during the block, so the answer would come
    // at least 1.5 s after it; on the judge's own thread they all ran meanwhile.
    const source = 'import time\ntime.sleep(0.5)\nprint(sum(map(int, input().split())))\n';
    const tests = [...TESTS.slice(0, 1), ...TESTS.slice(2), { id: 'd', input: '3 4\n', expectedOutput: '7\n', weight: 1 }];
    await judge.run(job('python', source, { tests: tests.slice(0, 1) })); // warm: the build cache, the zygote
    const events: string[] = [];
    const run = judge.run(job('python', source, { tests }), { onTestResult: (_i, t) => events.push(t.verdict) });
    await new Promise((resolve) => setImmediate(resolve)); // run() posts the job once the thread is known to be up
    blockEventLoop(6000);
    const unblocked = Date.now();
    const result = await run;
    const afterUnblockMs = Date.now() - unblocked;
    assert.equal(result.verdict, 'AC');
    assert.deepEqual(events, ['AC', 'AC', 'AC']);
    assert.ok(afterUnblockMs < 1000, `the job ran during the block (answered ${afterUnblockMs} ms after it)`);
  });

  it('a thread that dies fails the jobs it held, says so, and the next job gets a new thread', async () => {
    const tests = Array.from({ length: 3 }, (_, i) => ({ id: String(i), input: '', expectedOutput: '', weight: 1 }));
    const held = judge.run(job('c', 'int main(void){for(;;);}\n', { tests }));
    setTimeout(() => void judge.killThread(), 300);
    await assert.rejects(held, /judge thread exited/);
    assert.ok(logged.some((line) => /judge thread died/.test(line)), 'logged');
    const next = await judge.run(job('c', FIXTURES.c.stdio.AC));
    assert.equal(next.verdict, 'AC');
  });
});

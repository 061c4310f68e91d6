// The judge's public API end to end on the real sandbox: self-tests, checkers, custom input, progress
// hooks, stop-on-first-failure, abort.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestResult } from '@logicode/contracts';
import { createJudge } from '../src/index.js';
import { job, testJudge } from './helpers.js';
import { FIXTURES } from './fixtures/programs.js';

describe('judge', () => {
  it('is sandboxed and every language passes its self-test with a version', async () => {
    const judge = await testJudge();
    assert.equal(judge.sandboxed, true);
    const statuses = await judge.selfTest();
    for (const s of statuses) {
      assert.equal(s.ok, true, `${s.id}: ${s.error}`);
      assert.ok(s.version && s.version.length > 0);
    }
    assert.deepEqual(judge.availableLanguages().sort(), ['c', 'cpp', 'java', 'javascript', 'python']);
  });

  it('custom input (expectedOutput null): AC when it ran cleanly, output returned', async () => {
    const r = await (await testJudge()).run(job('python', 'print(input()[::-1])\n', { tests: [{ id: 'custom', input: 'abc\n', expectedOutput: null, weight: 1 }] }));
    assert.equal(r.verdict, 'AC');
    assert.equal(r.tests[0]?.output, 'cba\n');
    assert.equal(r.score, 1);
  });

  it('reports each test as it finishes and stops at the first failure when asked', async () => {
    const seen: [number, TestResult][] = [];
    const tests = [
      { id: 'a', input: '1 1\n', expectedOutput: '2\n', weight: 1 },
      { id: 'b', input: '1 1\n', expectedOutput: '3\n', weight: 1 },
      { id: 'c', input: '2 2\n', expectedOutput: '4\n', weight: 2 },
    ];
    const judge = await testJudge();
    const r = await judge.run(job('c', FIXTURES.c.stdio.AC, { tests, stopOnFirstFailure: true }), { onTestResult: (i, t) => seen.push([i, t]) });
    assert.deepEqual(seen.map(([i, t]) => [i, t.testId, t.verdict]), [[0, 'a', 'AC'], [1, 'b', 'WA']]);
    assert.equal(r.verdict, 'WA');
    assert.equal(r.tests.length, 2);
    assert.equal(r.score, 0.25);
    const all = await judge.run(job('c', FIXTURES.c.stdio.AC, { tests }));
    assert.deepEqual(all.tests.map((t) => t.verdict), ['AC', 'WA', 'AC']);
    assert.equal(all.score, 0.75);
  });

  it('float and tokens checkers', async () => {
    const judge = await testJudge();
    const src = 'import math\nprint("%.9f" % math.pi)\nprint("a   b")\n';
    const tests = [{ id: 'pi', input: '', expectedOutput: '3.1415926 a b\n', weight: 1 }];
    assert.equal((await judge.run(job('python', src, { tests, checker: { kind: 'float', absTolerance: 1e-6, relTolerance: 0 } }))).verdict, 'AC');
    assert.equal((await judge.run(job('python', src, { tests, checker: { kind: 'float', absTolerance: 1e-9, relTolerance: 0 } }))).verdict, 'WA');
    assert.equal((await judge.run(job('python', 'print("3.1415926")\nprint("a b")', { tests, checker: { kind: 'tokens' } }))).verdict, 'AC');
    assert.equal((await judge.run(job('python', src, { tests }))).verdict, 'WA');
  });

  it('a custom checker program decides, sandboxed, with argv input expected actual', async () => {
    // Accepts any pair (x, y) with x + y equal to the expected sum.
    const checker = [
      'import sys',
      'inp, exp, act = (open(p).read() for p in sys.argv[1:4])',
      'try:',
      '    x, y = map(int, act.split())',
      'except ValueError:',
      '    print("not two numbers"); sys.exit(1)',
      'if x + y == int(exp): print("ok")',
      'else: print("sum is", x + y); sys.exit(1)',
    ].join('\n');
    const tests = [
      { id: 'a', input: '5\n', expectedOutput: '5\n', weight: 1 },
      { id: 'b', input: '7\n', expectedOutput: '7\n', weight: 1 },
    ];
    const src = '#include <stdio.h>\nint main(void){int n;scanf("%d",&n);printf("%d %d\\n",n==7?1:n-2,2);return 0;}\n';
    const r = await (await testJudge()).run(job('c', src, { tests, checker: { kind: 'custom', protocol: 'legacy', language: 'python', source: checker, files: [], flags: [] } }));
    assert.deepEqual(r.tests.map((t) => [t.verdict, t.message]), [['AC', 'ok'], ['WA', 'sum is 3']]);
    const broken = await (await testJudge()).run(job('c', src, { tests, checker: { kind: 'custom', protocol: 'legacy', language: 'c', source: 'int main(', files: [], flags: [] } }));
    assert.equal(broken.verdict, 'IE');
    assert.match(broken.compileOutput ?? '', /checker does not compile/);
  });

  it('an aborted job stops its running test and rejects', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('worker shutting down')), 300);
    const tests = Array.from({ length: 5 }, (_, i) => ({ id: String(i), input: '', expectedOutput: '', weight: 1 }));
    await assert.rejects((await testJudge()).run(job('c', 'int main(void){for(;;);}\n', { tests }), { signal: controller.signal }), /shutting down/);
    assert.ok(Date.now() - started < 3500, 'did not wait for the time limits (5 tests x 1 s)');
  });

  it('a fault of the judge itself ends as IE, not as a thrown error or a stuck job', async () => {
    const workRoot = join(tmpdir(), `logicode-judge-fault-${process.pid}`);
    const judge = await createJudge({ workRoot, log: () => {} });
    rmSync(join(workRoot, 'jobs'), { recursive: true, force: true });
    writeFileSync(join(workRoot, 'jobs'), 'not a directory'); // job dirs cannot be made any more
    const r = await judge.run(job('c', FIXTURES.c.stdio.AC));
    assert.equal(r.verdict, 'IE');
    assert.equal(r.score, 0);
    await judge.close();
    rmSync(workRoot, { recursive: true, force: true });
  });

  it('measures the program, not bwrap: CPU and peak memory of a 40 MB, ~100 ms C program', async () => {
    const src = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\nint main(void){int v;if(scanf("%d",&v)!=1)return 2;size_t n=40u<<20;char*p=malloc(n);memset(p,v,n);volatile unsigned long s=0;for(unsigned long i=0;i<100000000UL;i++)s+=i;printf("%d\\n",p[n/2+v]);return 0;}\n';
    const r = await (await testJudge()).run(job('c', src, { tests: [{ id: 'm', input: '1\n', expectedOutput: '1\n', weight: 1 }] }));
    const t = r.tests[0]!;
    assert.equal(t.verdict, 'AC');
    assert.ok(t.memoryKb > 40_000 && t.memoryKb < 50_000, `memory ${t.memoryKb}`);
    assert.ok(t.cpuMs > 30 && t.cpuMs <= t.wallMs + 5, `cpu ${t.cpuMs} wall ${t.wallMs}`);
  });
});

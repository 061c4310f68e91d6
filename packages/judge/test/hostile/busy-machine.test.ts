// Judging runs at a low CPU priority (nice 10 and the judge's cpu cgroup share), so on a busy machine a program
// waits for a CPU longer than it runs. Verdicts must not change: the CPU limit stays a CPU limit, and the wall
// limit discounts the time spent waiting for a CPU (supervisor.c, run_delay). With every core kept busy by
// normal-priority loops, a program that needs ~0.3 s of CPU is still AC although it takes more than its 1 s
// wall limit in real time, an endless loop is still TLE and a sleeping program is still TLE (by wall time).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { job, testJudge } from '../helpers.js';

const BURN_C = `#include <stdio.h>
#include <time.h>
int main(void){long a,b;if(scanf("%ld %ld",&a,&b)!=2)return 1;
clock_t end=clock()+CLOCKS_PER_SEC*3/10;volatile unsigned long x=0;while(clock()<end)x++;
printf("%ld\\n",a+b);return 0;}`;

describe('a busy machine does not change verdicts', () => {
  const loops: ChildProcess[] = [];
  before(() => {
    // Four busy loops per core at normal priority: the judge's share of a core drops to a few percent.
    for (let i = 0; i < 4 * cpus().length; i++) loops.push(spawn('/bin/sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
  });
  after(() => {
    for (const loop of loops) loop.kill('SIGKILL');
  });

  it('AC stays AC past its wall limit in real time; an endless loop and a sleep stay TLE', { timeout: 120_000 }, async () => {
    const judge = await testJudge();
    const limits = { timeLimitMs: 1000, wallLimitMs: 1000, memoryLimitKb: 65_536, outputLimitBytes: 65_536 };
    const tests = [{ id: 't', input: '1 2\n', expectedOutput: '3\n', weight: 1 }];
    const [ac, loop, sleep] = await Promise.all([
      judge.run(job('c', BURN_C, { limits, tests })),
      judge.run(job('c', 'int main(void){for(;;){}}', { limits: { ...limits, timeLimitMs: 200 }, tests })),
      judge.run(job('c', '#include <unistd.h>\nint main(void){sleep(100);return 0;}', { limits, tests })),
    ]);
    const t = ac.tests[0]!;
    assert.equal(ac.verdict, 'AC', JSON.stringify(ac.tests));
    assert.ok(t.cpuMs >= 250, `it burnt its CPU (${t.cpuMs} ms)`);
    assert.ok(t.wallMs > 1000, `it waited for a CPU past its wall limit (${t.wallMs} ms), and is still AC`);
    assert.equal(loop.verdict, 'TLE', JSON.stringify(loop.tests));
    assert.equal(sleep.verdict, 'TLE', JSON.stringify(sleep.tests));
    assert.match(sleep.tests[0]!.message ?? '', /[Ww]all/);
  });
});

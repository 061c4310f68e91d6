// The program cannot reach its supervisor (issue 15, item 8): it runs under the supervisor's uid, so before the
// program's own seccomp filter `kill(getppid(), SIGKILL)` ended the supervisor and the right answer was judged RE on
// every test. Now every way of signalling, limiting or re-scheduling the supervisor, bwrap's init or "everyone"
// fails with EPERM, the answer is judged AC, and the program can still signal its own children. Inside the box,
// /proc/1/cmdline (bwrap) shows no host path, cgroup path or pid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { job, testJudge } from '../helpers.js';
import { TEST_WORK_ROOT } from '../helpers.js';

const custom = (input = '') => ({ tests: [{ id: 'custom', input, expectedOutput: null, weight: 1 }] });

describe('the supervisor is out of the program\'s reach', () => {
  it('kill(getppid(), SIGKILL) then the right answer is AC on every test', async () => {
    const src = `#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void){long a,b;kill(getppid(),SIGKILL);kill(getppid(),SIGSTOP);usleep(20000);if(scanf("%ld %ld",&a,&b)!=2)return 1;printf("%ld\\n",a+b);return 0;}`;
    const r = await (await testJudge()).run(job('c', src));
    assert.equal(r.verdict, 'AC', JSON.stringify(r.tests));
    assert.deepEqual(r.tests.map((t) => t.verdict), ['AC', 'AC']);
  });

  it('every route to the supervisor fails with EPERM; the program\'s own child is still its to kill', async () => {
    const src = `#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
static int e(long r){return r<0?errno:0;}
int main(void){pid_t p=getppid();struct rlimit zero={0,0};cpu_set_t set;CPU_ZERO(&set);CPU_SET(0,&set);
printf("kill=%d kill1=%d killall=%d killpg=%d tkill=%d tgkill=%d sigqueue=%d prlimit=%d affinity=%d prio=%d pidfd=%d\\n",
 e(kill(p,SIGKILL)),e(kill(1,SIGKILL)),e(kill(-1,SIGKILL)),e(kill(-p,SIGKILL)),e(syscall(SYS_tkill,p,SIGKILL)),
 e(syscall(SYS_tgkill,p,p,SIGKILL)),e(syscall(SYS_rt_sigqueueinfo,p,SIGKILL,0)),e(prlimit(p,RLIMIT_CPU,&zero,0)),
 e(sched_setaffinity(p,sizeof set,&set)),e(setpriority(PRIO_PROCESS,p,19)),e(syscall(SYS_pidfd_open,p,0)));
/* A raw syscall with garbage in the upper half of the pid register: the kernel reads an int, so must the filter. */
printf("wide=%d\\n",e(syscall(SYS_kill,(long)p|(1L<<40),SIGKILL)));
pid_t c=fork();if(c==0){pause();_exit(0);}int st=0;int k=kill(c,SIGKILL);waitpid(c,&st,0);
printf("child=%d signaled=%d\\n",k,WIFSIGNALED(st)&&WTERMSIG(st)==SIGKILL);
printf("self=%d\\n",e(kill(getpid(),0)));return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.tests[0]?.verdict, 'AC', JSON.stringify(r.tests));
    const lines = (r.tests[0]?.output ?? '').split('\n');
    const eperm = 1;
    for (const pair of lines[0]!.split(' ')) assert.equal(pair.split('=')[1], String(eperm), `${pair} (all: ${lines[0]})`);
    assert.equal(lines[1], `wide=${eperm}`);
    assert.equal(lines[2], 'child=0 signaled=1');
    assert.equal(lines[3], 'self=0');
  });

  it('SIGKILL from a Python program to its parent is refused too', async () => {
    const src = 'import os, signal\ntry:\n    os.kill(os.getppid(), signal.SIGKILL)\n    print("sent")\nexcept PermissionError:\n    print("refused")\n';
    const r = await (await testJudge()).run(job('python', src, custom()));
    assert.equal(r.tests[0]?.output, 'refused\n', JSON.stringify(r.tests));
  });

  it('/proc/1/cmdline inside the box shows no host path, cgroup path or pid', async () => {
    const src = `#include <stdio.h>
int main(void){const char*f[]={"/proc/1/cmdline","/proc/2/cmdline"};for(int i=0;i<2;i++){FILE*p=fopen(f[i],"r");int c;if(!p){printf("none");}else{while((c=fgetc(p))!=EOF)putchar(c?c:' ');fclose(p);}putchar('\\n');}return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    const out = r.tests[0]?.output ?? '';
    assert.match(out.split('\n')[0]!, /^\S*bwrap --args 5 -- \/judge\/supervisor inner /, out);
    assert.ok(!out.includes(TEST_WORK_ROOT), `the work root shows: ${out}`);
    assert.ok(!/cgroup|\/sys\/fs|logicode/.test(out), `a host path shows: ${out}`);
    assert.ok(!out.includes(String(process.pid)), `the worker's pid shows: ${out}`);
  });
});

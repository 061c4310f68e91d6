// Hostile C programs: each must get the right verdict and leave the host untouched.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { job, testJudge } from '../helpers.js';
import { listener, outsideFilesOnHost, processesWith, SECRETS } from './host-checks.js';

Object.assign(process.env, SECRETS); // set in the parent: must not be visible inside

const custom = (input = '') => ({ tests: [{ id: 'custom', input, expectedOutput: null, weight: 1 }] });

describe('hostile C programs', () => {
  let net: Awaited<ReturnType<typeof listener>>;
  before(async () => {
    net = await listener();
  });
  after(async () => {
    await net.close();
  });

  it('fork bomb: capped by the pids cgroup, every child gone afterwards', async () => {
    const src = `#include <stdio.h>
#include <unistd.h>
int main(void){int n=0;for(int i=0;i<2000;i++){int p=fork();if(p<0)break;if(p==0){execl("/bin/sleep","sleep","987.501",(char*)0);_exit(0);}n++;}
printf("%d\\n",n);return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.verdict, 'AC', r.compileOutput ?? JSON.stringify(r.tests));
    assert.ok(Number(r.tests[0]?.output) < 100, `forks: ${r.tests[0]?.output}`);
    assert.deepEqual(processesWith('987.501'), []);
  });

  it('classic fork bomb ends as TLE or MLE (whichever limit it reaches first), never by killing the sandbox', async () => {
    // Capped at the pids limit, the copies spin until the time limit, unless their kernel memory fills the
    // sandbox's memory cgroup first; then its OOM killer takes the program (oom_score_adj 1000), not bwrap's init
    // or the supervisor, whose loss used to end as "killed its sandbox supervisor" (RE).
    const r = await (await testJudge()).run(job('c', '#include <unistd.h>\nint main(void){for(;;)fork();}\n', custom()));
    assert.ok(r.verdict === 'TLE' || r.verdict === 'MLE', JSON.stringify(r.tests));
    assert.ok(!/supervisor/.test(r.tests[0]?.message ?? ''), JSON.stringify(r.tests));
  });

  it("the program is its sandbox's first choice for the OOM killer (never bwrap's init or the supervisor)", async () => {
    const src = '#include <stdio.h>\nint main(void){FILE*f=fopen("/proc/self/oom_score_adj","r");int v=-1;if(f&&fscanf(f,"%d",&v)!=1)v=-2;printf("%d\\n",v);return 0;}\n';
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.verdict, 'AC', r.compileOutput ?? JSON.stringify(r.tests));
    assert.equal(r.tests[0]?.output.trim(), '1000');
  });

  it('memory bomb (grow until killed) is MLE', async () => {
    const src = '#include <stdlib.h>\n#include <string.h>\nint main(void){for(;;){char*p=malloc(1<<20);if(!p)return 3;memset(p,1,1<<20);}}\n';
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.verdict, 'MLE', JSON.stringify(r.tests));
  });

  it('unbounded recursion ends as RE (SIGSEGV at the explicit stack limit), not a hang', async () => {
    const src = '#include <stdio.h>\nint f(int n){volatile char pad[512];pad[0]=(char)n;return f(n+1)+pad[0];}\nint main(void){printf("%d\\n",f(0));return 0;}\n';
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.verdict, 'RE', JSON.stringify(r.tests));
    assert.equal(r.tests[0]?.signal, 'SIGSEGV');
  });

  it('sleeping forever is TLE by wall time', async () => {
    const r = await (await testJudge()).run(job('c', '#include <unistd.h>\nint main(void){pause();}\n', custom()));
    assert.equal(r.verdict, 'TLE');
    assert.match(r.tests[0]?.message ?? '', /[Ww]all/);
  });

  it('flooding a file is OLE (SIGXFSZ), and the file dies with the sandbox', async () => {
    const src = '#include <stdio.h>\nint main(void){FILE*f=fopen("big.txt","w");char b[65536]={1};for(;;)fwrite(b,1,sizeof b,f);}\n';
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.verdict, 'OLE', JSON.stringify(r.tests));
    assert.equal(r.tests[0]?.signal, 'SIGXFSZ');
  });

  it('writing outside the work dir fails; /tmp inside is not the host /tmp', async () => {
    const src = `#include <stdio.h>
int main(void){const char*p[]={"/etc/logicode-pwned","/usr/logicode-pwned","/logicode-pwned","/prog/pwned","/judge/pwned","/proc/pwned"};int blocked=0;
for(int i=0;i<6;i++){FILE*f=fopen(p[i],"w");if(!f)blocked++;else fclose(f);}
FILE*t=fopen("/tmp/logicode-pwned-host","w");printf("blocked %d tmp %s\\n",blocked,t?"inside":"no");return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.tests[0]?.output, 'blocked 6 tmp inside\n');
    assert.deepEqual(outsideFilesOnHost(), []);
  });

  it('cannot read /etc/shadow or see the parent environment', async () => {
    const src = `#include <stdio.h>
extern char**environ;
int main(void){FILE*f=fopen("/etc/shadow","r");printf("shadow %s\\n",f?"READ":"no");for(char**e=environ;*e;e++)printf("%s\\n",*e);return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    const out = r.tests[0]?.output ?? '';
    assert.match(out, /^shadow no\n/);
    assert.doesNotMatch(out, /secret|DATABASE_URL|TOKEN/);
    assert.deepEqual(out.split('\n').slice(1).filter(Boolean).map((l) => l.split('=')[0]).sort(), ['HOME', 'LANG', 'PATH', 'PWD']);
  });

  it('cannot reach a listener on the host 127.0.0.1', async () => {
    const src = `#include <stdio.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void){int s=socket(AF_INET,SOCK_STREAM,0);struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(${net.port});
a.sin_addr.s_addr=htonl(0x7f000001);printf("%s\\n",connect(s,(struct sockaddr*)&a,sizeof a)==0?"connected":"refused");return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.tests[0]?.output, 'refused\n');
    assert.equal(net.connections(), 0);
  });

  it('a background child left running after exit is gone', async () => {
    const src = `#include <stdio.h>
#include <unistd.h>
int main(void){if(fork()==0){setsid();execl("/bin/sleep","sleep","987.601",(char*)0);}printf("bye\\n");return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.verdict, 'AC');
    assert.deepEqual(processesWith('987.601'), []);
  });

  it('ptrace, unshare and the supervisor\'s result channel are out of reach', async () => {
    const src = `#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <sys/ptrace.h>
int main(void){int pt=(int)ptrace(PTRACE_TRACEME,0,0,0);int un=unshare(CLONE_NEWUSER);int open_ok=0;char p[64];
for(int pid=1;pid<=3;pid++)for(int fd=3;fd<=5;fd++){snprintf(p,sizeof p,"/proc/%d/fd/%d",pid,fd);int f=open(p,O_WRONLY);if(f>=0)open_ok++;}
printf("%d %d %d\\n",pt,un,open_ok);return 0;}`;
    const r = await (await testJudge()).run(job('c', src, custom()));
    assert.equal(r.tests[0]?.output, '-1 -1 0\n', JSON.stringify(r.tests));
  });

  it('a program that crashes its sandbox fails that test only; the next test runs in a new sandbox', async () => {
    // The supervisor itself is out of the program's reach (supervisor-signals.test.ts); closing the sandbox's
    // result channel is not: reading past the end of stdin then asking for an absurd allocation stands in for a
    // program that ends abnormally, and each test still gets its own verdict.
    const src = `#include <signal.h>
#include <stdio.h>
int main(void){long a,b;if(scanf("%ld %ld",&a,&b)!=2){raise(SIGSEGV);}printf("%ld\\n",a+b);return 0;}`;
    const r = await (await testJudge()).run(
      job('c', src, { tests: [{ id: 'k', input: 'kill\n', expectedOutput: '0\n', weight: 1 }, { id: 'ok', input: '2 3\n', expectedOutput: '5\n', weight: 1 }] }),
    );
    assert.deepEqual(r.tests.map((t) => t.verdict), ['RE', 'AC'], JSON.stringify(r.tests));
    assert.equal(r.score, 0.5);
  });

  it('huge compile output is CE with the message capped', async () => {
    const src = Array.from({ length: 4000 }, (_, i) => `int f${i}(void) { return undefined_${i}; }`).join('\n');
    const r = await (await testJudge()).run(job('c', src));
    assert.equal(r.verdict, 'CE');
    assert.ok((r.compileOutput ?? '').length <= 64 * 1024 + 200, `compile output ${r.compileOutput?.length}`);
    assert.match(r.compileOutput ?? '', /undefined_0/);
    assert.match(r.compileOutput ?? '', /truncated at 65536 bytes/);
  });
});

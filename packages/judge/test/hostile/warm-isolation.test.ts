// Python tests fork from a warm interpreter kept in the submission's sandbox (docs/judge.md, "Warm interpreters").
// A test must not see what an earlier one left (globals, builtins, imported modules, files in /box and /tmp), nor
// be able to reach the warm interpreter to leave something there (signals, /proc/<pid>/mem, prlimit); and what
// the student sees (verdict, exit code, stdout, stderr) is what a fresh `python3 main.py` gives.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { JudgeResult } from '@logicode/contracts';
import { createJudge } from '../../src/index.js';
import type { Judge } from '../../src/index.js';
import { job, testJudge, TEST_WORK_ROOT } from '../helpers.js';

const three = (input = '') => ({
  tests: ['a', 'b', 'c'].map((id) => ({ id, input, expectedOutput: null, weight: 1 })),
});

describe('warm Python: one test cannot see or reach another', () => {
  let cold: Judge | null = null;
  after(async () => {
    await cold?.close();
  });

  it('each test starts clean: no earlier global, builtin, module or file; the warm interpreter is out of reach', async () => {
    const src = `import builtins, os, signal, sys
seen = []
if hasattr(builtins, 'LEFT'): seen.append('builtin')
if 'left_module' in sys.modules: seen.append('module')
for p in ('/box/left.txt', '/tmp/left.txt', '/tmp/left_module.py'):
    if os.path.exists(p): seen.append(p)
if 'marker' in globals(): seen.append('global')
warm = '_ctypes' in sys.modules  # the warm interpreter loaded it; a fresh python3 -S has not
# Leave everything behind for the next test.
builtins.LEFT = 1
marker = 1
open('/box/left.txt', 'w').write('x')
open('/tmp/left_module.py', 'w').write('X = 1\\n')
sys.path.insert(0, '/tmp'); import left_module
open('/tmp/left.txt', 'w').write('x')
# Try to reach every other process of the sandbox (the warm interpreter among them).
me = os.getpid()
reached = []
for name in os.listdir('/proc'):
    # pid 1 is bwrap's init: its /proc/1/mem is open to the program with or without a warm interpreter (see
    # docs/judge.md, known limits); the supervisor (2) and the warm interpreter are what this test is about.
    if not name.isdigit() or int(name) in (me, 1): continue
    pid = int(name)
    for how, act in (('kill', lambda: os.kill(pid, signal.SIGSTOP)), ('killpg', lambda: os.kill(-pid, signal.SIGSTOP)),
                     ('mem', lambda: open('/proc/%d/mem' % pid, 'r+b').close()),
                     ('prlimit', lambda: __import__('resource').prlimit(pid, __import__('resource').RLIMIT_CPU, (0, 0)))):
        try:
            act(); reached.append('%s %d' % (how, pid))
        except (PermissionError, ProcessLookupError, FileNotFoundError):
            pass
print('warm' if warm else 'cold', 'seen', seen, 'reached', reached)
`;
    const r = await (await testJudge()).run(job('python', src, three()));
    assert.deepEqual(r.tests.map((t) => [t.verdict, t.output.trim()]), [
      ['AC', 'warm seen [] reached []'],
      ['AC', 'warm seen [] reached []'],
      ['AC', 'warm seen [] reached []'],
    ], JSON.stringify(r.tests.map((t) => t.stderr)));
  });

  it('verdicts, exit codes, stdout and stderr are those of a fresh interpreter', { timeout: 120_000 }, async () => {
    const fresh = await createJudge({ workRoot: TEST_WORK_ROOT, log: () => {}, warmInterpreters: false });
    cold = fresh;
    const programs = [
      'a, b = map(int, input().split())\nprint(a + b)\n',
      'x = 1\ndef f():\n    raise ValueError("boom")\nf()\n',
      'import sys\nprint(5)\nsys.exit(3)\n',
      'import sys\nsys.exit("bye")\n',
      'import atexit, threading\natexit.register(lambda: print("atexit"))\ngo = threading.Event()\n' +
        'threading.Thread(target=lambda: (go.wait(), print("thread"))).start()\nprint("main")\ngo.set()\n',
      'import sys\nsys.setrecursionlimit(10**6)\ndef f(n): return f(n + 1)\nf(0)\n', // C stack overflow: SIGSEGV
      'def f(n): return f(n + 1)\nf(0)\n', // RecursionError at the default limit
      'while True: pass\n',
      'x = bytearray(200 * 1024 * 1024)\n',
      'while True: print("x" * 1000)\n', // killed at the output limit (a finite flood may end first: a race)
      'print(__name__, __file__, __doc__, __package__, __spec__)\nimport sys; print(sys.argv, sys.path[0], sys.flags.no_site)\n',
    ];
    const warmJudge = await testJudge();
    const shape = (r: JudgeResult) =>
      r.tests.map((t) => [t.verdict, t.exitCode, t.signal, t.output.length > 200 ? t.output.length : t.output, t.stderr.replace(/\d+ more times/, 'N more times')]);
    for (const src of programs) {
      const o = { tests: [{ id: 't', input: '1 2\n', expectedOutput: null, weight: 1 }] };
      const [w, c] = await Promise.all([warmJudge.run(job('python', src, o)), fresh.run(job('python', src, o))]);
      assert.deepEqual(shape(w), shape(c), src);
    }
  });
});

// The sandbox session directly: what a program sees inside, and the development (unsandboxed) path.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspectHost } from '../src/sandbox/host.js';
import type { SandboxHost } from '../src/sandbox/host.js';
import { SandboxSession } from '../src/sandbox/session.js';
import type { SessionOptions } from '../src/sandbox/session.js';
import { TEST_WORK_ROOT } from './helpers.js';

const limits = { cpuMs: 2000, wallMs: 5000, fileSizeBytes: 1 << 20, outputBytes: 1 << 20, stderrBytes: 65536, stackKb: 0, addressSpaceKb: 0, processes: 0, openFiles: 64 };
const script = [
  'grep -E "^(Uid|CapEff|CapBnd|NoNewPrivs|Seccomp):" /proc/self/status',
  'echo "pid=$$ host=$(cat /proc/sys/kernel/hostname)"',
  'echo interfaces:; cat /proc/net/dev | tail -n +3 | cut -d: -f1',
].join('; ');

describe('sandbox session', () => {
  let host: SandboxHost;
  let n = 0;
  const opts = (over: Partial<SessionOptions>): SessionOptions => ({
    host,
    name: `${process.pid}-sbtest-${++n}`,
    argv: ['/bin/sh', '-c', script],
    progDir: null,
    boxDir: null,
    scratchDir: join(TEST_WORK_ROOT, `scratch-sbtest-${n}`),
    memoryLimitKb: 65536,
    processes: 16,
    boxSizeBytes: 1 << 20,
    tmpSizeBytes: 1 << 20,
    env: { PATH: '/usr/bin:/bin' },
    ...over,
  });
  before(async () => {
    const inspected = await inspectHost(TEST_WORK_ROOT);
    assert.equal(inspected.problem, null);
    host = { ...inspected.host, sandboxed: true };
  });

  it('runs the program as an unprivileged uid with no capabilities, no new privileges, seccomp, own pid and net namespaces', async () => {
    const s = SandboxSession.start(opts({}));
    const o = await s.run({ limits, stdin: '', fresh: true });
    await s.close();
    const out = o.stdout.toString();
    assert.equal(o.exitCode, 0, o.stderr.toString());
    assert.match(out, new RegExp(`^Uid:\\s+${host.uid}\\s`, 'm'));
    assert.match(out, /^CapEff:\s+0000000000000000$/m);
    assert.match(out, /^NoNewPrivs:\s+1$/m);
    assert.match(out, /^Seccomp:\s+2$/m);
    assert.match(out, /^pid=\d /m);
    assert.ok(Number(/pid=(\d+)/.exec(out)?.[1]) < 10, 'a fresh pid namespace');
    assert.deepEqual(out.split('interfaces:\n')[1]?.trim().split('\n').map((l) => l.trim()), ['lo'], 'only loopback');
  });

  it('development mode runs the same supervisor without namespaces', async () => {
    mkdirSync(join(TEST_WORK_ROOT, 'scratch-dev'), { recursive: true });
    const s = SandboxSession.start(opts({ host: { ...host, sandboxed: false }, argv: ['/bin/sh', '-c', 'cat; echo " $HOME"'], env: { PATH: '/usr/bin:/bin', HOME: 'dev-home' } }));
    const o = await s.run({ limits, stdin: 'in', fresh: true });
    await s.close();
    assert.equal(o.stdout.toString(), 'in dev-home\n');
    assert.equal(o.status, 'ok');
  });

  it('a session whose sandbox cannot start reports a sandbox fault (IE), not a program error', async () => {
    const s = SandboxSession.start(opts({ progDir: '/nonexistent/build' }));
    const o = await s.run({ limits, stdin: '', fresh: true });
    await s.close();
    assert.equal(o.status, 'crashed');
    assert.equal(o.sandboxFault, true);
    assert.match(o.detail ?? '', /nonexistent/);
  });
});

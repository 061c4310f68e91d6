import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bwrapArgs, outerArgs } from '../../src/sandbox/bwrap-args.js';
import { encodeRunRequest, SupervisorStreamParser, parseResultLine } from '../../src/sandbox/protocol.js';

const base = {
  bwrapPath: '/usr/bin/bwrap',
  supervisorPath: '/w/bin/supervisor-x',
  progDir: '/w/jobs/j/build',
  boxDir: null,
  boxSizeBytes: 1000,
  tmpSizeBytes: 2000,
  cgroupDir: '/sys/fs/cgroup/memory/logicode-judge/a',
  oomFileName: 'memory.oom_control',
  seccompFd: 4,
  env: { PATH: '/usr/bin:/bin' },
  etcBinds: ['/etc/ld.so.cache'],
  argv: ['/prog/main'],
};

describe('bwrapArgs', () => {
  const a = bwrapArgs(base);
  const joined = a.join(' ');
  it('isolates every namespace, forbids nested user namespaces, dies with its parent', () => {
    for (const flag of ['--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--clearenv']) {
      assert.ok(a.includes(flag), flag);
    }
    assert.ok(!a.includes('--share-net'));
  });
  it('mounts the system read-only, the program read-only, /box and /tmp as sized tmpfs', () => {
    assert.match(joined, /--ro-bind \/usr \/usr/);
    assert.match(joined, /--ro-bind \/w\/jobs\/j\/build \/prog/);
    assert.match(joined, /--size 1000 --tmpfs \/box/);
    assert.match(joined, /--size 2000 --tmpfs \/tmp/);
    assert.match(joined, /--ro-bind \/etc\/ld.so.cache \/etc\/ld.so.cache/);
    assert.ok(!/--bind \/ /.test(joined) && !/--ro-bind \/etc \/etc/.test(joined), 'no whole-/ or whole-/etc bind');
  });
  it('puts --remount-ro / after every mount and runs the supervisor with the oom file', () => {
    const remount = a.indexOf('--remount-ro');
    const lastMount = Math.max(...a.map((x, i) => (/^--(ro-bind|bind|tmpfs|symlink|proc|dev)$/.test(x) ? i : -1)));
    assert.ok(remount > lastMount);
    assert.deepEqual(a.slice(a.indexOf('--seccomp'), a.indexOf('--seccomp') + 2), ['--seccomp', '4']);
    assert.match(joined, /\/judge\/supervisor inner --box \/box --pidns --clean \/box --clean \/tmp --oom-file \/judge\/cg\/memory.oom_control -- \/prog\/main$/);
  });
  it('a compile binds the build dir read-write at /box and never wipes it', () => {
    const c = bwrapArgs({ ...base, boxDir: '/w/jobs/j/build', progDir: null }).join(' ');
    assert.match(c, /--bind \/w\/jobs\/j\/build \/box/);
    assert.doesNotMatch(c, /--clean \/box/);
  });
  it('outerArgs joins cgroups, then drops to the sandbox uid', () => {
    assert.deepEqual(outerArgs({ supervisorPath: '/s', procsFiles: ['/cg/a/cgroup.procs'], uid: 999, gid: 995 }, ['/usr/bin/bwrap', 'x']), [
      '/s', 'outer', '--cg', '/cg/a/cgroup.procs', '--uid', '999', '--gid', '995', '--', '/usr/bin/bwrap', 'x',
    ]);
  });
  it('outerArgs lowers the CPU priority of everything in the sandbox', () => {
    assert.deepEqual(outerArgs({ supervisorPath: '/s', procsFiles: [], uid: null, gid: null, nice: 10 }, ['/b']), ['/s', 'outer', '--nice', '10', '--', '/b']);
  });
});

describe('supervisor protocol', () => {
  const limits = { cpuMs: 1000, wallMs: 3000, fileSizeBytes: 10, outputBytes: 20, stderrBytes: 30, stackKb: 40, addressSpaceKb: 0, processes: 0, openFiles: 64 };
  it('encodes a request: header, argv, files, stdin', () => {
    const buf = encodeRunRequest({ limits, stdin: 'in', fresh: true, argv: ['/a', 'b'], files: [{ name: 'x.txt', data: 'yz' }] });
    assert.equal(buf.toString(), 'RUN 1000 3000 10 20 30 40 0 0 64 1 1 2 2 0\n2\n/a1\nb5 2\nx.txtyzin');
    assert.match(encodeRunRequest({ limits, stdin: '', fresh: true, mode: 'zygote' }).toString(), / 0 0 2\n$/);
  });
  it('refuses file names that could leave the work dir', () => {
    assert.throws(() => encodeRunRequest({ limits, stdin: '', fresh: true, files: [{ name: '../x', data: '' }] }));
    assert.throws(() => encodeRunRequest({ limits, stdin: '', fresh: true, files: [{ name: '.hidden', data: '' }] }));
  });
  it('parses a stream split at any byte', () => {
    const stream = Buffer.from('READY\nO 3\na\nbE 2\nxyR ok 0 0 1500 2500 1234 0 3 2\nR cpu -1 9 2000000 2100000 500 1 0 0\n');
    for (let cut = 0; cut <= stream.length; cut++) {
      const p = new SupervisorStreamParser();
      const events = [...p.feed(stream.subarray(0, cut)), ...p.feed(stream.subarray(cut))];
      assert.deepEqual(events.map((e) => e.kind), ['ready', 'stdout', 'stderr', 'result', 'result']);
      assert.equal((events[1] as { data: Buffer }).data.toString(), 'a\nb');
    }
  });
  it('parses result lines and rejects garbage', () => {
    assert.deepEqual(parseResultLine('R cpu -1 9 2000000 2100000 500 1 70000 12'), {
      status: 'cpu', exitCode: null, signal: 9, cpuUs: 2_000_000, wallUs: 2_100_000, maxRssKb: 500, oomKills: 1, stdoutTotal: 70_000, stderrTotal: 12,
    });
    assert.throws(() => parseResultLine('R ok 0 0 x 1 1 0 0 0'));
    assert.throws(() => parseResultLine('R pwned 0 0 1 1 1 0 0 0'));
    assert.throws(() => parseResultLine('R ok 0 0 1 1 1 0'));
  });
});

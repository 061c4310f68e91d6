// The bubblewrap command line: pure, so the unit tests pin every flag. The set follows
// sandbox-lab.md §7: own namespaces for everything, no userns inside, ro /usr and a minimal /etc,
// size-capped tmpfs for /box and /tmp, an empty environment, seccomp, and `--remount-ro /` last
// (without it the root tmpfs stays writable inside the sandbox).

export const SANDBOX_PATHS = {
  supervisor: '/judge/supervisor',
  cgroup: '/judge/cg',
  cache: '/judge/cache',
  prog: '/prog',
  box: '/box',
  tmp: '/tmp',
} as const;

/** Host files outside /usr that the toolchains need (symlinks via /etc/alternatives, the JDK's conf). */
export const ETC_BINDS = ['/etc/ld.so.cache', '/etc/alternatives', '/etc/java-17-openjdk', '/etc/localtime'];

export interface BwrapOptions {
  bwrapPath: string;
  supervisorPath: string;
  /** A host dir bound read-only at /prog (the compiled program or the script). */
  progDir: string | null;
  /** A host dir bound read-write at /box (compilation); otherwise /box is a fresh tmpfs. */
  boxDir: string | null;
  boxSizeBytes: number;
  tmpSizeBytes: number;
  /** The language's toolchain cache (compilation only), bound read-only at /judge/cache. */
  cacheDir?: string | null;
  /** The memory cgroup dir, bound read-only so the supervisor can read the OOM-kill counter. */
  cgroupDir: string | null;
  oomFileName: string | null;
  seccompFd: number | null;
  env: Record<string, string>;
  /** Which of ETC_BINDS exist on this host. */
  etcBinds: string[];
  argv: string[];
}

/** Where bwrap's options end and the command begins (taken out by argsViaFd). */
const COMMAND_MARK = '--';

export function bwrapArgs(o: BwrapOptions): string[] {
  const a: string[] = [o.bwrapPath];
  a.push('--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session');
  a.push('--ro-bind', '/usr', '/usr');
  for (const dir of ['lib', 'lib64', 'bin', 'sbin']) a.push('--symlink', `usr/${dir}`, `/${dir}`);
  for (const path of o.etcBinds) a.push('--ro-bind', path, path);
  a.push('--proc', '/proc', '--dev', '/dev');
  a.push('--size', String(o.tmpSizeBytes), '--tmpfs', SANDBOX_PATHS.tmp);
  if (o.boxDir) a.push('--bind', o.boxDir, SANDBOX_PATHS.box);
  else a.push('--size', String(o.boxSizeBytes), '--tmpfs', SANDBOX_PATHS.box);
  if (o.progDir) a.push('--ro-bind', o.progDir, SANDBOX_PATHS.prog);
  a.push('--ro-bind', o.supervisorPath, SANDBOX_PATHS.supervisor);
  if (o.cgroupDir) a.push('--ro-bind', o.cgroupDir, SANDBOX_PATHS.cgroup);
  if (o.cacheDir) a.push('--ro-bind', o.cacheDir, SANDBOX_PATHS.cache);
  a.push('--clearenv');
  for (const [key, value] of Object.entries(o.env)) a.push('--setenv', key, value);
  a.push('--chdir', SANDBOX_PATHS.box);
  if (o.seccompFd !== null) a.push('--seccomp', String(o.seccompFd));
  a.push('--remount-ro', '/');
  a.push(COMMAND_MARK, SANDBOX_PATHS.supervisor, 'inner', '--box', SANDBOX_PATHS.box, '--pidns');
  // A compile's /box is the host build dir: never wipe it.
  if (!o.boxDir) a.push('--clean', SANDBOX_PATHS.box);
  a.push('--clean', SANDBOX_PATHS.tmp);
  if (o.cgroupDir && o.oomFileName) a.push('--oom-file', `${SANDBOX_PATHS.cgroup}/${o.oomFileName}`);
  a.push('--', ...o.argv);
  return a;
}

/**
 * bwrap's options go through a file descriptor (`--args FD`, NUL-separated), its command stays on the command line:
 * bwrap is the sandbox's pid 1, and anyone inside may read /proc/1/cmdline, which would otherwise show the host's
 * work directory, the job's cgroup path and the worker's pid (issue 15). Inside, it reads `bwrap --args 5 <cmd>`.
 */
export function argsViaFd(args: string[], fd: number): { argv: string[]; data: Buffer } {
  const mark = args.indexOf(COMMAND_MARK);
  if (mark < 1) throw new Error('argsViaFd: no command in the bwrap arguments');
  const options = args.slice(1, mark);
  return { argv: [args[0] as string, '--args', String(fd), ...args.slice(mark)], data: Buffer.from(options.map((a) => `${a}\0`).join('')) };
}

/** The outer supervisor: join the cgroups, drop to the sandbox uid, then exec bwrap. */
export function outerArgs(
  o: { supervisorPath: string; procsFiles: string[]; uid: number | null; gid: number | null; nice?: number },
  command: string[],
): string[] {
  const a = [o.supervisorPath, 'outer'];
  for (const file of o.procsFiles) a.push('--cg', file);
  if (o.nice) a.push('--nice', String(o.nice));
  if (o.uid !== null && o.gid !== null) a.push('--uid', String(o.uid), '--gid', String(o.gid));
  a.push('--', ...command);
  return a;
}

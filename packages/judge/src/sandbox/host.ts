// What this machine offers the judge: bubblewrap, the sandbox user, cgroups, the supervisor binary
// (compiled from supervisor.c at first use into a cache dir) and the seccomp filter it prints.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ETC_BINDS } from './bwrap-args.js';
import { detectCgroups } from './cgroups.js';
import type { CgroupSupport } from './cgroups.js';

const exec = promisify(execFile);

export const SANDBOX_USER = 'logicode-sandbox';
const BWRAP_PATHS = ['/usr/bin/bwrap', '/bin/bwrap', '/usr/local/bin/bwrap'];

export interface SandboxHost {
  /** false only in the explicit development mode (allowUnsandboxed): programs then run bare. */
  sandboxed: boolean;
  bwrapPath: string | null;
  /** The uid/gid bwrap is started as; null when the judge itself is not root (it is already unprivileged). */
  uid: number | null;
  gid: number | null;
  supervisorPath: string;
  seccompPath: string | null;
  cgroups: CgroupSupport;
  etcBinds: string[];
  workRoot: string;
}

export function findBwrap(): string | null {
  return BWRAP_PATHS.find((p) => existsSync(p)) ?? null;
}

export function lookupUser(name: string, passwd = '/etc/passwd'): { uid: number; gid: number } | null {
  if (!existsSync(passwd)) return null;
  for (const line of readFileSync(passwd, 'utf8').split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 4) return { uid: Number(f[2]), gid: Number(f[3]) };
  }
  return null;
}

/** Builds the supervisor once per source version; static so it needs nothing inside the sandbox. */
export async function buildSupervisor(binDir: string): Promise<string> {
  const source = new URL('./supervisor.c', import.meta.url).pathname;
  const header = new URL('./seccomp-filter.h', import.meta.url).pathname;
  const hash = createHash('sha256').update(readFileSync(source)).update(readFileSync(header)).digest('hex').slice(0, 12);
  const target = join(binDir, `supervisor-${hash}`);
  if (existsSync(target)) return target;
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await exec('/usr/bin/gcc', ['-O2', '-static', '-o', tmp, source], { timeout: 60_000 });
  } catch {
    await exec('/usr/bin/gcc', ['-O2', '-o', tmp, source], { timeout: 60_000 });
  }
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  return target;
}

async function buildSeccomp(supervisorPath: string, binDir: string): Promise<string | null> {
  if (arch() !== 'x64') return null; // the filter checks AUDIT_ARCH_X86_64
  const target = `${supervisorPath.replace(/.*supervisor-/, join(binDir, 'seccomp-'))}.bpf`;
  if (existsSync(target)) return target;
  const { stdout } = await exec(supervisorPath, ['seccomp'], { encoding: 'buffer' });
  writeFileSync(`${target}.tmp`, stdout, { mode: 0o644 });
  renameSync(`${target}.tmp`, target);
  return target;
}

export interface HostProblem {
  host: Omit<SandboxHost, 'sandboxed'>;
  /** Why the sandbox cannot be used, or null. */
  problem: string | null;
}

export async function inspectHost(workRoot: string): Promise<HostProblem> {
  mkdirSync(join(workRoot, 'bin'), { recursive: true });
  mkdirSync(join(workRoot, 'jobs'), { recursive: true });
  // The sandbox uid must traverse these to reach the binds, and must not list other jobs.
  for (const dir of [workRoot, join(workRoot, 'bin'), join(workRoot, 'jobs')]) chmodSync(dir, 0o711);
  const supervisorPath = await buildSupervisor(join(workRoot, 'bin'));
  const seccompPath = await buildSeccomp(supervisorPath, join(workRoot, 'bin'));
  const bwrapPath = findBwrap();
  const isRoot = process.getuid?.() === 0;
  const user = isRoot ? lookupUser(SANDBOX_USER) : null;
  const cgroups: CgroupSupport = isRoot ? detectCgroups() : { kind: 'none', reason: 'the judge is not root' };
  const host = {
    bwrapPath,
    uid: user?.uid ?? null,
    gid: user?.gid ?? null,
    supervisorPath,
    seccompPath,
    cgroups,
    etcBinds: ETC_BINDS.filter((p) => existsSync(p)),
    workRoot,
  };
  let problem: string | null = null;
  if (!bwrapPath) problem = 'bubblewrap (bwrap) is not installed: run scripts/setup-sandbox.sh as root';
  else if (isRoot && !user) problem = `the sandbox user ${SANDBOX_USER} does not exist: run scripts/setup-sandbox.sh as root`;
  return { host, problem };
}

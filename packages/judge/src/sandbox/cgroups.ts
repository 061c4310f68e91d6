// Per-sandbox cgroups: the memory limit (the only memory limit that works for the JVM and Node), the
// pids limit (RLIMIT_NPROC is per uid machine-wide), and a reliable kill of everything left over.
// This machine is a v1+v2 hybrid whose v2 tree has no controllers (sandbox-lab.md §0), so v1 is used for
// memory and pids, and the v2 tree only for cgroup.kill. A pure v2 host uses memory.max/pids.max.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BASE = '/sys/fs/cgroup';
const GROUP = 'logicode-judge';

export interface CgroupSupport {
  kind: 'v1' | 'v2' | 'none';
  /** Why there is no cgroup support (for the log). */
  reason: string | null;
  /**
   * v1: the cgroup.procs of the shared `cpu/logicode-judge` group (cpu.shares JUDGE_CPU_SHARES) every sandbox
   * joins; null without a cpu controller (v2 sets cpu.weight on the parent of the sandboxes instead).
   */
  cpuProcs?: string | null;
}

/** The judge's CPU share against the api's default 1024 (v1), and its weight against the default 100 (v2). */
export const JUDGE_CPU_SHARES = 256;
export const JUDGE_CPU_WEIGHT = 25;

/** Judging yields the CPU to the api and the event path: a saturated judge lengthens its queue, not requests. */
function lowerCpuWeight(kind: 'v1' | 'v2'): string | null {
  try {
    if (kind === 'v2') {
      if (!/\bcpu\b/.test(readFileSync(join(BASE, 'cgroup.controllers'), 'utf8'))) return null;
      writeFileSync(join(BASE, 'cgroup.subtree_control'), '+cpu');
      writeFileSync(join(BASE, GROUP, 'cpu.weight'), String(JUDGE_CPU_WEIGHT));
      writeFileSync(join(BASE, GROUP, 'cgroup.subtree_control'), '+cpu');
      return null;
    }
    const dir = join(BASE, 'cpu', GROUP);
    if (!existsSync(join(BASE, 'cpu', 'cpu.shares')) || !tryMkdir(dir)) return null;
    writeFileSync(join(dir, 'cpu.shares'), String(JUDGE_CPU_SHARES));
    return join(dir, 'cgroup.procs');
  } catch {
    return null; // the nice value (supervisor outer --nice) still applies
  }
}

export interface CgroupLimits {
  memoryLimitKb: number;
  processes: number;
}

function tryMkdir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}

export function detectCgroups(): CgroupSupport {
  const v2Controllers = join(BASE, 'cgroup.controllers');
  if (existsSync(v2Controllers)) {
    const controllers = readFileSync(v2Controllers, 'utf8');
    if (!/\bmemory\b/.test(controllers) || !/\bpids\b/.test(controllers)) {
      return { kind: 'none', reason: 'cgroup v2 without the memory and pids controllers' };
    }
    try {
      writeFileSync(join(BASE, 'cgroup.subtree_control'), '+memory +pids');
      if (!tryMkdir(join(BASE, GROUP))) throw new Error('mkdir');
      writeFileSync(join(BASE, GROUP, 'cgroup.subtree_control'), '+memory +pids');
      return { kind: 'v2', reason: null, cpuProcs: lowerCpuWeight('v2') };
    } catch (error) {
      return { kind: 'none', reason: `cgroup v2 not writable: ${String(error)}` };
    }
  }
  const memory = join(BASE, 'memory', GROUP);
  const pids = join(BASE, 'pids', GROUP);
  if (existsSync(join(BASE, 'memory', 'memory.limit_in_bytes')) && tryMkdir(memory) && tryMkdir(pids)) {
    tryMkdir(join(BASE, 'unified', GROUP));
    return { kind: 'v1', reason: null, cpuProcs: lowerCpuWeight('v1') };
  }
  return { kind: 'none', reason: 'no writable memory/pids cgroup' };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One sandbox's cgroups. Create, let the outer supervisor join (procsFiles), then destroy. */
export class JobCgroup {
  private constructor(
    private readonly kind: 'v1' | 'v2',
    private readonly dirs: { memory: string; pids: string; unified: string | null },
    private cpuProcs: string | null = null,
  ) {}

  static create(support: CgroupSupport, name: string, limits: CgroupLimits): JobCgroup | null {
    const made = JobCgroup.make(support, name, limits);
    if (made) made.cpuProcs = support.cpuProcs ?? null;
    return made;
  }

  private static make(support: CgroupSupport, name: string, limits: CgroupLimits): JobCgroup | null {
    if (support.kind === 'none') return null;
    const bytes = String(limits.memoryLimitKb * 1024);
    if (support.kind === 'v2') {
      const dir = join(BASE, GROUP, name);
      mkdirSync(dir);
      writeFileSync(join(dir, 'memory.max'), bytes);
      writeFileSync(join(dir, 'memory.swap.max'), '0');
      writeFileSync(join(dir, 'pids.max'), String(limits.processes));
      return new JobCgroup('v2', { memory: dir, pids: dir, unified: dir });
    }
    const memory = join(BASE, 'memory', GROUP, name);
    const pids = join(BASE, 'pids', GROUP, name);
    const unifiedParent = join(BASE, 'unified', GROUP);
    const unified = existsSync(unifiedParent) ? join(unifiedParent, name) : null;
    mkdirSync(memory);
    mkdirSync(pids);
    if (unified && !tryMkdir(unified)) return new JobCgroup('v1', { memory, pids, unified: null }).limit(bytes, limits);
    return new JobCgroup('v1', { memory, pids, unified }).limit(bytes, limits);
  }

  private limit(bytes: string, limits: CgroupLimits): this {
    writeFileSync(join(this.dirs.memory, 'memory.limit_in_bytes'), bytes);
    // No swap here, but a host with swap would otherwise let the program page out past its limit.
    try {
      writeFileSync(join(this.dirs.memory, 'memory.memsw.limit_in_bytes'), bytes);
    } catch {
      /* memsw accounting is off on this kernel: there is no swap to escape to */
    }
    writeFileSync(join(this.dirs.pids, 'pids.max'), String(limits.processes));
    return this;
  }

  /** The cgroup.procs files the outer supervisor writes its pid into before dropping privileges. */
  procsFiles(): string[] {
    const dirs = this.kind === 'v2' ? [this.dirs.memory] : [this.dirs.memory, this.dirs.pids, this.dirs.unified];
    const files = dirs.filter((d): d is string => d !== null).map((d) => join(d, 'cgroup.procs'));
    return this.cpuProcs ? [...files, this.cpuProcs] : files;
  }

  /** The directory holding the OOM-kill counter, bound read-only into the sandbox. */
  get memoryDir(): string {
    return this.dirs.memory;
  }

  get oomFileName(): string {
    return this.kind === 'v2' ? 'memory.events' : 'memory.oom_control';
  }

  private pidsInside(): number[] {
    try {
      return readFileSync(join(this.dirs.pids, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  }

  killAll(): void {
    if (this.dirs.unified) {
      try {
        writeFileSync(join(this.dirs.unified, 'cgroup.kill'), '1');
      } catch {
        /* older kernel: fall through to signalling each pid */
      }
    }
    for (const pid of this.pidsInside()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  /** Kill what is left, wait until the cgroups are empty, remove them. */
  async destroy(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (this.pidsInside().length === 0) break;
      this.killAll();
      await sleep(5);
    }
    const dirs = [this.dirs.unified, this.dirs.pids, this.dirs.memory].filter((d): d is string => d !== null);
    for (const dir of new Set(dirs)) {
      for (let i = 0; i < 100; i++) {
        try {
          rmdirSync(dir);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
          await sleep(10);
        }
      }
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the empty cgroups a crashed judge left behind. Names start with the creating judge's pid, so
 * another judge's cgroups (made but not yet joined) are never touched.
 */
export function removeStaleCgroups(support: CgroupSupport): void {
  const parents =
    support.kind === 'v2' ? [join(BASE, GROUP)] : support.kind === 'v1' ? ['memory', 'pids', 'unified'].map((c) => join(BASE, c, GROUP)) : [];
  for (const parent of parents) {
    let names: string[] = [];
    try {
      names = readdirSync(parent, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = Number(name.split('-')[0]);
      if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
      try {
        rmdirSync(join(parent, name));
      } catch {
        /* still has processes: leave it */
      }
    }
  }
}

// One sandbox kept alive for a job: bwrap is started once and its supervisor runs the program once per
// request (a fresh bwrap costs ~20 ms here, a run inside one ~3-7 ms: sandbox-lab.md §4d).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import type { Duplex } from 'node:stream';
import { argsViaFd, bwrapArgs, outerArgs } from './bwrap-args.js';
import { JobCgroup } from './cgroups.js';
import type { SandboxHost } from './host.js';
import { encodeRunRequest, SupervisorStreamParser } from './protocol.js';
import type { RawResult } from './protocol.js';
import type { RunOutcome, RunRequest } from './types.js';

export interface SessionOptions {
  host: SandboxHost;
  /** Unique per session (names the cgroups). */
  name: string;
  /** The program, with sandbox paths (/prog/..., /box/...). */
  argv: string[];
  progDir: string | null;
  /** Bound read-write at /box (compilation). Otherwise /box is a fresh tmpfs. */
  boxDir: string | null;
  /** Bound read-only at /judge/cache (a language's compile cache). */
  cacheDir?: string | null;
  /** Unsandboxed mode only: the host dir that stands in for the /box tmpfs. */
  scratchDir: string;
  /** Whole-sandbox memory cgroup limit (program + supervisor + bwrap + tmpfs files). */
  memoryLimitKb: number;
  /** pids cgroup limit: processes and threads of everything in the sandbox. */
  processes: number;
  boxSizeBytes: number;
  tmpSizeBytes: number;
  env: Record<string, string>;
}

interface Pending {
  stdout: Buffer[];
  stderr: Buffer[];
  resolve: (outcome: RunOutcome) => void;
  timer: NodeJS.Timeout;
}

const SECCOMP_FD = 4;
/** bwrap reads its options from here (argsViaFd), so /proc/1/cmdline inside shows no host path. */
const BWRAP_ARGS_FD = 5;
/** Slack for the supervisor's own round trip before the judge declares the sandbox hung. */
const WATCHDOG_SLACK_MS = 3000;
/**
 * The supervisor ends a run at wall - (time waiting for a CPU) > wallMs, and at this many times wallMs whatever
 * the reason (WALL_HARD_FACTOR in supervisor.c): a slow machine does not turn an AC into a TLE.
 */
export const WALL_HARD_FACTOR = 30;
/** Compilers, programs and checkers yield the CPU to the api and the event path (with the cgroup CPU weight). */
export const JUDGE_NICE = 10;

export class SandboxSession {
  private parser = new SupervisorStreamParser();
  private pending: Pending | null = null;
  private dead: string | null = null;
  private ready = false;
  private diagnostics = '';
  private channelFailed = false;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly cgroup: JobCgroup | null,
  ) {
    const chan = child.stdio[3] as Duplex;
    chan.on('data', (chunk: Buffer) => this.onData(chunk));
    // A dead sandbox can fail the channel (EPIPE) before its stderr has arrived: end it and let 'close', which
    // comes once stderr is drained, report the failure with the diagnostics.
    chan.on('error', () => {
      this.channelFailed = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (this.diagnostics.length < 4096) this.diagnostics += chunk.toString();
    });
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    child.once('close', (code, signal) => this.fail(`${this.channelFailed ? 'the sandbox channel failed; ' : ''}the sandbox exited (${signal ?? code})`));
  }

  static start(o: SessionOptions): SandboxSession {
    const { host } = o;
    let cgroup: JobCgroup | null = null;
    let argv: string[];
    let seccompFd: number | null = null;
    let bwrapOptions: Buffer | null = null;
    if (host.sandboxed && host.bwrapPath) {
      cgroup = JobCgroup.create(host.cgroups, o.name, { memoryLimitKb: o.memoryLimitKb, processes: o.processes });
      if (host.seccompPath) seccompFd = openSync(host.seccompPath, 'r');
      const inner = bwrapArgs({
        bwrapPath: host.bwrapPath,
        supervisorPath: host.supervisorPath,
        progDir: o.progDir,
        boxDir: o.boxDir,
        boxSizeBytes: o.boxSizeBytes,
        tmpSizeBytes: o.tmpSizeBytes,
        cgroupDir: cgroup?.memoryDir ?? null,
        cacheDir: o.cacheDir ?? null,
        oomFileName: cgroup?.oomFileName ?? null,
        seccompFd: seccompFd === null ? null : SECCOMP_FD,
        env: o.env,
        etcBinds: host.etcBinds,
        argv: o.argv,
      });
      const viaFd = argsViaFd(inner, BWRAP_ARGS_FD);
      bwrapOptions = viaFd.data;
      argv = outerArgs(
        { supervisorPath: host.supervisorPath, procsFiles: cgroup?.procsFiles() ?? [], uid: host.uid, gid: host.gid, nice: JUDGE_NICE },
        viaFd.argv,
      );
    } else {
      // Development mode: no namespaces, no pid-namespace-wide kill; the scratch dir stands in for /box.
      const box = o.boxDir ?? o.scratchDir;
      mkdirSync(box, { recursive: true });
      argv = [host.supervisorPath, 'inner', '--box', box, ...(o.boxDir ? [] : ['--clean', box]), '--', ...o.argv];
    }
    const child = spawn(argv[0] as string, argv.slice(1), {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', seccompFd ?? 'ignore', bwrapOptions ? 'pipe' : 'ignore'],
      detached: true,
      env: host.sandboxed ? {} : o.env,
    });
    if (seccompFd !== null) closeSync(seccompFd);
    if (bwrapOptions) (child.stdio as unknown as Duplex[])[BWRAP_ARGS_FD]!.end(bwrapOptions);
    return new SandboxSession(child, cgroup);
  }

  get alive(): boolean {
    return this.dead === null;
  }

  run(req: RunRequest): Promise<RunOutcome> {
    if (this.pending) throw new Error('SandboxSession.run: a run is already in progress');
    if (this.dead) return Promise.resolve(crashed(this.dead, [], [], !this.ready));
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.kill('the sandbox did not answer in time'), req.limits.wallMs * WALL_HARD_FACTOR + WATCHDOG_SLACK_MS);
      this.pending = { stdout: [], stderr: [], resolve, timer };
      (this.child.stdio[3] as Duplex).write(encodeRunRequest(req));
    });
  }

  private onData(chunk: Buffer): void {
    let events;
    try {
      events = this.parser.feed(chunk);
    } catch (error) {
      this.kill(`garbled supervisor output: ${String(error)}`);
      return;
    }
    for (const event of events) {
      if (event.kind === 'ready') {
        this.ready = true;
        continue;
      }
      const p = this.pending;
      if (!p) continue;
      if (event.kind === 'stdout') p.stdout.push(Buffer.from(event.data));
      else if (event.kind === 'stderr') p.stderr.push(Buffer.from(event.data));
      else this.finish(toOutcome(event.result, p));
    }
  }

  private finish(outcome: RunOutcome): void {
    const p = this.pending;
    if (!p) return;
    clearTimeout(p.timer);
    this.pending = null;
    p.resolve(outcome);
  }

  private fail(reason: string): void {
    if (!this.dead) this.dead = this.diagnostics ? `${reason}: ${this.diagnostics.trim()}` : reason;
    const p = this.pending;
    if (p) this.finish(crashed(this.dead, p.stdout, p.stderr, !this.ready));
  }

  kill(reason: string): void {
    this.fail(reason);
    try {
      if (this.child.pid) process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    this.cgroup?.killAll();
  }

  /** Ends the supervisor (EOF on its channel), then makes sure nothing of the sandbox is left. */
  async close(): Promise<void> {
    (this.child.stdio[3] as Duplex).end();
    const timer = setTimeout(() => this.kill('closed'), 2000);
    await this.exited;
    clearTimeout(timer);
    this.dead ??= 'closed';
    await this.cgroup?.destroy();
  }
}

function toOutcome(r: RawResult, p: Pending): RunOutcome {
  return {
    status: r.status,
    exitCode: r.exitCode,
    signal: r.signal,
    cpuMs: r.cpuUs / 1000,
    wallMs: r.wallUs / 1000,
    memoryKb: r.maxRssKb,
    oomKilled: r.oomKills > 0,
    stdout: Buffer.concat(p.stdout),
    stderr: Buffer.concat(p.stderr),
    stdoutBytes: r.stdoutTotal,
    stderrBytes: r.stderrTotal,
  };
}

function crashed(detail: string, stdout: Buffer[], stderr: Buffer[], sandboxFault: boolean): RunOutcome {
  return {
    status: 'crashed',
    exitCode: null,
    signal: null,
    cpuMs: 0,
    wallMs: 0,
    memoryKb: 0,
    oomKilled: false,
    stdout: Buffer.concat(stdout),
    stderr: Buffer.concat(stderr),
    stdoutBytes: stdout.reduce((n, b) => n + b.length, 0),
    stderrBytes: stderr.reduce((n, b) => n + b.length, 0),
    detail,
    sandboxFault,
  };
}

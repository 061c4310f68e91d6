// Runs one built program over many inputs in one sandbox, starting a new sandbox only when the program
// managed to take the old one down (it runs as the same uid as the supervisor and may kill it).
import type { JudgeLimits } from '@logicode/contracts';
import type { BuiltProgram } from './build.js';
import { sandboxEnv } from './context.js';
import type { JudgeContext } from './context.js';
import { BOX_SIZE_BYTES, SANDBOX_OVERHEAD_KB, TMP_SIZE_BYTES, WARM_OVERHEAD_KB } from './limits.js';
import { SANDBOX_PATHS } from './sandbox/bwrap-args.js';
import { SandboxSession } from './sandbox/session.js';
import type { RunFile, RunLimits, RunOutcome } from './sandbox/types.js';
import { join } from 'node:path';

export interface RunnerOptions {
  program: BuiltProgram;
  /** The limits the language sees (the problem's limit: -Xmx, --max-old-space-size). */
  memoryLimitKb: number;
  /** The whole sandbox's memory cgroup. */
  cgroupMemoryKb: number;
  limits: RunLimits;
  extraArgs?: string[];
  scratchDir: string;
  /** Start the language's warm interpreter (LanguageSpec.warm) at the syntax check and fork each test from it. */
  warm?: boolean;
}

export class ProgramRunner {
  private session: SandboxSession | null = null;
  private current: SandboxSession | null = null;
  /** The warm interpreter was started in `session` (a replaced session has none: its tests start cold). */
  private warmIn: SandboxSession | null = null;

  constructor(
    private readonly ctx: JudgeContext,
    private readonly o: RunnerOptions,
  ) {}

  private start(): SandboxSession {
    const { program } = this.o;
    const { host } = this.ctx;
    const argv = program.lang.run({ progDir: program.progDir, sourceFile: program.sourceFile, memoryLimitKb: this.o.memoryLimitKb });
    return SandboxSession.start({
      host,
      name: this.ctx.nextName(`run-${program.lang.id}`),
      argv: [...argv, ...(this.o.extraArgs ?? [])],
      progDir: program.buildDir,
      boxDir: null,
      scratchDir: this.o.scratchDir,
      memoryLimitKb: this.o.cgroupMemoryKb,
      processes: program.lang.processes + 8,
      boxSizeBytes: BOX_SIZE_BYTES,
      tmpSizeBytes: TMP_SIZE_BYTES,
      env: sandboxEnv(host.sandboxed ? SANDBOX_PATHS.box : this.o.scratchDir),
    });
  }

  async run(stdin: string, files?: RunFile[], override?: { argv: string[]; limits: RunLimits; mode?: 'zygote-start' }): Promise<RunOutcome> {
    if (this.session && !this.session.alive) {
      await this.session.close();
      this.session = null;
    }
    this.session ??= this.start();
    this.current = this.session;
    try {
      const mode = override?.mode ?? (this.warmIn === this.session && !override ? 'zygote' : undefined);
      return await this.session.run({ limits: override?.limits ?? this.o.limits, argv: override?.argv, stdin, files, fresh: true, mode });
    } finally {
      this.current = null;
    }
  }

  /** Stops a run in progress (an aborted job). */
  abort(): void {
    this.current?.kill('aborted');
  }

  /**
   * The language's syntax check (interpreted languages), run in this same sandbox before the tests; with a
   * warm interpreter, starting it is the check (same message, same exit code).
   */
  async check(limits: RunLimits): Promise<RunOutcome | null> {
    const { program } = this.o;
    const rc = { progDir: program.progDir, sourceFile: program.sourceFile, memoryLimitKb: this.o.memoryLimitKb };
    if (this.o.warm && program.lang.warm && this.ctx.host.sandboxed && !this.o.extraArgs?.length) {
      const outcome = await this.run('', undefined, { argv: program.lang.warm(rc), limits, mode: 'zygote-start' });
      if (outcome.status === 'ok' && outcome.exitCode === 0) this.warmIn = this.session;
      return outcome;
    }
    const argv = program.lang.check?.(rc);
    return argv ? this.run('', undefined, { argv, limits }) : null;
  }

  async close(): Promise<void> {
    await this.session?.close();
    this.session = null;
  }
}

export function runnerFor(
  ctx: JudgeContext,
  program: BuiltProgram,
  o: { limits: RunLimits; jobLimits: Pick<JudgeLimits, 'memoryLimitKb'>; jobDir: string; extraArgs?: string[]; name: string; warm?: boolean },
): ProgramRunner {
  const warm = (o.warm ?? false) && program.lang.warm !== null;
  return new ProgramRunner(ctx, {
    program,
    warm,
    memoryLimitKb: o.jobLimits.memoryLimitKb,
    // The warm interpreter lives beside each test and is charged to the same memory cgroup.
    cgroupMemoryKb: o.jobLimits.memoryLimitKb + program.lang.memoryGraceKb + SANDBOX_OVERHEAD_KB + (warm ? WARM_OVERHEAD_KB : 0),
    limits: o.limits,
    extraArgs: o.extraArgs,
    scratchDir: join(o.jobDir, `scratch-${o.name}`),
  });
}

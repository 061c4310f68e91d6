// One sandbox kept for a validator over a job's tests (like ProgramRunner), with /box bound to a host dir the judge
// fills and reads (ValidatorBox), and, for interactive problems, the FIFO dir bound read-only at /judge/cache.
import type { BuiltProgram } from '../build.js';
import { sandboxEnv } from '../context.js';
import type { JudgeContext } from '../context.js';
import { BOX_SIZE_BYTES, SANDBOX_OVERHEAD_KB, STDERR_CAP_BYTES, TMP_SIZE_BYTES } from '../limits.js';
import { SANDBOX_PATHS } from '../sandbox/bwrap-args.js';
import { SandboxSession } from '../sandbox/session.js';
import type { RunLimits, RunOutcome } from '../sandbox/types.js';

/** A validator's memory (the package format's validation_memory default is larger; ours is a teaching judge). */
export const VALIDATOR_MEMORY_KB = 524_288;

export function validatorLimits(program: BuiltProgram, o: { wallMs?: number } = {}): RunLimits {
  return {
    cpuMs: 10_000, wallMs: o.wallMs ?? 20_000, fileSizeBytes: 1 << 20, outputBytes: 64 * 1024, stderrBytes: STDERR_CAP_BYTES,
    stackKb: program.lang.stackKb, addressSpaceKb: 0, processes: 0, openFiles: program.lang.openFiles,
  };
}

export interface ValidatorSessionOptions {
  boxDir: string;
  /** Its command line after the program: input judge_answer feedback_dir [flags]. */
  args: string[];
  /** Bound read-only at /judge/cache: the interactive FIFOs. */
  pipeDir?: string | null;
  /** Rewrites the command (the interactive shell that opens the FIFOs as stdin and stdout). */
  wrap?: (argv: string[]) => string[];
}

export class ValidatorSession {
  private session: SandboxSession | null = null;

  constructor(
    private readonly ctx: JudgeContext,
    private readonly program: BuiltProgram,
    private readonly o: ValidatorSessionOptions,
  ) {}

  private start(): SandboxSession {
    const { host } = this.ctx;
    const { lang, progDir, sourceFile, buildDir } = this.program;
    const argv = [...lang.run({ progDir, sourceFile, memoryLimitKb: VALIDATOR_MEMORY_KB }), ...this.o.args];
    return SandboxSession.start({
      host,
      name: this.ctx.nextName(`validator-${lang.id}`),
      argv: this.o.wrap ? this.o.wrap(argv) : argv,
      progDir: buildDir,
      boxDir: this.o.boxDir,
      cacheDir: this.o.pipeDir ?? null,
      scratchDir: this.o.boxDir,
      memoryLimitKb: VALIDATOR_MEMORY_KB + lang.memoryGraceKb + SANDBOX_OVERHEAD_KB,
      processes: lang.processes + 8,
      boxSizeBytes: BOX_SIZE_BYTES,
      tmpSizeBytes: TMP_SIZE_BYTES,
      env: sandboxEnv(host.sandboxed ? SANDBOX_PATHS.box : this.o.boxDir),
    });
  }

  async run(stdin: string | Buffer, limits: RunLimits): Promise<RunOutcome> {
    if (this.session && !this.session.alive) {
      await this.session.close();
      this.session = null;
    }
    this.session ??= this.start();
    return this.session.run({ limits, stdin, fresh: true });
  }

  kill(why: string): void {
    this.session?.kill(why);
  }

  async close(): Promise<void> {
    await this.session?.close();
    this.session = null;
  }
}

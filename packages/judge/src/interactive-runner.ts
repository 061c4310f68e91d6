// Interactive problems (the package format's `validation: custom interactive`): the validator is the interactor.
// The program and the validator each run in their own sandbox with their own limits; they talk through four FIFOs
// in a host dir bound read-only into both at /judge/cache, with the judge relaying in the middle:
//
//   program stdout ─> from-prog ─> judge ─> to-val ─> validator stdin
//   program stdin  <─ to-prog   <─ judge <─ from-val <─ validator stdout
//
// The relay records the exchange (the transcript shown for samples) and sees each side's end of output. Each side's
// command is `sh -c 'exec "$@" <in >out'`, so the measured process is still the program itself. The judge holds a
// write end of each FIFO it reads until that side's run has ended (a FIFO with no writer reads as end of file, and
// the program may not have opened it yet), and holds each FIFO it writes open read-write (so opening it never blocks
// and writing to a side that has gone never raises EPIPE in the judge).
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, existsSync, mkdirSync, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import type { Checker, JudgeJob, JudgeResult, JudgeTest, TestResult } from '@logicode/contracts';
import type { BuiltProgram } from './build.js';
import { sandboxEnv } from './context.js';
import type { JudgeContext } from './context.js';
import type { LanguageSpec } from './languages/index.js';
import { BOX_SIZE_BYTES, SANDBOX_OVERHEAD_KB, testRunLimits, TMP_SIZE_BYTES } from './limits.js';
import { SANDBOX_PATHS } from './sandbox/bwrap-args.js';
import { SandboxSession } from './sandbox/session.js';
import { runTestsInOrder } from './test-loop.js';
import type { RunOutcome } from './sandbox/types.js';
import { buildValidator, ValidatorBox, validatorVerdict } from './validators/validator-box.js';
import { validatorLimits, ValidatorSession } from './validators/validator-session.js';
import { headline, runVerdict, scoreOf, signalName } from './verdict.js';

const FIFOS = ['to-prog', 'from-prog', 'to-val', 'from-val'] as const;
/** The transcript is for showing a sample: a long exchange is cut here. */
export const TRANSCRIPT_CAP_BYTES = 64 * 1024;
const SHOWN_STDERR_BYTES = 8 * 1024;
/** The validator may take this long after the program's wall limit (it reads the end of file, then decides). */
const VALIDATOR_WALL_SLACK_MS = 5000;

type Interactive = Extract<Checker, { kind: 'interactive' }>;

/** `<` lines the validator sent, `>` lines the program sent (the package format's `.interaction`). */
class Transcript {
  private text = '';
  private pending: Record<'<' | '>', string> = { '<': '', '>': '' };
  private cut = false;

  add(dir: '<' | '>', chunk: Buffer): void {
    let rest = this.pending[dir] + chunk.toString('utf8');
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n')) {
      this.line(dir, rest.slice(0, nl));
      rest = rest.slice(nl + 1);
    }
    this.pending[dir] = rest.length > TRANSCRIPT_CAP_BYTES ? rest.slice(0, TRANSCRIPT_CAP_BYTES) : rest;
  }

  private line(dir: '<' | '>', line: string): void {
    if (this.cut) return;
    if (this.text.length + line.length + 2 > TRANSCRIPT_CAP_BYTES) {
      this.cut = true;
      this.text += '… (transcript truncated)\n';
      return;
    }
    this.text += `${dir}${line}\n`;
  }

  finish(): string {
    for (const dir of ['>', '<'] as const) if (this.pending[dir]) this.line(dir, this.pending[dir]);
    return this.text;
  }
}

/** Runs each test with the program and the validator talking; one sandbox each, kept over the job's tests. */
export class InteractiveRunner {
  private program: SandboxSession | null = null;
  private readonly pipeDir: string;
  private aborted = false;

  private constructor(
    private readonly ctx: JudgeContext,
    private readonly job: JudgeJob,
    private readonly lang: LanguageSpec,
    private readonly built: BuiltProgram,
    private readonly jobDir: string,
    private readonly validatorProgram: BuiltProgram,
    private readonly box: ValidatorBox,
    private readonly validator: ValidatorSession,
  ) {
    this.pipeDir = join(jobDir, 'pipes');
  }

  static async create(
    ctx: JudgeContext,
    o: { job: JudgeJob; lang: LanguageSpec; program: BuiltProgram; jobDir: string; checker: Interactive },
  ): Promise<InteractiveRunner | string> {
    const validatorProgram = await buildValidator(ctx, o.checker, o.jobDir, 'validator');
    if (typeof validatorProgram === 'string') return validatorProgram;
    const pipeDir = join(o.jobDir, 'pipes');
    mkdirSync(pipeDir, { mode: 0o755 });
    // FIFOs keep no data once nobody has them open, so the same four serve every test.
    execFileSync('mkfifo', ['-m', '0666', ...FIFOS.map((f) => join(pipeDir, f))]);
    for (const f of FIFOS) chmodSync(join(pipeDir, f), 0o666);
    const inside = ctx.host.sandboxed ? SANDBOX_PATHS.cache : pipeDir;
    const box = new ValidatorBox(ctx, join(o.jobDir, 'validator-box'));
    const { input, answer, feedbackDir } = box.paths;
    const validator = new ValidatorSession(ctx, validatorProgram, {
      boxDir: box.hostDir,
      args: [input, answer, feedbackDir, ...o.checker.flags],
      pipeDir,
      wrap: (argv) => redirect(argv, `${inside}/to-val`, `${inside}/from-val`),
    });
    return new InteractiveRunner(ctx, o.job, o.lang, o.program, o.jobDir, validatorProgram, box, validator);
  }

  private startProgram(): SandboxSession {
    const { host } = this.ctx;
    const { lang, progDir, sourceFile, buildDir } = this.built;
    const inside = host.sandboxed ? SANDBOX_PATHS.cache : this.pipeDir;
    const scratch = join(this.jobDir, 'scratch-interactive');
    if (!existsSync(scratch)) mkdirSync(scratch, { mode: 0o755 });
    const argv = lang.run({ progDir, sourceFile, memoryLimitKb: this.job.limits.memoryLimitKb });
    return SandboxSession.start({
      host,
      name: this.ctx.nextName(`interactive-${lang.id}`),
      argv: redirect(argv, `${inside}/to-prog`, `${inside}/from-prog`),
      progDir: buildDir,
      boxDir: null,
      cacheDir: this.pipeDir,
      scratchDir: scratch,
      memoryLimitKb: this.job.limits.memoryLimitKb + lang.memoryGraceKb + SANDBOX_OVERHEAD_KB,
      processes: lang.processes + 8,
      boxSizeBytes: BOX_SIZE_BYTES,
      tmpSizeBytes: TMP_SIZE_BYTES,
      env: sandboxEnv(host.sandboxed ? SANDBOX_PATHS.box : scratch),
    });
  }

  async run(test: JudgeTest): Promise<TestResult> {
    if (this.program && !this.program.alive) {
      await this.program.close();
      this.program = null;
    }
    this.program ??= this.startProgram();
    const programSession = this.program;
    this.box.prepare(test.input, test.expectedOutput ?? '');
    const limits = testRunLimits(this.job.limits, this.lang, { cgroups: this.ctx.host.sandboxed && this.ctx.host.cgroups.kind !== 'none' });
    const relay = new Relay(this.pipeDir);
    let programEndedAt = 0;
    let validatorEndedAt = 0;
    const [p, v] = await Promise.all([
      programSession.run({ limits, stdin: '', fresh: true }).then((o) => {
        programEndedAt = performance.now();
        relay.programEnded();
        return o;
      }),
      this.validator.run('', validatorLimits(this.validatorProgram, { wallMs: limits.wallMs + VALIDATOR_WALL_SLACK_MS })).then((o) => {
        validatorEndedAt = performance.now();
        relay.validatorEnded();
        return o;
      }),
    ]);
    const transcript = await relay.finish();
    const judgeMessage = this.box.judgeMessage();
    return this.result(test, { p, v, transcript, judgeMessage, programFirst: programEndedAt <= validatorEndedAt });
  }

  private result(
    test: JudgeTest,
    r: { p: RunOutcome; v: RunOutcome; transcript: string; judgeMessage: string | null; programFirst: boolean },
  ): TestResult {
    const { p, v } = r;
    const rv = runVerdict(p, {
      timeLimitMs: this.job.limits.timeLimitMs,
      memoryLimitKb: this.job.limits.memoryLimitKb + this.lang.memoryGraceKb,
      memoryErrorPattern: this.lang.memoryErrorPattern,
    });
    const vv = validatorVerdict(v);
    let verdict: TestResult['verdict'];
    let message: string | null;
    if (this.aborted) {
      verdict = 'IE';
      message = 'Aborted.';
    } else if (rv.verdict !== null && rv.verdict !== 'RE') {
      // Over a limit (TLE for a program that never flushed and waits for an answer that cannot come).
      [verdict, message] = [rv.verdict, rv.message];
    } else if (vv.verdict === 'WA' && !(rv.verdict === 'RE' && r.programFirst)) {
      // The validator judged first; a program then killed by a closed pipe is its consequence, not an RE.
      [verdict, message] = ['WA', 'Wrong answer.'];
    } else if (rv.verdict === 'RE') {
      [verdict, message] = ['RE', rv.message];
    } else if (vv.verdict === 'AC') {
      [verdict, message] = ['AC', null];
    } else {
      [verdict, message] = ['IE', vv.why];
    }
    return {
      testId: test.id,
      verdict,
      cpuMs: Math.round(p.cpuMs),
      wallMs: Math.round(p.wallMs),
      memoryKb: p.memoryKb,
      exitCode: p.exitCode,
      signal: p.signal === null ? null : signalName(p.signal),
      output: '',
      stderr: p.stderr.subarray(0, SHOWN_STDERR_BYTES).toString('utf8'),
      message,
      judgeMessage: r.judgeMessage,
      transcript: r.transcript,
    };
  }

  abort(): void {
    this.aborted = true;
    this.program?.kill('aborted');
    this.validator.kill('aborted');
  }

  async close(): Promise<void> {
    await Promise.all([this.program?.close(), this.validator.close()]);
    this.program = null;
    this.box.remove();
  }
}

/** `sh -c 'exec "$@" <in >out' sh argv...`: the program itself, its stdin and stdout the FIFOs. */
function redirect(argv: string[], stdinPath: string, stdoutPath: string): string[] {
  return ['/bin/sh', '-c', `exec "$@" <${stdinPath} >${stdoutPath}`, 'sh', ...argv];
}

/** What the judge keeps for a side that does not read: past this, the rest is dropped (that side is stuck anyway). */
const RELAY_BACKLOG_BYTES = 8 * 1024 * 1024;

function forward(to: Socket, chunk: Buffer): void {
  if (!to.destroyed && to.writableLength < RELAY_BACKLOG_BYTES) to.write(chunk);
}

/** The judge's ends of the four FIFOs for one test, relaying and recording. */
class Relay {
  private readonly transcript = new Transcript();
  private readonly toProg: Socket;
  private readonly toVal: Socket;
  private readonly fromProg: Socket;
  private readonly fromVal: Socket;
  private holdProg: number | null;
  private holdVal: number | null;
  private readonly done: Promise<void>;

  constructor(dir: string) {
    // Each socket owns its fd and closes it when destroyed.
    const open = (name: string, flags: number) => openSync(join(dir, name), flags | constants.O_NONBLOCK);
    // Write sides, read-write: opening never waits for a reader, and a reader that has gone raises no EPIPE here.
    this.toProg = new Socket({ fd: open('to-prog', constants.O_RDWR), readable: false, writable: true });
    this.toVal = new Socket({ fd: open('to-val', constants.O_RDWR), readable: false, writable: true });
    // Read sides, plus a write end held until that side's run is over (until then no end of file).
    this.fromProg = new Socket({ fd: open('from-prog', constants.O_RDONLY), readable: true, writable: false });
    this.fromVal = new Socket({ fd: open('from-val', constants.O_RDONLY), readable: true, writable: false });
    this.holdProg = openSync(join(dir, 'from-prog'), constants.O_WRONLY | constants.O_NONBLOCK);
    this.holdVal = openSync(join(dir, 'from-val'), constants.O_WRONLY | constants.O_NONBLOCK);
    for (const s of [this.toProg, this.toVal, this.fromProg, this.fromVal]) s.on('error', () => s.destroy());
    const ended = (s: Socket) => new Promise<void>((resolve) => s.once('close', () => resolve()));
    this.done = Promise.all([ended(this.fromProg), ended(this.fromVal)]).then(() => undefined);
    this.fromProg.on('data', (chunk: Buffer) => {
      this.transcript.add('>', chunk);
      forward(this.toVal, chunk);
    });
    this.fromVal.on('data', (chunk: Buffer) => {
      this.transcript.add('<', chunk);
      forward(this.toProg, chunk);
    });
    // One side's output ended: the other side reads end of file.
    this.fromProg.once('end', () => this.toVal.end());
    this.fromVal.once('end', () => this.toProg.end());
  }

  /** The program's run is over: nothing more will come from it, and nobody reads what is sent to it. */
  programEnded(): void {
    if (this.holdProg !== null) closeSync(this.holdProg);
    this.holdProg = null;
    this.toProg.destroy();
  }

  validatorEnded(): void {
    if (this.holdVal !== null) closeSync(this.holdVal);
    this.holdVal = null;
    this.toVal.destroy();
  }

  async finish(): Promise<string> {
    this.programEnded();
    this.validatorEnded();
    await this.done;
    for (const s of [this.toProg, this.toVal]) s.destroy();
    return this.transcript.finish();
  }
}

/** An interactive job's tests, once the program is built (pipeline.ts calls it in place of its test loop). */
export async function runInteractiveJob(
  ctx: JudgeContext,
  o: {
    job: JudgeJob;
    lang: LanguageSpec;
    program: BuiltProgram;
    jobDir: string;
    checker: Interactive;
    compileOutput: string | null;
    hooks: { onTestResult?: (index: number, result: TestResult) => void; signal?: AbortSignal };
  },
): Promise<JudgeResult> {
  const { job, hooks } = o;
  const runner = await InteractiveRunner.create(ctx, o);
  if (typeof runner === 'string') {
    return { verdict: 'IE', score: 0, compileOutput: runner, tests: [], maxCpuMs: 0, maxMemoryKb: 0 };
  }
  const results = await runTestsInOrder(job, hooks, runner, async (test) => {
    const result = await runner.run(test);
    hooks.signal?.throwIfAborted();
    return result;
  });
  return {
    verdict: headline(results),
    score: scoreOf(job.tests.map((t) => t.weight), job.tests.map((_, i) => results[i]?.verdict ?? null)),
    compileOutput: o.compileOutput,
    tests: results,
    maxCpuMs: Math.max(0, ...results.map((r) => r.cpuMs)),
    maxMemoryKb: Math.max(0, ...results.map((r) => r.memoryKb)),
  };
}

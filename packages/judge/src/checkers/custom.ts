// A checker program stored with the problem, compiled once per job and run sandboxed for each test.
// protocol 'legacy': argv `input.txt expected.txt actual.txt` in its work dir; exit 0 accepts, 1 rejects, anything
// else is the checker's fault (IE); its stdout (capped) is the message.
// protocol 'package' (validators/package-validator.ts): `validator input judge_answer feedback_dir [flags]
// < program_output`, exit 42/43, judgemessage.txt for the author.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Checker, Verdict } from '@logicode/contracts';
import { buildProgram } from '../build.js';
import type { JudgeContext } from '../context.js';
import { languageSpec } from '../languages/index.js';
import { STDERR_CAP_BYTES } from '../limits.js';
import { runnerFor } from '../program-runner.js';
import type { ProgramRunner } from '../program-runner.js';
import { PackageValidator } from '../validators/package-validator.js';

export const CHECKER_FILES = ['input.txt', 'expected.txt', 'actual.txt'] as const;
const CHECKER_MEMORY_KB = 524_288;
const MESSAGE_CAP = 1024;

export interface CustomVerdict {
  verdict: Extract<Verdict, 'AC' | 'WA' | 'IE'>;
  message: string | null;
  /** A package validator's judgemessage.txt (for authors; shown to students on samples only). */
  judgeMessage?: string | null;
}

interface CheckerProgram {
  check(input: string, expected: string, actual: string): Promise<CustomVerdict>;
  close(): Promise<void>;
}

export class CustomChecker {
  private constructor(private readonly impl: CheckerProgram) {}

  /** Builds the checker; a checker that does not compile is an IE for the whole job. */
  static async create(ctx: JudgeContext, checker: Extract<Checker, { kind: 'custom' }>, jobDir: string): Promise<CustomChecker | string> {
    if (checker.protocol === 'package') {
      const made = await PackageValidator.create(ctx, checker, jobDir);
      return typeof made === 'string' ? made : new CustomChecker(made);
    }
    const made = await LegacyChecker.create(ctx, checker, jobDir);
    return typeof made === 'string' ? made : new CustomChecker(made);
  }

  check(input: string, expected: string, actual: string): Promise<CustomVerdict> {
    return this.impl.check(input, expected, actual);
  }

  close(): Promise<void> {
    return this.impl.close();
  }
}

class LegacyChecker implements CheckerProgram {
  private constructor(private readonly runner: ProgramRunner) {}

  static async create(ctx: JudgeContext, checker: Extract<Checker, { kind: 'custom' }>, jobDir: string): Promise<LegacyChecker | string> {
    const lang = languageSpec(checker.language);
    if (!lang) return `Unknown checker language ${checker.language}.`;
    const dir = join(jobDir, 'checker');
    mkdirSync(dir, { mode: 0o711 });
    const built = await buildProgram(ctx, { dir, lang, source: checker.source, driver: null });
    if (!built.ok) return `The checker does not compile:\n${built.compileOutput}`;
    const runner = runnerFor(ctx, built.program, {
      limits: {
        cpuMs: 10_000, wallMs: 20_000, fileSizeBytes: 1 << 20, outputBytes: 64 * 1024, stderrBytes: STDERR_CAP_BYTES,
        stackKb: lang.stackKb, addressSpaceKb: 0, processes: 0, openFiles: lang.openFiles,
      },
      jobLimits: { memoryLimitKb: CHECKER_MEMORY_KB },
      jobDir,
      extraArgs: [...CHECKER_FILES],
      name: 'checker',
    });
    return new LegacyChecker(runner);
  }

  async check(input: string, expected: string, actual: string): Promise<CustomVerdict> {
    const [inName, expName, actName] = CHECKER_FILES;
    const o = await this.runner.run('', [
      { name: inName, data: input },
      { name: expName, data: expected },
      { name: actName, data: actual },
    ]);
    const message = o.stdout.subarray(0, MESSAGE_CAP).toString('utf8').trim() || null;
    if (o.status === 'ok' && o.signal === null && (o.exitCode === 0 || o.exitCode === 1)) {
      return { verdict: o.exitCode === 0 ? 'AC' : 'WA', message };
    }
    const why = o.status === 'ok' ? (o.signal ? `signal ${o.signal}` : `exit code ${o.exitCode}`) : o.status;
    return { verdict: 'IE', message: `The checker failed (${why}).` };
  }

  close(): Promise<void> {
    return this.runner.close();
  }
}

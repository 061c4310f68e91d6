// A package-format output validator (Kattis/DOMjudge): built once per job, run for each test in its own sandbox as
// `validator /box/input /box/judge_answer /box/feedback/ [flags] < program_output`; 42 = AC, 43 = WA, else IE.
import { join } from 'node:path';
import type { Checker } from '@logicode/contracts';
import type { BuiltProgram } from '../build.js';
import type { CustomVerdict } from '../checkers/custom.js';
import type { JudgeContext } from '../context.js';
import { buildValidator, ValidatorBox, validatorVerdict } from './validator-box.js';
import { validatorLimits, ValidatorSession } from './validator-session.js';

export class PackageValidator {
  private constructor(
    private readonly program: BuiltProgram,
    private readonly box: ValidatorBox,
    private readonly session: ValidatorSession,
  ) {}

  static async create(ctx: JudgeContext, checker: Extract<Checker, { kind: 'custom' }>, jobDir: string): Promise<PackageValidator | string> {
    const program = await buildValidator(ctx, checker, jobDir, 'validator');
    if (typeof program === 'string') return program;
    const box = new ValidatorBox(ctx, join(jobDir, 'validator-box'));
    const { input, answer, feedbackDir } = box.paths;
    const session = new ValidatorSession(ctx, program, { boxDir: box.hostDir, args: [input, answer, feedbackDir, ...checker.flags] });
    return new PackageValidator(program, box, session);
  }

  async check(input: string, expected: string, actual: string): Promise<CustomVerdict> {
    this.box.prepare(input, expected);
    const o = await this.session.run(actual, validatorLimits(this.program));
    const judgeMessage = this.box.judgeMessage();
    const v = validatorVerdict(o);
    if (v.verdict === 'IE') return { verdict: 'IE', message: v.why, judgeMessage };
    return { verdict: v.verdict, message: v.verdict === 'AC' ? null : 'Wrong answer.', judgeMessage };
  }

  async close(): Promise<void> {
    await this.session.close();
    this.box.remove();
  }
}

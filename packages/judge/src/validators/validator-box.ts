// What a package-format validator needs around it (problem package format, "Output validators"): its program built
// from source, a host directory bound read-write at /box holding `input`, `judge_answer` and the writable
// `feedback/` dir, and `feedback/judgemessage.txt` read back safely once it has ended.
import { chownSync, closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checker, ValidatorFile } from '@logicode/contracts';
import { buildProgram } from '../build.js';
import type { BuiltProgram } from '../build.js';
import type { JudgeContext } from '../context.js';
import { languageSpec } from '../languages/index.js';
import { SANDBOX_PATHS } from '../sandbox/bwrap-args.js';

export type ValidatorChecker = Extract<Checker, { kind: 'custom' | 'interactive' }>;

/** judgemessage.txt is cut here: it is a note for the author, not a second output channel. */
export const JUDGE_MESSAGE_CAP_BYTES = 4096;
/** Exit codes of the package interface. */
export const EXIT_AC = 42;
export const EXIT_WA = 43;

/**
 * C and C++ validators often `#include "validate.h"` (or another header shipped beside them): a header among the
 * validator's files is inlined where it is included, so the build stays the one-file build every program has.
 * Other languages' files (Python modules) are written beside the source instead.
 */
export function inlineHeaders(source: string, files: ValidatorFile[], depth = 0): string {
  if (files.length === 0 || depth > 8) return source;
  const byName = new Map(files.map((f) => [f.name, f.content]));
  return source.replace(/^[ \t]*#[ \t]*include[ \t]*"([^"]+)"[^\n]*$/gm, (line, name: string) => {
    const content = byName.get(name);
    return content === undefined ? line : `${inlineHeaders(content, files, depth + 1)}\n`;
  });
}

/** Builds a validator in `<jobDir>/<name>`; a string is why it failed (the job is then IE). */
export async function buildValidator(ctx: JudgeContext, checker: ValidatorChecker, jobDir: string, name: string): Promise<BuiltProgram | string> {
  const lang = languageSpec(checker.language);
  if (!lang) return `Unknown validator language ${checker.language}.`;
  const dir = join(jobDir, name);
  mkdirSync(dir, { mode: 0o711 });
  const source = checker.language === 'c' || checker.language === 'cpp' ? inlineHeaders(checker.source, checker.files) : checker.source;
  const built = await buildProgram(ctx, { dir, lang, source, driver: null });
  if (!built.ok) return `The validator does not compile:\n${built.compileOutput}`;
  if (checker.language !== 'c' && checker.language !== 'cpp') {
    // An interpreted validator's modules go beside its source (/prog, first on Python's path), never over it.
    for (const f of checker.files) {
      if (f.name !== built.program.sourceFile) writeFileSync(join(built.program.buildDir, f.name), f.content, { mode: 0o644 });
    }
  }
  return built.program;
}

/** The validator's /box: a host dir the judge fills before each run and reads after it. */
export class ValidatorBox {
  /** What the validator is given on its command line, as it sees them. */
  readonly paths: { input: string; answer: string; feedbackDir: string; box: string };

  constructor(
    private readonly ctx: JudgeContext,
    readonly hostDir: string,
  ) {
    mkdirSync(hostDir, { mode: 0o755 });
    const box = ctx.host.sandboxed ? SANDBOX_PATHS.box : hostDir;
    // The trailing slash: many validators append "judgemessage.txt" to argv[3] as it is (Kattis passes it so).
    this.paths = { box, input: `${box}/input`, answer: `${box}/judge_answer`, feedbackDir: `${box}/feedback/` };
  }

  /** Empties the box and writes this test's files; the validator (sandbox uid) may write in it and in feedback/. */
  prepare(input: string, answer: string): void {
    // The dir itself stays: it is bound into a running sandbox, which would keep seeing a removed one.
    for (const entry of readdirSync(this.hostDir)) rmSync(join(this.hostDir, entry), { recursive: true, force: true });
    mkdirSync(join(this.hostDir, 'feedback'), { mode: 0o755 });
    writeFileSync(join(this.hostDir, 'input'), input, { mode: 0o644 });
    writeFileSync(join(this.hostDir, 'judge_answer'), answer, { mode: 0o644 });
    const { uid, gid } = this.ctx.host;
    if (this.ctx.host.sandboxed && uid !== null && gid !== null) {
      chownSync(this.hostDir, uid, gid);
      chownSync(join(this.hostDir, 'feedback'), uid, gid);
    }
  }

  /**
   * feedback/judgemessage.txt, capped; null when absent. The validator owns the dir and could leave a symlink to a
   * host file (the judge reads as root) or a FIFO there: only a real directory and a regular file are read, the last
   * component opened with O_NOFOLLOW. It has ended by now (its sandbox's processes are killed), so nothing races.
   */
  judgeMessage(): string | null {
    const dir = join(this.hostDir, 'feedback');
    try {
      if (!lstatSync(this.hostDir).isDirectory() || !lstatSync(dir).isDirectory()) return null;
    } catch {
      return null;
    }
    let fd: number;
    try {
      fd = openSync(join(dir, 'judgemessage.txt'), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      return null;
    }
    try {
      if (!fstatSync(fd).isFile()) return null;
      const buf = Buffer.alloc(JUDGE_MESSAGE_CAP_BYTES + 1);
      const n = readSync(fd, buf, 0, buf.length, 0);
      const text = buf.subarray(0, Math.min(n, JUDGE_MESSAGE_CAP_BYTES)).toString('utf8');
      return n > JUDGE_MESSAGE_CAP_BYTES ? `${text}\n… (truncated)` : text;
    } finally {
      closeSync(fd);
    }
  }

  remove(): void {
    rmSync(this.hostDir, { recursive: true, force: true });
  }
}

/** AC / WA / IE from a validator's exit; IE says why (the author sees it, the student only "judge error"). */
export function validatorVerdict(o: { status: string; exitCode: number | null; signal: number | null }): { verdict: 'AC' | 'WA' | 'IE'; why: string | null } {
  if (o.status === 'ok' && o.signal === null && o.exitCode === EXIT_AC) return { verdict: 'AC', why: null };
  if (o.status === 'ok' && o.signal === null && o.exitCode === EXIT_WA) return { verdict: 'WA', why: null };
  const why = o.status !== 'ok' ? (o.status === 'cpu' || o.status === 'wall' ? 'it ran out of time' : o.status) : o.signal ? `signal ${o.signal}` : `exit code ${o.exitCode}`;
  return { verdict: 'IE', why: `The validator failed (${why}; 42 accepts, 43 rejects).` };
}

// What a language is: a plain object, filled with defaults by compiled() or interpreted().
// Adding a language = one file in this folder + one line in ./index.ts.
import type { LanguageId } from '@logicode/contracts';

export interface RunContext {
  /** Where the compiled program or script lives (read-only), as the program sees it. */
  progDir: string;
  /** The source file's name (Java: named after its public class). */
  sourceFile: string;
  memoryLimitKb: number;
}

export interface CompileContext {
  /** Where the language's cache is, as the compiler sees it. */
  cacheDir: string;
  /** Whether the cache is built (compiles that start earlier run without it). */
  cacheReady: boolean;
}

export interface LanguageSpec {
  id: LanguageId;
  /** The file the combined source is written to. */
  sourceFile: (source: string) => string;
  /** Student code + driver → one source file. The default appends the driver after the student's code. */
  combine: (source: string, driver: string | null) => string;
  /** The compile argv, run in the build dir; null for interpreted languages. */
  compile: ((sourceFile: string, ctx: CompileContext) => string[]) | null;
  /**
   * A toolchain cache built once per host, outside the sandbox, from trusted system files, then bound
   * read-only into the compile sandbox (C++: a precompiled <bits/stdc++.h>; Java: a CDS archive of javac).
   * `build(input, output)` turns `source`, written to a file named `sourceName`, into `file`.
   */
  cache: { file: string; sourceName: string; source: string; build: (input: string, output: string) => string[] } | null;
  run: (ctx: RunContext) => string[];
  /**
   * Interpreted languages: a syntax check run in the run sandbox before the tests (no extra sandbox start);
   * failing it is a CE with its output. null for none.
   */
  check: ((ctx: RunContext) => string[]) | null;
  /**
   * A warm interpreter for the run sandbox (supervisor.c, mode 1): this argv checks the program like `check`
   * (same output, same exit 1) and then stays, forking one clean child per test. null: a fresh start per test.
   */
  warm: ((ctx: RunContext) => string[]) | null;
  /** Prints the toolchain's version (first line of stdout or stderr). */
  version: string[];
  /** Echoes one line from stdin: the self-test the worker runs at boot (DMOJ's test_program). */
  selfTest: string;
  /**
   * Memory the runtime needs on top of the problem's limit (JVM metaspace and code cache, V8's baseline):
   * added to the cgroup limit and to the MLE threshold, like DMOJ's address_grace. Reported memory is
   * always the program's real peak RSS.
   */
  memoryGraceKb: number;
  /** RLIMIT_STACK for the program; 0 leaves it (the JVM and V8 size their own stacks). */
  stackKb: number;
  /** RLIMIT_AS works (C, C++, Python); only used when there is no memory cgroup. */
  addressSpaceLimit: boolean;
  /** pids cgroup budget for a run (threads count: the JVM starts ~16). */
  processes: number;
  openFiles: number;
  /** stderr that means "out of memory" although the process exited by itself. */
  memoryErrorPattern: RegExp | null;
}

type Required = Pick<LanguageSpec, 'id' | 'run' | 'version' | 'selfTest'> & {
  sourceFile: string | ((source: string) => string);
};
type Optional = Partial<Omit<LanguageSpec, 'sourceFile' | 'compile'>>;

const DEFAULTS = {
  check: null,
  warm: null,
  cache: null,
  combine: (source: string, driver: string | null) => (driver ? `${source}\n\n${driver}\n` : source),
  memoryGraceKb: 0,
  stackKb: 65_536,
  addressSpaceLimit: true,
  processes: 64,
  openFiles: 64,
  memoryErrorPattern: null,
};

function fill(spec: Required & Optional, compile: LanguageSpec['compile']): LanguageSpec {
  const { sourceFile } = spec;
  return Object.freeze({
    ...DEFAULTS,
    ...spec,
    compile,
    sourceFile: typeof sourceFile === 'string' ? () => sourceFile : sourceFile,
  });
}

export function compiled(spec: Required & Optional & { compile: NonNullable<LanguageSpec['compile']> }): LanguageSpec {
  return fill(spec, spec.compile);
}

export function interpreted(spec: Required & Optional): LanguageSpec {
  return fill(spec, null);
}

// Compiler output → editor markers, for the five judged languages, with the judge's own language definitions
// (combine, file name, compile and syntax-check argv) and the machine's real compilers: a compiler whose message
// format changes, or a judge that starts prepending code, fails here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { LanguageId } from '@logicode/contracts';
import { LANGUAGE_SPECS } from '@logicode/judge';
import { parseDiagnostics } from '../../src/features/workspace/lib/compile-diagnostics.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Builds the source as the judge would and returns the compiler's (or syntax check's) stdout + stderr. */
function compilerOutput(language: LanguageId, source: string, driver: string | null = null): string {
  const spec = LANGUAGE_SPECS.find((s) => s.id === language)!;
  const dir = mkdtempSync(join(tmpdir(), 'logicode-diag-'));
  dirs.push(dir);
  const combined = spec.combine(source, driver);
  const file = spec.sourceFile(combined);
  writeFileSync(join(dir, file), combined);
  const argv = spec.compile ? spec.compile(file, { cacheDir: dir, cacheReady: false }) : spec.check!({ progDir: dir, sourceFile: file, memoryLimitKb: 262_144 } as never);
  try {
    execFileSync(argv[0]!, argv.slice(1), { cwd: dir, stdio: 'pipe', env: { PATH: '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' } });
  } catch (error) {
    const e = error as { stdout: Buffer; stderr: Buffer };
    return e.stdout.toString() + e.stderr.toString();
  }
  assert.fail(`${language}: expected a compile error`);
}

describe('compile diagnostics from real compiler output', () => {
  it('C and C++ (gcc/g++): line and column of each error', () => {
    const c = '#include <stdio.h>\nint main(void) {\n  int x = 1\n  return x;\n}\n';
    assert.deepEqual(parseDiagnostics(compilerOutput('c', c), 'c', c).map((d) => [d.line, d.column, d.severity]), [[4, 3, 'error']]);
    const cpp = '#include <iostream>\nint main() {\n  std::cout << y;\n}\n';
    const [first] = parseDiagnostics(compilerOutput('cpp', cpp), 'cpp', cpp);
    assert.deepEqual([first?.line, first?.column], [3, 16]);
    assert.match(first?.message ?? '', /.y. was not declared/);
  });

  it('Java (javac): the column from its caret line, and lines kept right past a dropped package declaration', () => {
    const java = 'package school.week1;\n\npublic class Main {\n  public static void main(String[] a) {\n    int x = 1\n  }\n}\n';
    const [d] = parseDiagnostics(compilerOutput('java', java), 'java', java);
    assert.deepEqual([d?.line, d?.column, d?.message], [5, 14, "';' expected"]);
  });

  it('Python and JavaScript: the syntax check\'s SyntaxError, at its line and caret', () => {
    const py = 'x = 1\nif x\n    print(x)\n';
    assert.deepEqual(parseDiagnostics(compilerOutput('python', py), 'python', py).map((d) => [d.line, d.column, d.message]), [[2, 5, "SyntaxError: expected ':'"]]);
    const js = 'const a = 1;\nconst b = (;\n';
    assert.deepEqual(parseDiagnostics(compilerOutput('javascript', js), 'javascript', js).map((d) => [d.line, d.column, d.message]), [[2, 12, "SyntaxError: Unexpected token ';'"]]);
  });

  it('an error in the appended driver lands on the student\'s last line', () => {
    const student = 'def solve(a, b):\n    return a + b\n';
    const driver = 'print(solve(1, 2)\n';
    const [d] = parseDiagnostics(compilerOutput('python', student, driver), 'python', student);
    assert.equal(d?.line, 3, 'the last line of the student\'s code (2 lines and the final newline)');
  });
});

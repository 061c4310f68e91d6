// The seed problem set: every package parses, and the set as a whole is what a school needs (categories,
// difficulties, both styles, all five languages, sample and hidden tests). The JavaScript reference solutions are
// run on every test (in-process, see runJs), so an expected output that drifts from its solution fails here, not in front of a student.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import {
  DIFFICULTIES, LANGUAGE_IDS, problemPackageSchema, type Checker, type ProblemPackage,
} from '@logicode/contracts';

const seedDir = fileURLToPath(new URL('../seed/problems/', import.meta.url));
const fileNames = readdirSync(seedDir).filter((name) => name.endsWith('.json')).sort();
const packages: { file: string; pkg: ProblemPackage }[] = fileNames.map((file) => ({
  file,
  pkg: problemPackageSchema.parse(JSON.parse(readFileSync(seedDir + file, 'utf8'))),
}));
const maxInputBytes = 200 * 1024;

test('every seed file is named NN-<slug>.json, numbered 01, 02, … in order', () => {
  assert.ok(fileNames.length >= 12, `${fileNames.length} problems`);
  packages.forEach(({ file, pkg }, index) => {
    const match = /^(\d{2})-([a-z0-9-]+)\.json$/.exec(file);
    assert.ok(match, file);
    assert.equal(Number(match[1]), index + 1, `${file} is number ${index + 1}`);
    assert.equal(pkg.problem.slug, match[2], `${file} holds the slug of its name`);
  });
  const slugs = packages.map(({ pkg }) => pkg.problem.slug);
  assert.equal(new Set(slugs).size, slugs.length, 'slugs are unique');
});

test('the set covers at least 8 categories, all difficulties easiest first, both styles and every checker kind', () => {
  const categories = new Set(packages.map(({ pkg }) => pkg.problem.category));
  assert.ok(categories.size >= 8, `categories: ${[...categories].join(', ')}`);
  const ranks = packages.map(({ pkg }) => DIFFICULTIES.indexOf(pkg.problem.difficulty));
  assert.deepEqual(new Set(ranks), new Set([0, 1, 2]));
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'files go from easy to hard');
  const styles = packages.map(({ pkg }) => pkg.problem.style);
  assert.ok(styles.filter((s) => s === 'stdio').length >= 4 && styles.filter((s) => s === 'function').length >= 4);
  const checkers = new Set(packages.map(({ pkg }) => pkg.problem.checker.kind));
  for (const kind of ['exact', 'tokens', 'float'] as const) assert.ok(checkers.has(kind), `a problem uses the ${kind} checker`);
});

test('the first problem is timed and the others are not', () => {
  assert.equal(typeof packages[0]?.pkg.problem.timedDurationSec, 'number');
  for (const { file, pkg } of packages.slice(1)) assert.equal(pkg.problem.timedDurationSec, null, file);
});

test('each problem has sane limits and a statement with its first sample', () => {
  for (const { file, pkg } of packages) {
    const { problem } = pkg;
    const sample = pkg.tests[0]!;
    assert.ok(problem.timeLimitMs >= 1000 && problem.timeLimitMs <= 2000, file);
    assert.equal(problem.memoryLimitKb, 262_144, file);
    assert.ok(problem.isPublished, file);
    for (const heading of ['## Input', '## Output', '## Constraints']) assert.ok(problem.statement.includes(heading), `${file}: ${heading}`);
    assert.ok(problem.statement.includes(sample.input.trimEnd()), `${file}: statement shows sample 1's input`);
    assert.ok(problem.statement.includes(sample.expectedOutput.trimEnd()), `${file}: statement shows sample 1's output`);
  }
});

test('each problem has all five languages with starter code, drivers matching its style, and reference solutions', () => {
  for (const { file, pkg } of packages) {
    const function_ = pkg.problem.style === 'function';
    assert.deepEqual(pkg.languages.map((l) => l.language).sort(), [...LANGUAGE_IDS].sort(), file);
    assert.deepEqual(pkg.solutions.map((s) => s.language).sort(), [...LANGUAGE_IDS].sort(), file);
    for (const { language, starterCode, driverCode } of pkg.languages) {
      const where = `${file} ${language}`;
      assert.ok(starterCode.trim().length > 0, where);
      if (!function_) {
        assert.equal(driverCode, null, where);
        continue;
      }
      assert.ok(driverCode && driverCode.trim().length > 0, where);
      const solution = pkg.solutions.find((s) => s.language === language)!.source;
      if (language === 'c' || language === 'cpp') {
        // The driver owns main(); the student's file must not define it too.
        assert.match(driverCode, /int main\(/, where);
        for (const code of [starterCode, solution]) assert.doesNotMatch(code, /int main\(/, where);
      }
      if (language === 'java') {
        // The student's class comes first in Main.java, so only the driver may be public.
        assert.match(driverCode, /public class Main\b/, where);
        for (const code of [starterCode, solution]) assert.match(code, /^(import [\w.]+;\s*)*class Solution\b/m, where);
        assert.doesNotMatch(driverCode, /^import /m, `${where}: imports are illegal after a class`);
      }
    }
  }
});

test('each problem has 5-20 tests: 1-3 samples first, then hidden ones, inputs under 200 KB', () => {
  for (const { file, pkg } of packages) {
    const { tests } = pkg;
    assert.ok(tests.length >= 5 && tests.length <= 20, `${file}: ${tests.length} tests`);
    const samples = tests.filter((t) => t.isSample).length;
    assert.ok(samples >= 1 && samples <= 3, `${file}: ${samples} samples`);
    assert.ok(tests.slice(0, samples).every((t) => t.isSample), `${file}: samples come first`);
    for (const t of tests) {
      assert.ok(Buffer.byteLength(t.input) < maxInputBytes, `${file}: input of ${Buffer.byteLength(t.input)} bytes`);
      assert.ok(t.input.endsWith('\n'), `${file}: input ends with a newline`);
    }
  }
});

// --- Running the JavaScript reference solutions -------------------------------------------------------------

function trimLines(text: string): string {
  return text.split('\n').map((line) => line.trimEnd()).join('\n').trimEnd();
}

/** The judge's checkers, as packages/contracts documents them. */
function accepts(checker: Checker, expected: string, actual: string): boolean {
  if (checker.kind === 'exact') return trimLines(expected) === trimLines(actual);
  const want = expected.split(/\s+/).filter(Boolean);
  const got = actual.split(/\s+/).filter(Boolean);
  if (want.length !== got.length) return false;
  if (checker.kind === 'tokens') return want.every((token, i) => token === got[i]);
  if (checker.kind !== 'float') throw new Error('no custom checkers in the seed');
  return want.every((token, i) => {
    const [a, b] = [Number(token), Number(got[i])];
    if (Number.isNaN(a) || Number.isNaN(b)) return token === got[i];
    return Math.abs(a - b) <= checker.absTolerance || Math.abs(a - b) <= checker.relTolerance * Math.abs(a);
  });
}

/**
 * Runs a JavaScript program in a fresh V8 context whose stdin is `input` and whose stdout is captured. The seed's
 * programs read stdin only through require('fs').readFileSync(0) and write only through console.log and
 * process.stdout.write, so this runs them as node would, without spawning a process per test (a few ms, not 100+).
 */
function runJs(source: string, input: string): string {
  let stdout = '';
  const fs = {
    readFileSync: (fd: unknown) => {
      if (fd !== 0) throw new Error('the program may read only stdin');
      return input;
    },
  };
  const context = {
    require: (name: string) => {
      if (name !== 'fs') throw new Error(`the program required ${name}`);
      return fs;
    },
    console: { log: (...args: unknown[]) => { stdout += `${args.map(String).join(' ')}\n`; } },
    process: { stdout: { write: (chunk: string) => { stdout += chunk; return true; } } },
  };
  runInNewContext(source, context, { timeout: 10_000 });
  return stdout;
}

function programFor(pkg: ProblemPackage, code: 'solution' | 'starter'): string {
  const language = pkg.languages.find((l) => l.language === 'javascript')!;
  const main = code === 'solution' ? pkg.solutions.find((s) => s.language === 'javascript')!.source : language.starterCode;
  return `${main}\n${language.driverCode ?? ''}`;
}

for (const { file, pkg } of packages) {
  test(`${file}: the JavaScript reference passes every test and the starter code fails one`, () => {
    const { checker } = pkg.problem;
    const solution = programFor(pkg, 'solution');
    pkg.tests.forEach((t, index) => {
      const stdout = runJs(solution, t.input);
      assert.ok(accepts(checker, t.expectedOutput, stdout), `test ${index + 1}: got ${stdout.slice(0, 200)}`);
    });
    const starter = programFor(pkg, 'starter');
    const failsOne = pkg.tests.some((t) => {
      try {
        return !accepts(checker, t.expectedOutput, runJs(starter, t.input));
      } catch {
        return true;
      }
    });
    assert.ok(failsOne, 'the starter code is not already a solution');
  });
}

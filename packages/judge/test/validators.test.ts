// Package-format validators on the real sandbox (issue 17): output validators with the Kattis/DOMjudge interface
// (C++ and Python, exit 42/43, judgemessage.txt, flags), the default validator's flags, interactive problems (the
// validator is the interactor) and scored test groups.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Checker, JudgeJob } from '@logicode/contracts';
import { job, testJudge } from './helpers.js';

const AB_TESTS: JudgeJob['tests'] = [
  { id: 't1', input: '1 2\n', expectedOutput: '3\n', weight: 1 },
  { id: 't2', input: '10 -4\n', expectedOutput: '6\n', weight: 1 },
];
/** Right on the first test, wrong (sum + 1) on the second. */
const AB_HALF = 'a, b = map(int, input().split())\nprint(a + b + (1 if a == 10 else 0))\n';

const validator = (language: 'cpp' | 'python', source: string, over: Partial<Extract<Checker, { kind: 'custom' }>> = {}): Checker => ({
  kind: 'custom', protocol: 'package', language, source, files: [], flags: [], ...over,
});

describe('package output validators', () => {
  it('a C++ validator: argv input judge_answer feedback_dir flags, output on stdin, 42/43, judgemessage.txt, a header inlined', async () => {
    // <cstdio> only: <iostream> takes seconds to compile on a loaded machine.
    const header = '#include <cstdio>\nstatic void note(const char *dir, const char *m, long long got, long long want, const char *flags) {\n  char p[4096]; std::snprintf(p, sizeof p, "%sjudgemessage.txt", dir);\n  if (FILE *f = std::fopen(p, "w")) { std::fprintf(f, "%s %lld want %lld%s", m, got, want, flags); std::fclose(f); }\n}\n';
    const src = [
      '#include <cstring>',
      '#include "note.h"',
      'int main(int argc, char **argv) {',
      '  long long a, b, want, got;',
      '  FILE *in = std::fopen(argv[1], "r"), *ans = std::fopen(argv[2], "r");',
      '  if (!in || !ans || std::fscanf(in, "%lld %lld", &a, &b) != 2 || std::fscanf(ans, "%lld", &want) != 1) return 1;',
      '  char flags[1024] = "";',
      '  for (int i = 4; i < argc; i++) { std::strcat(flags, " "); std::strcat(flags, argv[i]); }',
      '  if (std::scanf("%lld", &got) != 1) { note(argv[3], "no number", 0, want, flags); return 43; }',
      '  note(argv[3], "got", got, want, flags);',
      '  return got == want ? 42 : 43;',
      '}',
    ].join('\n');
    const checker = validator('cpp', src, { files: [{ name: 'note.h', content: header }], flags: ['case_sensitive', 'x'] });
    const r = await (await testJudge()).run(job('python', AB_HALF, { tests: AB_TESTS, checker }));
    assert.deepEqual(r.tests.map((t) => [t.verdict, t.judgeMessage]), [
      ['AC', 'got 3 want 3 case_sensitive x'],
      ['WA', 'got 7 want 6 case_sensitive x'],
    ], r.compileOutput ?? '');
    assert.equal(r.tests[1]!.message, 'Wrong answer.', 'the student-facing message names no expected value');
  });

  it('a Python validator; exit 0 or 1 is a judge error (the package interface), a judgemessage symlink is not followed', async () => {
    const src = [
      'import os, sys',
      'inp, ans, fb = sys.argv[1:4]',
      'got = sys.stdin.read().split()',
      'want = open(ans).read().split()',
      'a = int(open(inp).read().split()[0])',
      'if a == 10:',
      '    os.symlink("/etc/passwd", os.path.join(fb, "judgemessage.txt"))',
      '    sys.exit(43)',
      'if a == 5: sys.exit(0)',
      'open(os.path.join(fb, "judgemessage.txt"), "w").write("x" * 10000)',
      'sys.exit(42 if got == want else 43)',
    ].join('\n');
    const tests = [...AB_TESTS, { id: 't3', input: '5 5\n', expectedOutput: '10\n', weight: 1 }];
    const r = await (await testJudge()).run(job('python', AB_HALF, { tests, checker: validator('python', src) }));
    assert.deepEqual(r.tests.map((t) => t.verdict), ['AC', 'WA', 'IE']);
    assert.equal(r.tests[0]!.judgeMessage?.length, 4096 + '\n… (truncated)'.length, 'capped at 4 KiB');
    assert.equal(r.tests[1]!.judgeMessage ?? null, null, 'a symlink to a host file is not read');
    assert.match(r.tests[2]!.message ?? '', /exit code 0/);
  });

  it('the default validator with flags runs in the pipeline (the flag semantics: unit/default-validator.test.ts)', async () => {
    const tests = [{ id: 'f', input: '', expectedOutput: '0.0314 Yes\n', weight: 1 }, { id: 'g', input: '', expectedOutput: '0.0314 YES\n', weight: 1 }];
    const checker: Checker = { kind: 'default', caseSensitive: true, spaceChangeSensitive: false, floatAbsoluteTolerance: 1e-6, floatRelativeTolerance: null };
    const r = await (await testJudge()).run(job('python', 'print("3.14000000e-2   Yes")', { tests, checker }));
    assert.deepEqual(r.tests.map((t) => [t.verdict, t.message]), [['AC', null], ['WA', 'Token 2 differs.']]);
  });
});

// The guessing game: the validator reads the secret from the input file, answers lower/higher/correct, allows 12
// guesses; end of file before the right guess is WA.
const GUESS_VALIDATOR = [
  'import sys',
  'secret = int(open(sys.argv[1]).read())',
  'fb = sys.argv[3]',
  'for n in range(1, 13):',
  '    line = sys.stdin.readline()',
  '    if not line:',
  '        open(fb + "judgemessage.txt", "w").write(f"end of input after {n - 1} guesses")',
  '        sys.exit(43)',
  '    g = int(line)',
  '    if g == secret:',
  '        print("correct", flush=True)',
  '        sys.exit(42)',
  '    print("lower" if g > secret else "higher", flush=True)',
  'open(fb + "judgemessage.txt", "w").write("too many guesses")',
  'sys.exit(43)',
].join('\n');
const BINARY_SEARCH = (after = '') => [
  'import sys',
  'lo, hi = 1, 1000',
  'while True:',
  '    g = (lo + hi) // 2',
  '    print(g, flush=True)',
  '    r = input()',
  '    if r == "correct": break',
  '    if r == "lower": hi = g - 1',
  '    else: lo = g + 1',
  after,
].join('\n');

describe('interactive problems', () => {
  const interactive: Checker = { kind: 'interactive', language: 'python', source: GUESS_VALIDATOR, files: [], flags: [] };
  const guessJob = (source: string, secrets = [700]) =>
    job('python', source, {
      tests: secrets.map((s, i) => ({ id: `g${i}`, input: `${s}\n`, expectedOutput: '', weight: 1 })),
      checker: interactive,
      limits: { timeLimitMs: 1000, wallLimitMs: 2000, memoryLimitKb: 65_536, outputLimitBytes: 65_536 },
    });

  it('AC over pipes, both sandboxed; the transcript records the exchange; the same sandboxes serve the next test', async () => {
    const r = await (await testJudge()).run(guessJob(BINARY_SEARCH(), [700, 1]));
    assert.deepEqual(r.tests.map((t) => t.verdict), ['AC', 'AC'], JSON.stringify(r.tests.map((t) => [t.message, t.judgeMessage, t.stderr])));
    assert.match(r.tests[0]!.transcript ?? '', /^>500\n<higher\n>750\n<lower\n/);
    assert.match(r.tests[0]!.transcript ?? '', /<correct\n$/);
  });

  it('WA from the validator, with its judge message', async () => {
    const r = await (await testJudge()).run(guessJob('while True:\n    print(1, flush=True)\n    input()\n'));
    assert.equal(r.verdict, 'WA');
    assert.equal(r.tests[0]!.judgeMessage, 'too many guesses');
  });

  it('a program that never flushes is TLE (wall limit), one that crashes after a correct exchange is RE', async () => {
    const judge = await testJudge();
    const [stuck, crash] = await Promise.all([
      judge.run(guessJob('import sys\nprint(500)\nsys.stdin.readline()\n')),
      judge.run(guessJob(BINARY_SEARCH('sys.exit(3)'))),
    ]);
    assert.equal(stuck.verdict, 'TLE');
    assert.equal(crash.verdict, 'RE');
    assert.match(crash.tests[0]!.transcript ?? '', /<correct\n$/, 'the exchange was correct');
  });

  it("a program cannot read the validator's files (input with the secret, the answer, the feedback dir)", async () => {
    const src = [
      'import os',
      'found = None',
      'for p in ["/box/input", "/box/judge_answer", "/judge/cache/input", "input", "../validator-box/input"]:',
      '    try:',
      '        found = int(open(p).read()); break',
      '    except Exception:',
      '        pass',
      'print(sorted(os.listdir("/judge/cache")) == ["from-prog", "from-val", "to-prog", "to-val"] and found or 0, flush=True)',
    ].join('\n');
    const r = await (await testJudge()).run(guessJob(src));
    assert.equal(r.verdict, 'WA', 'it had to guess (0), the secret 700 was out of reach');
    assert.equal(r.tests[0]!.transcript, '>0\n<higher\n');
  });
});

describe('scored test groups', () => {
  const tests: JudgeJob['tests'] = [
    { id: 'a', input: '1 2\n', expectedOutput: '3\n', weight: 1, group: 'small' },
    { id: 'b', input: '2 2\n', expectedOutput: '4\n', weight: 1, group: 'small' },
    { id: 'c', input: '5 5\n', expectedOutput: '10\n', weight: 1, group: 'large' },
    { id: 'd', input: '10 -4\n', expectedOutput: '6\n', weight: 1, group: 'large' },
  ];
  const scoring = { type: 'scored' as const, groups: [{ name: 'small', points: 40, rule: 'sum' as const }, { name: 'large', points: 60, rule: 'min' as const }] };

  it('sum gives part of a group, min all or nothing; every test runs even with stopOnFirstFailure', async () => {
    const judge = await testJudge();
    const wrongOnD = await judge.run(job('python', AB_HALF, { tests, scoring, stopOnFirstFailure: true }));
    assert.equal(wrongOnD.tests.length, 4);
    assert.deepEqual(wrongOnD.groups?.map((g) => [g.name, g.points, g.maxPoints, g.verdict]), [['small', 40, 40, 'AC'], ['large', 0, 60, 'WA']]);
    assert.equal(wrongOnD.points, 40);
    assert.equal(wrongOnD.score, 0.4);
    const wrongOnA = await judge.run(job('python', 'a, b = map(int, input().split())\nprint(a + b + (1 if a == 1 else 0))\n', { tests, scoring }));
    assert.deepEqual(wrongOnA.groups?.map((g) => g.points), [20, 60]);
    assert.equal(wrongOnA.points, 80);
    assert.equal(wrongOnA.maxPoints, 100);
  });
});

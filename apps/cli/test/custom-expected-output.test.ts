// A Run's custom input gets an expected output from the problem's reference solution (issue 19), judged by the
// real worker in the sandbox: the verdict compares with it; without a reference solution the output is shown
// unchecked ("Ran"); the reference runs on the custom input only, so no hidden test's data reaches the student.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProblemPackage } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { startPlatform, waitForVerdict, type Platform } from './helpers/platform-harness.js';

const HIDDEN_INPUT = '424242 171717\n';
const HIDDEN_OUTPUT = '595959\n';

function pkg(slug: string, withReference: boolean): ProblemPackage {
  return {
    format: 'logicode-problem@1',
    problem: {
      slug, title: slug, statement: 'Print a + b.', category: 'math', difficulty: 'easy', tags: [], style: 'stdio',
      timeLimitMs: 1000, memoryLimitKb: 262_144, checker: { kind: 'exact' }, timedDurationSec: null, isPublished: true,
    },
    languages: [{ language: 'python', starterCode: '', driverCode: null }, { language: 'c', starterCode: '', driverCode: null }],
    tests: [
      { input: '1 2\n', expectedOutput: '3\n', isSample: true, weight: 1 },
      { input: HIDDEN_INPUT, expectedOutput: HIDDEN_OUTPUT, isSample: false, weight: 1 },
    ],
    // The reference fails on a negative first number, to show why a custom output may go unchecked.
    solutions: withReference
      ? [{ language: 'python', source: 'import sys\na, b = map(int, input().split())\nif a < 0:\n    sys.exit(3)\nprint(a + b)\n' }]
      : [],
  };
}

const SUM_PY = 'a, b = map(int, input().split())\nprint(a + b)\n';
const OFF_BY_ONE_PY = 'a, b = map(int, input().split())\nprint(a + b + (1 if a > 100 else 0))\n';

for (const dialect of TEST_DIALECTS) {
  describe(`custom input expected output [${dialect}]`, () => {
    let p: Platform;
    let student: Awaited<ReturnType<Platform['user']>>;
    let withRef: number;
    let withoutRef: number;

    before(async () => {
      p = await startPlatform(dialect);
      const admin = await p.user('admin');
      const actor = { userId: admin.id, role: 'admin' as const, name: 'admin' };
      withRef = (await p.runtime.core.problems.importPackage(pkg('sum-ref', true), actor, { trusted: true })).id;
      withoutRef = (await p.runtime.core.problems.importPackage(pkg('sum-noref', false), actor, { trusted: true })).id;
      student = await p.user('student');
    });
    after(() => p.close());

    const run = async (problemId: number, code: string, customInput: string) => {
      const response = await p.app.inject({
        method: 'POST', url: '/api/submissions', headers: student.headers,
        payload: { problemId, language: 'python', mode: 'run', code, customInput },
      });
      assert.equal(response.statusCode, 202, response.body);
      const done = await waitForVerdict(p, response.json().id, student.headers);
      return { done, custom: done.tests.find((t: { isCustom: boolean }) => t.isCustom), body: JSON.stringify(done) };
    };

    it('compares the custom output with the reference solution\'s: WA with the expected output shown, AC when equal', async () => {
      const wrong = await run(withRef, OFF_BY_ONE_PY, '200 300\n');
      assert.equal(wrong.custom.expectedOutput, '500\n', 'the reference solution\'s output');
      assert.equal(wrong.custom.output.trim(), '501');
      assert.equal(wrong.custom.verdict, 'WA');
      assert.equal(wrong.done.verdict, 'WA', 'the headline counts the custom test');
      const right = await run(withRef, SUM_PY, '200 300\n');
      assert.deepEqual([right.custom.verdict, right.custom.expectedOutput, right.done.verdict], ['AC', '500\n', 'AC']);
      // Only the custom input was given to the reference: nothing of the hidden test is in the answer.
      for (const answer of [wrong.body, right.body]) {
        assert.ok(!answer.includes(HIDDEN_INPUT.trim()) && !answer.includes(HIDDEN_OUTPUT.trim()), 'no hidden test data');
      }
    });

    it('shows the output unchecked, with the reason, when the reference solution fails on the input', async () => {
      const { custom } = await run(withRef, SUM_PY, '-1 5\n');
      assert.equal(custom.expectedOutput, null);
      assert.equal(custom.verdict, 'AC', 'ran cleanly; nothing to compare with');
      assert.match(custom.message, /reference solution did not finish cleanly on this input \(Runtime Error\)/i);
    });

    it('without a reference solution: expectedOutput null and no message (the page says "Ran")', async () => {
      const { custom, done } = await run(withoutRef, OFF_BY_ONE_PY, '200 300\n');
      assert.deepEqual([custom.expectedOutput, custom.verdict, custom.message, custom.output.trim()], [null, 'AC', null, '501']);
      assert.equal(done.tests.length, 2, 'the sample and the custom input only');
      assert.ok(!JSON.stringify(done).includes(HIDDEN_INPUT.trim()));
    });
  });
}

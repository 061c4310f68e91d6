// A scored problem with a package-format validator, through HTTP with the real worker and sandbox (issue 17):
// points per test group stored and shown, the score by points; a validator's judgemessage.txt reaches staff on every
// test but the student only on samples (a hidden test's validator writes the answer into it); an interactive
// problem's sample transcript reaches the problem page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProblemPackage } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { startPlatform, waitForVerdict, type Platform } from './helpers/platform-harness.js';

// Tells the answer in its judge message: fine for the author, a leak if a student saw it on a hidden test.
const VALIDATOR = [
  'import sys',
  'want = open(sys.argv[2]).read().split()',
  'got = sys.stdin.read().split()',
  'open(sys.argv[3] + "judgemessage.txt", "w").write("the answer is " + " ".join(want))',
  'sys.exit(42 if got == want else 43)',
].join('\n');

const fields: Omit<ProblemPackage['problem'], 'slug' | 'checker'> = {
  title: 'Scored sum', statement: 'Add two numbers.', category: 'math', difficulty: 'easy', tags: [], style: 'stdio',
  timeLimitMs: 2000, memoryLimitKb: 262_144, timedDurationSec: null, isPublished: true,
};

const scored: ProblemPackage = {
  format: 'logicode-problem@1',
  problem: {
    ...fields,
    slug: 'scored-sum',
    checker: { kind: 'custom', protocol: 'package', language: 'python', source: VALIDATOR, files: [], flags: [] },
    scoring: { type: 'scored', groups: [{ name: 'small', points: 40, rule: 'sum' }, { name: 'large', points: 60, rule: 'min' }] },
  },
  languages: [{ language: 'python', starterCode: '', driverCode: null }],
  tests: [
    { input: '1 1\n', expectedOutput: '2\n', isSample: true, weight: 1, group: null },
    { input: '1 2\n', expectedOutput: '3\n', isSample: false, weight: 1, group: 'small' },
    { input: '2 2\n', expectedOutput: '4\n', isSample: false, weight: 1, group: 'small' },
    { input: '500 500\n', expectedOutput: '1000\n', isSample: false, weight: 1, group: 'large' },
    { input: '700 5\n', expectedOutput: '705\n', isSample: false, weight: 1, group: 'large' },
  ],
  solutions: [],
};

const interactive: ProblemPackage = {
  format: 'logicode-problem@1',
  problem: {
    ...fields,
    slug: 'guess-it',
    checker: { kind: 'interactive', language: 'python', source: 'import sys\nprint("ok", flush=True)\nsys.exit(42)\n', files: [], flags: [] },
  },
  languages: [{ language: 'python', starterCode: '', driverCode: null }],
  tests: [{ input: '7\n', expectedOutput: '', isSample: true, weight: 1, transcript: '<ok\n>7\n' }],
  solutions: [],
};

for (const dialect of TEST_DIALECTS) {
  describe(`package judging flow [${dialect}]`, () => {
    let p: Platform;
    let admin: Awaited<ReturnType<Platform['user']>>;
    let student: Awaited<ReturnType<Platform['user']>>;
    const actor = () => ({ userId: admin.id, role: 'admin' as const, name: 'admin' });

    before(async () => {
      p = await startPlatform(dialect);
      admin = await p.user('admin');
      student = await p.user('student');
    });
    after(() => p.close());

    it('points per group, the score by points; the judge message of a hidden test is for staff only', async () => {
      const problemId = (await p.runtime.core.problems.importPackage(scored, actor(), { trusted: true })).id;
      // Wrong on the last large test only: small 40 of 40, large (min) 0 of 60.
      const code = 'a, b = map(int, input().split())\nprint(a + b + (1 if a == 700 else 0))\n';
      const response = await p.app.inject({ method: 'POST', url: '/api/submissions', headers: student.headers, payload: { problemId, language: 'python', mode: 'submit', code } });
      assert.equal(response.statusCode, 202);
      const done = await waitForVerdict(p, response.json().id, student.headers);
      assert.equal(done.verdict, 'WA');
      assert.equal(done.score, 40);
      assert.deepEqual(done.groups.map((g: { name: string; points: number; maxPoints: number }) => [g.name, g.points, g.maxPoints]), [['small', 40, 40], ['large', 0, 60]]);
      assert.equal(done.tests[0].judgeMessage, 'the answer is 2', 'a sample: the student sees the judge message');
      assert.deepEqual(done.tests.slice(1).map((t: { judgeMessage: unknown }) => t.judgeMessage), [null, null, null, null]);
      const studentView = (await p.app.inject({ method: 'GET', url: `/api/submissions/${done.id}`, headers: student.headers })).body;
      assert.ok(!studentView.includes('the answer is 705'), 'no hidden answer reaches the student');
      const staff = (await p.app.inject({ method: 'GET', url: `/api/submissions/${done.id}`, headers: admin.headers })).json();
      assert.equal(staff.tests[4].judgeMessage, 'the answer is 705', 'the author sees what the validator wrote');
      assert.equal(staff.groups.length, 2);
      // A Run judges the samples only and carries no points.
      const run = await p.app.inject({ method: 'POST', url: '/api/submissions', headers: student.headers, payload: { problemId, language: 'python', mode: 'run', code } });
      const ran = await waitForVerdict(p, run.json().id, student.headers);
      assert.equal(ran.verdict, 'AC');
      assert.equal(ran.groups, undefined);
    });

    it("an interactive problem's sample shows its transcript on the problem page", async () => {
      const problemId = (await p.runtime.core.problems.importPackage(interactive, actor(), { trusted: true })).id;
      const detail = (await p.app.inject({ method: 'GET', url: `/api/problems/${problemId}`, headers: student.headers })).json();
      assert.equal(detail.checkerKind, 'interactive');
      assert.equal(detail.sampleTests[0].transcript, '<ok\n>7\n');
    });
  });
}

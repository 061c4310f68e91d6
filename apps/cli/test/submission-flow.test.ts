// Run and Submit through HTTP with the real worker and sandbox; per-test progress over Socket.IO; solved and
// the leaderboard updated exactly once; hidden tests never revealed; admin saves validated by the judge.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProblemPackage } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { loadSeedProblems } from '../src/seed-problems.js';
import { startPlatform, waitForVerdict, type Platform } from './helpers/platform-harness.js';

const seeds = loadSeedProblems();
const twoSum = seeds.find((p) => p.problem.slug === 'two-sum')!;
const solution = (pkg: ProblemPackage, language: string) => pkg.solutions.find((s) => s.language === language)!.source;
const starter = (pkg: ProblemPackage, language: string) => pkg.languages.find((l) => l.language === language)!.starterCode;

for (const dialect of TEST_DIALECTS) {
  describe(`submission flow [${dialect}]`, () => {
    let p: Platform;
    let admin: Awaited<ReturnType<Platform['user']>>;
    let student: Awaited<ReturnType<Platform['user']>>;
    let problemId: number;

    before(async () => {
      p = await startPlatform(dialect);
      admin = await p.user('admin');
      student = await p.user('student');
      const created = await p.runtime.core.problems.importPackage(twoSum, { userId: admin.id, role: 'admin', name: 'admin' }, { trusted: true });
      problemId = created.id;
    });
    after(() => p.close());

    it('Run reports each sample, shows its data, and runs a custom input', async () => {
      const response = await p.app.inject({
        method: 'POST', url: '/api/submissions', headers: student.headers,
        payload: { problemId, language: 'python', mode: 'run', code: starter(twoSum, 'python'), customInput: '2 5\n1 4\n' },
      });
      assert.equal(response.statusCode, 202);
      const done = await waitForVerdict(p, response.json().id, student.headers);
      const samples = twoSum.tests.filter((t) => t.isSample).length;
      assert.equal(done.tests.length, samples + 1);
      assert.equal(done.verdict, 'WA');
      const custom = done.tests.find((t: { isCustom: boolean }) => t.isCustom);
      assert.equal(custom.output.trim(), '0 0', 'the custom input ran and its output is shown');
      // Two Sum has reference solutions: the custom input's expected output is the reference's (issue 19).
      assert.equal(custom.expectedOutput.trim(), '0 1', "the reference solution's answer to the custom input");
      assert.equal(custom.verdict, 'WA');
      const firstSample = done.tests[0];
      assert.equal(firstSample.input, twoSum.tests[0]!.input);
      assert.equal(firstSample.expectedOutput, twoSum.tests[0]!.expectedOutput);
    });

    it('Submit pushes every test as it finishes, hidden ones without their data, then the verdict', async () => {
      const socket = await p.socket(student.token);
      const events: { type: string; payload: Record<string, unknown> }[] = [];
      socket.on('submission:test', (payload) => events.push({ type: 'test', payload }));
      socket.on('submission:status', (payload) => events.push({ type: 'status', payload }));
      const finished = new Promise<Record<string, unknown>>((resolve) => socket.on('submission:done', (payload) => resolve(payload.submission)));
      const response = await p.app.inject({
        method: 'POST', url: '/api/submissions', headers: student.headers,
        payload: { problemId, language: 'c', mode: 'submit', code: solution(twoSum, 'c') },
      });
      const submission = await finished;
      assert.equal(submission.id, response.json().id);
      assert.equal(submission.verdict, 'AC');
      assert.equal(submission.score, 100);
      const tests = events.filter((e) => e.type === 'test');
      assert.equal(tests.length, twoSum.tests.length, 'one push per test, before the verdict');
      assert.deepEqual(tests.map((e) => (e.payload.result as { index: number }).index), [...twoSum.tests.keys()]);
      for (const event of tests) {
        const result = event.payload.result as { isSample: boolean; input: unknown; output: unknown; expectedOutput: unknown };
        if (!result.isSample) assert.deepEqual([result.input, result.output, result.expectedOutput], [null, null, null]);
      }
      assert.ok(events.some((e) => e.type === 'status' && e.payload.status === 'running'));
      const viaHttp = (await p.app.inject({ method: 'GET', url: `/api/submissions/${submission.id}`, headers: student.headers })).body;
      const hidden = twoSum.tests.find((t) => !t.isSample && t.input.length > 20)!;
      assert.ok(!viaHttp.includes(hidden.input.trim()), 'a hidden input never reaches the student');
    });

    it('marks the problem solved and updates the leaderboard exactly once', async () => {
      for (const language of ['python', 'java'] as const) {
        const response = await p.app.inject({
          method: 'POST', url: '/api/submissions', headers: student.headers,
          payload: { problemId, language, mode: 'submit', code: solution(twoSum, language) },
        });
        const done = await waitForVerdict(p, response.json().id, student.headers);
        assert.equal(done.verdict, 'AC', `${language}: ${JSON.stringify(done.tests.find((t: { verdict: string }) => t.verdict !== 'AC'))}`);
      }
      const solvedRows = await p.runtime.db.db.selectFrom('solved').selectAll().where('userId', '=', student.id).execute();
      assert.equal(solvedRows.length, 1);
      const problem = await p.runtime.db.db.selectFrom('problems').select('solvedCount').where('id', '=', problemId).executeTakeFirstOrThrow();
      assert.equal(problem.solvedCount, 1);
      const board = (await p.app.inject({ method: 'GET', url: '/api/leaderboard', headers: student.headers })).json();
      assert.equal(board.me.solvedCount, 1);
      assert.equal(board.me.rank, 1);
      const list = (await p.app.inject({ method: 'GET', url: `/api/problems?solved=true`, headers: student.headers })).json();
      assert.deepEqual(list.items.map((i: { id: number }) => i.id), [problemId]);
      const progress = (await p.app.inject({ method: 'GET', url: '/api/me/progress', headers: student.headers })).json();
      assert.equal(progress.solvedCount, 1);
    });

    it('gives CE with the compiler message, and refuses a language the problem lacks', async () => {
      const response = await p.app.inject({
        method: 'POST', url: '/api/submissions', headers: student.headers,
        payload: { problemId, language: 'cpp', mode: 'submit', code: 'int two_sum( {' },
      });
      const done = await waitForVerdict(p, response.json().id, student.headers);
      assert.equal(done.verdict, 'CE');
      assert.match(done.compileOutput, /error/);
      const other = await p.runtime.core.problems.importPackage(
        { ...twoSum, problem: { ...twoSum.problem, slug: 'two-sum-py' }, languages: twoSum.languages.filter((l) => l.language === 'python'), solutions: [] },
        { userId: admin.id, role: 'admin', name: 'a' }, { trusted: true },
      );
      const refused = await p.app.inject({ method: 'POST', url: '/api/submissions', headers: student.headers, payload: { problemId: other.id, language: 'c', mode: 'run', code: 'x' } });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().code, 'LANGUAGE_UNAVAILABLE');
    });

    it('lets only the owner and staff read a submission', async () => {
      const other = await p.user('student');
      const list = (await p.app.inject({ method: 'GET', url: `/api/submissions?problemId=${problemId}`, headers: student.headers })).json();
      assert.ok(list.total >= 4);
      const id = list.items[0].id;
      assert.equal((await p.app.inject({ method: 'GET', url: `/api/submissions/${id}`, headers: other.headers })).statusCode, 404);
      assert.equal((await p.app.inject({ method: 'GET', url: `/api/submissions/${id}`, headers: admin.headers })).statusCode, 200);
      assert.equal((await p.app.inject({ method: 'GET', url: `/api/submissions/${id}` })).statusCode, 401);
    });

    it('validates an admin\'s problem by running its reference solutions', async () => {
      const broken: ProblemPackage = {
        ...twoSum,
        problem: { ...twoSum.problem, slug: 'two-sum-broken' },
        solutions: twoSum.solutions.map((s) => (s.language === 'python' ? { ...s, source: starter(twoSum, 'python') } : s)),
      };
      const refused = await p.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin.headers, payload: broken });
      assert.equal(refused.statusCode, 422, refused.body);
      const body = refused.json();
      assert.equal(body.code, 'PROBLEM_INVALID');
      assert.match(body.message, /Python 3 reference solution fails test 1 \(WA\)/);
      assert.deepEqual(body.details.map((d: { language: string }) => d.language), ['python']);
      const good = { ...twoSum, problem: { ...twoSum.problem, slug: 'two-sum-good' } };
      const saved = await p.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin.headers, payload: good });
      assert.equal(saved.statusCode, 201, saved.body);
    });
  });
}

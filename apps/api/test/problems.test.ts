import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { HIDDEN_INPUT, HIDDEN_OUTPUT, SECRET_SOLUTION_MARK, sumPackage } from './helpers/fixtures.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

type Headers = { authorization: string };

for (const dialect of TEST_DIALECTS) {
  describe(`problem catalog [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let teacher: Headers;
    let student: { id: number; headers: Headers };
    const ids: Record<string, number> = {};

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      teacher = (await t.userWithRole('teacher')).headers;
      student = await t.userWithRole('student');
      const specs = [
        { slug: 'sum-two', title: 'Sum of Two Numbers', category: 'math', difficulty: 'easy', tags: ['basics', 'arithmetic'] },
        { slug: 'graph-walk', title: 'Walk the Graph', category: 'graphs', difficulty: 'hard', tags: ['bfs'] },
        { slug: 'string-flip', title: 'Flip a String', category: 'strings', difficulty: 'easy', tags: ['basics'], statement: 'Reverse a palindrome candidate.' },
        { slug: 'draft-one', title: 'Unpublished Draft', category: 'math', difficulty: 'medium', tags: [], isPublished: false },
      ] as const;
      for (const spec of specs) {
        const pkg = sumPackage({ ...spec, tags: [...spec.tags] });
        const created = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: pkg });
        assert.equal(created.statusCode, 201, created.body);
        ids[spec.slug] = created.json().id;
      }
      const now = Date.now();
      await t.runtime.db.db.insertInto('solved').values({ userId: student.id, problemId: ids['graph-walk']!, submissionId: 1, solvedAtMs: now }).execute();
    });
    after(() => t.close());

    it('lists published problems with pagination for anonymous callers (solved = null)', async () => {
      const page1 = await t.app.inject({ method: 'GET', url: '/api/problems?pageSize=2&page=1' });
      assert.equal(page1.statusCode, 200);
      const body = page1.json();
      assert.equal(body.total, 3, 'the unpublished draft is not listed');
      assert.equal(body.items.length, 2);
      assert.equal(body.items[0].solved, null);
      const page2 = (await t.app.inject({ method: 'GET', url: '/api/problems?pageSize=2&page=2' })).json();
      assert.equal(page2.items.length, 1);
      const seen = [...body.items, ...page2.items].map((p: { slug: string }) => p.slug);
      assert.equal(new Set(seen).size, 3);
    });

    it('searches title and statement, case-insensitively', async () => {
      const byTitle = (await t.app.inject({ method: 'GET', url: '/api/problems?q=GRAPH' })).json();
      assert.deepEqual(byTitle.items.map((p: { slug: string }) => p.slug), ['graph-walk']);
      const byStatement = (await t.app.inject({ method: 'GET', url: '/api/problems?q=palindrome' })).json();
      assert.deepEqual(byStatement.items.map((p: { slug: string }) => p.slug), ['string-flip']);
      const literalPercent = (await t.app.inject({ method: 'GET', url: '/api/problems?q=%25' })).json();
      assert.equal(literalPercent.total, 0, '% is matched literally, not as a wildcard');
    });

    it('filters by category, difficulty, tags and the caller\'s solved state', async () => {
      const get = async (query: string, headers?: Headers) =>
        (await t.app.inject({ method: 'GET', url: `/api/problems?${query}`, headers })).json().items.map((p: { slug: string }) => p.slug).sort();
      assert.deepEqual(await get('category=math'), ['sum-two']);
      assert.deepEqual(await get('difficulty=easy'), ['string-flip', 'sum-two']);
      assert.deepEqual(await get('tags=basics'), ['string-flip', 'sum-two']);
      assert.deepEqual(await get('tags=basics,arithmetic'), ['sum-two']);
      assert.deepEqual(await get('solved=true', student.headers), ['graph-walk']);
      assert.deepEqual(await get('solved=false', student.headers), ['string-flip', 'sum-two']);
      const mine = (await t.app.inject({ method: 'GET', url: '/api/problems?q=graph', headers: student.headers })).json();
      assert.equal(mine.items[0].solved, true);
    });

    it('sorts by difficulty and title', async () => {
      const byDifficulty = (await t.app.inject({ method: 'GET', url: '/api/problems?sort=difficulty&order=desc' })).json();
      assert.equal(byDifficulty.items[0].slug, 'graph-walk');
      const byTitle = (await t.app.inject({ method: 'GET', url: '/api/problems?sort=title' })).json();
      assert.deepEqual(byTitle.items.map((p: { title: string }) => p.title), ['Flip a String', 'Sum of Two Numbers', 'Walk the Graph']);
    });

    it('refuses bad query values with a 400 JSON body', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/problems?difficulty=impossible&pageSize=1000' });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().code, 'VALIDATION');
    });

    it('shows students and teachers sample tests only: no hidden tests, drivers or reference solutions', async () => {
      for (const headers of [undefined, student.headers, teacher]) {
        const detail = await t.app.inject({ method: 'GET', url: `/api/problems/${ids['sum-two']}`, headers });
        assert.equal(detail.statusCode, 200);
        const body = detail.json();
        assert.equal(body.sampleTests.length, 2);
        assert.equal(body.hiddenTestCount, 2);
        assert.ok(!detail.body.includes(HIDDEN_INPUT.trim()), 'hidden input never sent');
        assert.ok(!detail.body.includes(HIDDEN_OUTPUT.trim()), 'hidden output never sent');
        assert.ok(!detail.body.includes(SECRET_SOLUTION_MARK), 'reference solution never sent');
        assert.equal(body.starterCode.length, 2);
        const list = await t.app.inject({ method: 'GET', url: '/api/problems', headers });
        assert.ok(!list.body.includes(SECRET_SOLUTION_MARK));
      }
    });

    it('says whether a problem is proctored, following the per-problem rules', async () => {
      const id = ids['string-flip']!;
      const proctored = async () => (await t.app.inject({ method: 'GET', url: `/api/problems/${id}`, headers: student.headers })).json().proctored;
      // Untimed practice is not recorded unless the problem's own rules turn it on (docs/proctoring.md).
      assert.equal(await proctored(), false, 'practice is not proctored by default');
      const global = (await t.app.inject({ method: 'GET', url: '/api/teacher/proctor-settings', headers: teacher })).json();
      const set = await t.app.inject({ method: 'PUT', url: `/api/teacher/problems/${id}/proctor-settings`, headers: teacher, payload: { override: { ...global, enabled: true } } });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(await proctored(), true);
      await t.app.inject({ method: 'PUT', url: `/api/teacher/problems/${id}/proctor-settings`, headers: teacher, payload: { override: { ...global, enabled: false } } });
      assert.equal(await proctored(), false);
    });

    it('hides unpublished problems from students but not from staff', async () => {
      const asStudent = await t.app.inject({ method: 'GET', url: `/api/problems/${ids['draft-one']}`, headers: student.headers });
      assert.equal(asStudent.statusCode, 404);
      const asTeacher = await t.app.inject({ method: 'GET', url: `/api/problems/${ids['draft-one']}`, headers: teacher });
      assert.equal(asTeacher.statusCode, 200);
    });

    it('round-trips a problem through export and import', async () => {
      const exported = await t.app.inject({ method: 'GET', url: `/api/admin/problems/${ids['sum-two']}/export`, headers: admin });
      assert.equal(exported.statusCode, 200);
      const pkg = exported.json();
      assert.equal(pkg.format, 'logicode-problem@1');
      assert.equal(pkg.tests.length, 4);
      assert.ok(pkg.solutions.some((s: { source: string }) => s.source.includes(SECRET_SOLUTION_MARK)));
      const clash = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: pkg });
      assert.equal(clash.statusCode, 409);
      assert.equal(clash.json().code, 'SLUG_TAKEN');
      pkg.problem.slug = 'sum-two-copy';
      const imported = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: pkg });
      assert.equal(imported.statusCode, 201);
      const again = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${imported.json().id}/export`, headers: admin })).json();
      assert.deepEqual({ ...again, problem: { ...again.problem, slug: 'sum-two' } }, { ...pkg, problem: { ...pkg.problem, slug: 'sum-two' } });
    });

    it('edits tests and solutions one at a time', async () => {
      const id = ids['string-flip']!;
      const added = await t.app.inject({ method: 'POST', url: `/api/admin/problems/${id}/tests`, headers: admin, payload: { input: '2 2\n', expectedOutput: '4\n', weight: 3 } });
      assert.equal(added.statusCode, 201);
      const testId = added.json().id;
      const changed = await t.app.inject({ method: 'PUT', url: `/api/admin/problems/${id}/tests/${testId}`, headers: admin, payload: { input: '2 3\n', expectedOutput: '5\n', isSample: false, weight: 1 } });
      assert.equal(changed.json().expectedOutput, '5\n');
      const removed = await t.app.inject({ method: 'DELETE', url: `/api/admin/problems/${id}/tests/${testId}`, headers: admin });
      assert.equal(removed.statusCode, 200);
      const solution = await t.app.inject({ method: 'PUT', url: `/api/admin/problems/${id}/solutions/python`, headers: admin, payload: { source: 'print(sum(map(int, input().split())))\n' } });
      assert.equal(solution.statusCode, 200);
      const full = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}`, headers: admin })).json();
      assert.equal(full.tests.length, 4);
      assert.equal(full.solutions.find((s: { language: string }) => s.language === 'python').source, 'print(sum(map(int, input().split())))\n');
      const wrongLanguage = await t.app.inject({ method: 'PUT', url: `/api/admin/problems/${id}/solutions/java`, headers: admin, payload: { source: 'class Main {}' } });
      assert.equal(wrongLanguage.statusCode, 400, 'a solution for a language the problem does not offer is refused');
    });

    it('refuses an invalid problem with details', async () => {
      const pkg = sumPackage({ slug: 'fn-without-driver', style: 'function' });
      const response = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: pkg });
      assert.equal(response.statusCode, 400);
      assert.ok(response.json().details.some((d: { path: string }) => d.path.endsWith('driverCode')));
    });
  });
}

// What counts for plagiarism (each student's latest accepted, else latest, Submit; staff never) and how the
// worker's results are stored: a user's pairs replaced, a run's pairs replacing all. Real SQLite and MariaDB.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlagiarismPair } from '@logicode/contracts';
import { TEST_DIALECTS, createTestDatabase, type TestDatabase } from '@logicode/db/testing';
import { createRuntime, selectCounted, type Runtime } from '../src/index.js';

describe('selectCounted', () => {
  it('takes the latest accepted Submit per student, else the latest', () => {
    const rows = [
      { id: 1, userId: 1, language: 'c' as const, verdict: 'AC' },
      { id: 2, userId: 1, language: 'c' as const, verdict: 'WA' },
      { id: 3, userId: 2, language: 'python' as const, verdict: 'WA' },
      { id: 5, userId: 2, language: 'python' as const, verdict: 'TLE' },
      { id: 4, userId: 3, language: 'java' as const, verdict: 'AC' },
      { id: 6, userId: 3, language: 'java' as const, verdict: 'AC' },
    ];
    assert.deepEqual(selectCounted(rows).map((r) => r.id), [1, 5, 6]);
    assert.deepEqual(selectCounted([...rows].reverse()).map((r) => r.id), [1, 5, 6], 'order of the rows does not matter');
  });
});

const pair = (left: number, right: number, leftUserId: number, rightUserId: number, similarity: number): PlagiarismPair => ({
  leftId: left, rightId: right, leftUserId, rightUserId, language: 'python', similarity, longestFragmentTokens: 20,
  leftMatchedTokens: 20, rightMatchedTokens: 20, leftTotalTokens: 30, rightTotalTokens: 30,
  fragments: [{ left: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 5 }, right: { startLine: 3, startColumn: 1, endLine: 4, endColumn: 9 }, tokens: 20 }],
});

for (const dialect of TEST_DIALECTS) {
  describe(`plagiarism store [${dialect}]`, () => {
    let database: TestDatabase;
    let runtime: Runtime;
    let problemId: number;
    const users: Record<string, number> = {};
    let now = 1_700_000_000_000;

    async function submit(user: string, verdict: string, extra: { mode?: 'run' | 'submit'; status?: 'done' | 'queued' } = {}): Promise<number> {
      now += 1000;
      const result = await runtime.db.db.insertInto('submissions').values({
        userId: users[user]!, problemId, language: 'python', mode: extra.mode ?? 'submit', status: extra.status ?? 'done', verdict,
        score: 0, code: `print(${now})`, customInput: null, compileOutput: null, testCount: 1, maxCpuMs: 1, maxMemoryKb: 1,
        attemptId: null, autoSubmitted: 0, createdAtMs: now, startedAtMs: now, finishedAtMs: now,
      }).executeTakeFirstOrThrow();
      return Number(result.insertId);
    }

    before(async () => {
      database = await createTestDatabase(dialect);
      runtime = await createRuntime({
        db: database.config, handle: database.handle, redisUrl: null, redisPrefix: 'test:', migrate: false, validateProblems: false,
        log: () => undefined,
        core: { jwtSecret: 'x'.repeat(40), accessTokenTtlSec: 900, refreshTokenTtlSec: 3600, login: { perAccountLimit: 5, perAddressLimit: 5, windowMs: 1000 }, maxQueuedPerUser: 5 },
      });
      for (const [name, role] of [['ann', 'student'], ['bob', 'student'], ['cat', 'student'], ['tess', 'teacher']] as const) {
        users[name] = (await runtime.core.accounts.createUser({ name, email: `${name}-${dialect}@store.test`, password: 'password-123', role })).id;
      }
      const created = await runtime.db.db.insertInto('problems').values({
        slug: 'p', title: 'P', statement: 's', category: 'math', difficulty: 'easy', tags: '[]', style: 'stdio', timeLimitMs: 1000,
        memoryLimitKb: 65536, checker: '{"kind":"exact"}', timedDurationSec: null, isPublished: 1, createdBy: null, createdAtMs: now, updatedAtMs: now,
      }).executeTakeFirstOrThrow();
      problemId = Number(created.insertId);
      await runtime.db.db.insertInto('problemLanguages').values({ problemId, language: 'python', starterCode: 'def f():\n    pass\n', driverCode: 'print(f())\n' }).execute();
    });
    after(async () => {
      await runtime.platform.close();
      await database.drop();
    });

    it('selects one Submit per student: staff, Run mode and unfinished ones never count', async () => {
      const annAc = await submit('ann', 'AC');
      await submit('ann', 'WA');
      await submit('bob', 'WA');
      const bobLatest = await submit('bob', 'RE');
      await submit('bob', 'AC', { mode: 'run' });
      await submit('cat', 'WA', { status: 'queued' });
      await submit('tess', 'AC');
      const selection = await runtime.core.plagiarism.store.selection(problemId);
      assert.deepEqual(selection.map((s) => [s.userId, s.id]), [[users.ann, annAc], [users.bob, bobLatest]]);
      const sources = await runtime.core.plagiarism.store.sources(selection.map((s) => s.id));
      assert.equal(sources.size, 2);
      assert.match(sources.get(annAc)!, /^print\(\d+\)$/);
    });

    it('gives the starter code and the driver as ignored sources', async () => {
      assert.deepEqual(await runtime.core.plagiarism.store.ignoredSources(problemId), [
        { language: 'python', source: 'def f():\n    pass\n' },
        { language: 'python', source: 'print(f())\n' },
      ]);
    });

    it('replaces only one student\'s pairs, and a run replaces them all', async () => {
      const { store } = runtime.core.plagiarism;
      const [ann, bob, cat] = [users.ann!, users.bob!, users.cat!];
      await store.replaceUserPairs(problemId, ann, [pair(1, 2, ann, bob, 0.9), pair(1, 3, ann, cat, 0.7)]);
      await store.replaceUserPairs(problemId, bob, [pair(1, 2, ann, bob, 0.9), pair(2, 3, bob, cat, 0.6)]);
      const ids = async () => (await runtime.db.db.selectFrom('plagiarismPairs').select(['leftSubmissionId', 'rightSubmissionId']).where('problemId', '=', problemId)
        .orderBy('leftSubmissionId').orderBy('rightSubmissionId').execute()).map((r) => `${r.leftSubmissionId}-${r.rightSubmissionId}`);
      assert.deepEqual(await ids(), ['1-2', '1-3', '2-3']);
      await store.replaceUserPairs(problemId, cat, []);
      assert.deepEqual(await ids(), ['1-2']);

      const runId = Number((await runtime.db.db.insertInto('plagiarismRuns').values({
        problemId, status: 'queued', requestedParams: '{"threshold":0.4}', params: null, progress: 0, submissionCount: 0, pairCount: 0,
        error: null, requestedBy: null, createdAtMs: now, startedAtMs: null, finishedAtMs: null,
      }).executeTakeFirstOrThrow()).insertId);
      const run = await store.startRun(runId);
      assert.deepEqual(run, { runId, problemId, requestedParams: { threshold: 0.4 } });
      assert.deepEqual(await store.currentParams(problemId), { threshold: 0.4 });
      await store.finishRun(run!, [pair(4, 5, ann, cat, 0.5)], 3);
      assert.deepEqual(await ids(), ['4-5']);
      const row = await runtime.db.db.selectFrom('plagiarismRuns').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
      assert.deepEqual([row.status, Number(row.progress), row.pairCount, row.submissionCount], ['done', 1, 1, 3]);
      assert.equal(await store.startRun(runId), null, 'a finished run is not started again');
      assert.deepEqual(await store.unfinishedRunIds(), []);
    });
  });
}

// Plagiarism in the running platform: a teacher's run on the worker over stored submissions (progress over
// Socket.IO, the expected pair with its regions), and the incremental check of newly judged Submits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlagiarismPairDetail, PlagiarismProgressPayload, PlagiarismReport } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { startPlatform, waitForVerdict, type Platform } from './helpers/platform-harness.js';
import { corpus, createKnapsackProblem, insertJudged, STARTER_PY } from './plagiarism-fixtures.js';

type User = Awaited<ReturnType<Platform['user']>>;

async function report(p: Platform, problemId: number, headers: User['headers'], query = ''): Promise<PlagiarismReport> {
  const response = await p.app.inject({ method: 'GET', url: `/api/teacher/problems/${problemId}/plagiarism${query}`, headers });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of TEST_DIALECTS) {
  describe(`plagiarism in the platform [${dialect}]`, () => {
    let p: Platform;
    let teacher: User;
    let admin: User;
    const students: User[] = [];

    before(async () => {
      p = await startPlatform(dialect, { workerRoles: 'judge,plagiarism' });
      admin = await p.user('admin');
      teacher = await p.user('teacher');
      for (let i = 0; i < 5; i += 1) students.push(await p.user('student'));
      // The teacher sees the students of their own classes (docs/access.md): these five are in the teacher's class.
      const { db } = p.runtime.db;
      const classId = Number((await db.insertInto('classes').values({ name: 'Plagiarism class', teacherId: teacher.id, joinCode: 'PLAGCLAS', createdAtMs: Date.now() }).executeTakeFirstOrThrow()).insertId);
      await db.insertInto('classMembers').values(students.map((s) => ({ classId, userId: s.id, joinedAtMs: Date.now() }))).execute();
    });
    after(() => p.close());

    it('a teacher\'s run finds exactly the copy pair, with progress pushed and regions for both sides', async () => {
      const problemId = await createKnapsackProblem(p.runtime, admin.id);
      const [a, b, c, d, e] = students.map((s) => s.id) as [number, number, number, number, number];
      // a: the same original twice (WA, then AC): one counted submission, never paired with itself.
      await insertJudged(p.runtime, { userId: a, problemId, code: corpus('original.py'), verdict: 'WA' });
      const aId = await insertJudged(p.runtime, { userId: a, problemId, code: corpus('original.py'), verdict: 'AC' });
      // b: the disguised copy accepted, then a later wrong starter-only try: the accepted one counts.
      const bId = await insertJudged(p.runtime, { userId: b, problemId, code: corpus('copy-1.py'), verdict: 'AC' });
      await insertJudged(p.runtime, { userId: b, problemId, code: STARTER_PY, verdict: 'WA' });
      await insertJudged(p.runtime, { userId: c, problemId, code: corpus('independent.py'), verdict: 'AC' });
      await insertJudged(p.runtime, { userId: d, problemId, code: STARTER_PY, verdict: 'WA' });
      await insertJudged(p.runtime, { userId: e, problemId, code: STARTER_PY, verdict: 'WA' });
      // The teacher's own solution never counts.
      await insertJudged(p.runtime, { userId: teacher.id, problemId, code: corpus('original.py'), verdict: 'AC' });

      const socket = await p.socket(teacher.token);
      // The run's progress reaches the teacher who asked for it on their own feed (feed:problem is the admins').
      const joined = await socket.emitWithAck('feed:join', `feed:teacher:${teacher.id}`);
      assert.equal(joined.ok, true);
      const events: PlagiarismProgressPayload[] = [];
      const finished = new Promise<void>((resolve) => socket.on('plagiarism:progress', (payload: PlagiarismProgressPayload) => {
        events.push(payload);
        if (payload.status === 'done' || payload.status === 'failed') resolve();
      }));
      const response = await p.app.inject({ method: 'POST', url: `/api/teacher/problems/${problemId}/plagiarism`, headers: teacher.headers });
      assert.equal(response.statusCode, 202, response.body);
      const { runId } = response.json() as { runId: number };
      await finished;

      assert.ok(events.every((ev) => ev.runId === runId && ev.problemId === problemId));
      assert.ok(events.some((ev) => ev.phase === 'indexing'), 'progress while indexing');
      const progress = events.map((ev) => ev.progress);
      assert.deepEqual(progress, [...progress].sort((x, y) => x - y), 'progress only grows');
      assert.deepEqual(events.at(-1), { runId, problemId, status: 'done', phase: 'done', progress: 1, submissionCount: 5, pairCount: 1 });

      const body = await report(p, problemId, teacher.headers);
      assert.equal(body.run?.status, 'done');
      assert.equal(body.run?.params?.k, 12, 'the parameters used are stored');
      assert.equal(body.run?.submissionCount, 5);
      assert.equal(body.total, 1, JSON.stringify(body.items));
      const [pair] = body.items;
      assert.deepEqual([pair!.left.submissionId, pair!.right.submissionId], [aId, bId]);
      assert.deepEqual([pair!.left.userId, pair!.right.userId], [a, b]);
      const names = await p.runtime.db.db.selectFrom('users').select(['id', 'name']).where('id', 'in', [a, b]).execute();
      assert.deepEqual([pair!.left.userName, pair!.right.userName], [a, b].map((id) => names.find((n) => n.id === id)!.name));
      assert.ok(pair!.similarity >= 0.5 && pair!.fragmentCount > 0, `similarity ${pair!.similarity}`);

      const detailResponse = await p.app.inject({ method: 'GET', url: `/api/teacher/plagiarism/pairs/${pair!.id}`, headers: admin.headers });
      assert.equal(detailResponse.statusCode, 200, detailResponse.body);
      const detail = detailResponse.json() as PlagiarismPairDetail;
      assert.equal(detail.left.code, corpus('original.py'));
      assert.equal(detail.right.code, corpus('copy-1.py'));
      assert.equal(detail.left.language, 'python');
      assert.equal(detail.fragments.length, pair!.fragmentCount);
      const lines = (code: string) => code.split('\n').length;
      for (const fragment of detail.fragments) {
        assert.ok(fragment.left.endLine <= lines(detail.left.code) && fragment.right.endLine <= lines(detail.right.code));
        assert.ok(fragment.left.startLine <= fragment.left.endLine && fragment.tokens >= 16);
      }
      // The knapsack table loop is in both, and not in the starter: some fragment covers it on each side.
      const covers = (code: string, region: PlagiarismPairDetail['fragments'][number]['left'], text: string) =>
        code.split('\n').slice(region.startLine - 1, region.endLine).join('\n').includes(text);
      assert.ok(detail.fragments.some((f) => covers(detail.left.code, f.left, 'best[i][c] = best[i - 1][c - weight] + value')
        && covers(detail.right.code, f.right, 'table[i][cap] = table[i - 1][cap - w] + val')));

      assert.equal((await report(p, problemId, teacher.headers, '?minSimilarity=0.999')).total, 0);
      assert.equal((await report(p, problemId, teacher.headers, '?language=java')).total, 0);
      assert.equal((await report(p, problemId, teacher.headers, '?language=python&minSimilarity=0.5')).total, 1);
    });

    it('a run over a problem nobody submitted to is done with no pairs', async () => {
      const problemId = await createKnapsackProblem(p.runtime, admin.id);
      const response = await p.app.inject({ method: 'POST', url: `/api/teacher/problems/${problemId}/plagiarism`, headers: teacher.headers, payload: { params: { threshold: 0.3 } } });
      assert.equal(response.statusCode, 202);
      const done = await until('the empty run', async () => {
        const body = await report(p, problemId, teacher.headers);
        return body.run?.status === 'done' || body.run?.status === 'failed' ? body : null;
      });
      assert.deepEqual([done.run?.status, done.run?.submissionCount, done.run?.pairCount, done.total], ['done', 0, 0, 0]);
      assert.equal(done.run?.params?.threshold, 0.3, 'the overrides are part of the parameters used');
      assert.equal(done.run?.params?.k, 12);
    });

    it('students get 403 on every plagiarism route', async () => {
      const student = students[0]!;
      for (const [method, url] of [['POST', '/api/teacher/problems/1/plagiarism'], ['GET', '/api/teacher/problems/1/plagiarism'], ['GET', '/api/teacher/plagiarism/pairs/1']] as const) {
        const response = await p.app.inject({ method, url, headers: student.headers });
        assert.equal(response.statusCode, 403, `${method} ${url}`);
        assert.equal(response.json().code, 'FORBIDDEN');
      }
    });

    it('a newly judged Submit is checked against the earlier ones, without a run', async () => {
      const problemId = await createKnapsackProblem(p.runtime, admin.id);
      const submit = async (user: User, code: string) => {
        const response = await p.app.inject({ method: 'POST', url: '/api/submissions', headers: user.headers, payload: { problemId, language: 'python', mode: 'submit', code } });
        assert.equal(response.statusCode, 202, response.body);
        const id = (response.json() as { id: number }).id;
        await waitForVerdict(p, id, user.headers);
        return id;
      };
      const original = await submit(students[0]!, corpus('original.py'));
      await submit(students[1]!, corpus('independent.py'));
      await submit(students[2]!, STARTER_PY);
      await submit(students[3]!, STARTER_PY);
      const copy = await submit(students[4]!, corpus('copy-1.py'));
      const found = await until('the incremental pair', async () => {
        const body = await report(p, problemId, teacher.headers);
        return body.total > 0 ? body : null;
      });
      assert.equal(found.run, null, 'no run was asked for');
      // Let any check still queued finish, then the report must hold exactly the copy pair.
      await until('the plagiarism queue to drain', async () => ((await p.runtime.platform.queue('plagiarism').depth()) === 0 ? true : null));
      await new Promise((r) => setTimeout(r, 300));
      const body = await report(p, problemId, teacher.headers);
      assert.equal(body.total, 1, JSON.stringify(body.items));
      assert.deepEqual([body.items[0]!.left.submissionId, body.items[0]!.right.submissionId], [original, copy]);

      // The copier resubmits the starter: their counted submission (latest, none accepted) changes, the pair goes.
      await submit(students[4]!, STARTER_PY);
      await until('the pair to be replaced', async () => ((await report(p, problemId, teacher.headers)).total === 0 ? true : null));
    });

    it('skips the check of a Submit while a run of its problem is queued (the run reads it), not when that run is stale', async () => {
      const { db } = p.runtime.db;
      const problemId = await createKnapsackProblem(p.runtime, admin.id, `knapsack-queued-${Date.now()}`);
      const other = await createKnapsackProblem(p.runtime, admin.id, `knapsack-other-${Date.now()}`);
      await insertJudged(p.runtime, { userId: students[0]!.id, problemId, code: corpus('original.py'), verdict: 'AC' });
      const copy = await insertJudged(p.runtime, { userId: students[1]!.id, problemId, code: corpus('copy-1.py'), verdict: 'AC' });
      await insertJudged(p.runtime, { userId: students[0]!.id, problemId: other, code: corpus('original.py'), verdict: 'AC' });
      // A queued run row whose job is not (yet) taken: as if it waited in the queue behind this check.
      const now = Date.now();
      const runId = Number((await db.insertInto('plagiarismRuns').values({
        problemId, status: 'queued', requestedParams: '{}', params: null, progress: 0, submissionCount: 0, pairCount: 0, error: null,
        requestedBy: admin.id, createdAtMs: now, startedAtMs: null, finishedAtMs: null,
      }).executeTakeFirstOrThrow()).insertId);
      const pairsOf = async (id: number) => (await db.selectFrom('plagiarismPairs').select('id').where('problemId', '=', id).execute()).length;
      // The queue is first in, first out with one job at a time: once the other problem's later check stored its
      // pair, this problem's check has been handled.
      await p.runtime.core.plagiarism.reports.submissionJudged(copy);
      await p.runtime.core.plagiarism.reports.submissionJudged(await insertJudged(p.runtime, { userId: students[1]!.id, problemId: other, code: corpus('copy-1.py'), verdict: 'AC' }));
      await until('the other problem\'s pair', async () => ((await pairsOf(other)) > 0 ? true : null));
      assert.equal(await pairsOf(problemId), 0, 'the check was skipped: the queued run will read the Submit');

      // A run queued more than 30 minutes ago (its job lost) does not silence the checks.
      await db.updateTable('plagiarismRuns').set({ createdAtMs: now - 31 * 60_000 }).where('id', '=', runId).execute();
      const again = await insertJudged(p.runtime, { userId: students[1]!.id, problemId, code: corpus('copy-2.py'), verdict: 'AC' });
      await p.runtime.core.plagiarism.reports.submissionJudged(again);
      await until('the checked pair', async () => ((await pairsOf(problemId)) > 0 ? true : null));
      await db.updateTable('plagiarismRuns').set({ status: 'failed' }).where('id', '=', runId).execute();
    });
  });
}

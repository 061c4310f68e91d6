// The incremental plagiarism check off the event loop (issue 16): every index operation of a check goes to the
// index thread, a check after the thread died rebuilds and finds the same pairs, and the thread's errors come
// back as rejections rather than hanging a job. Real stores on SQLite and MariaDB.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createIndexThread, createProblemIndexes } from '@logicode/worker';
import { startPlatform, type Platform } from './helpers/platform-harness.js';
import { corpus, createKnapsackProblem, insertJudged, STARTER_PY } from './plagiarism-fixtures.js';

type Thread = ReturnType<typeof createIndexThread>;

/** The thread, with each operation it is asked for recorded (the real thread does the work). */
function recorded(thread: Thread, ops: string[]): Thread {
  return Object.assign(Object.create(thread) as Thread, {
    create: async (...args: Parameters<Thread['create']>) => {
      ops.push('create');
      const index = await thread.create(...args);
      return {
        addAll: (subs: Parameters<typeof index.addAll>[0]) => (ops.push('addAll'), index.addAll(subs)),
        remove: (id: number) => (ops.push('remove'), index.remove(id)),
        add: (sub: Parameters<typeof index.add>[0]) => (ops.push('add'), index.add(sub)),
      };
    },
  });
}

for (const dialect of TEST_DIALECTS) {
  describe(`plagiarism index thread [${dialect}]`, () => {
    let p: Platform;
    const thread = createIndexThread();
    before(async () => {
      p = await startPlatform(dialect, { workerRoles: 'judge' });
    });
    after(async () => {
      await thread.stop();
      await p.close();
    });

    it('checks a new Submit in the index thread and stores its pair; after the thread dies the next check rebuilds', async () => {
      const admin = await p.user('admin');
      const students = [await p.user('student'), await p.user('student'), await p.user('student'), await p.user('student')];
      const problemId = await createKnapsackProblem(p.runtime, admin.id);
      const store = p.runtime.core.plagiarism.store;
      const original = await insertJudged(p.runtime, { userId: students[0]!.id, problemId, code: corpus('original.py'), verdict: 'AC' });
      await insertJudged(p.runtime, { userId: students[1]!.id, problemId, code: corpus('independent.py'), verdict: 'AC' });
      await insertJudged(p.runtime, { userId: students[2]!.id, problemId, code: STARTER_PY, verdict: 'WA' });
      const copy = await insertJudged(p.runtime, { userId: students[3]!.id, problemId, code: corpus('copy-1.py'), verdict: 'AC' });

      const ops: string[] = [];
      const indexes = createProblemIndexes(store, 16, recorded(thread, ops));
      const first = await indexes.check(problemId, copy);
      assert.deepEqual(first, { changedUsers: 1, pairs: 1 });
      assert.deepEqual(ops, ['create', 'addAll', 'add'], 'the index is built and queried in the thread');
      const pairs = await p.runtime.db.db.selectFrom('plagiarismPairs').selectAll().where('problemId', '=', problemId).execute();
      assert.deepEqual(pairs.map((r) => [r.leftSubmissionId, r.rightSubmissionId]), [[original, copy]]);
      assert.ok(JSON.parse(pairs[0]!.fragments).length === pairs[0]!.fragmentCount && pairs[0]!.fragmentCount > 0);

      // Nothing changed: a second check asks the thread for nothing.
      ops.length = 0;
      assert.deepEqual(await indexes.check(problemId, copy), { changedUsers: 0, pairs: 0 });
      assert.deepEqual(ops, []);

      // The thread dies (its indexes with it): the next check starts a new one and rebuilds, with the same pair.
      const generation = thread.generation;
      await thread.stop();
      assert.notEqual(thread.generation, generation);
      const again = await insertJudged(p.runtime, { userId: students[3]!.id, problemId, code: corpus('copy-2.py'), verdict: 'AC' });
      ops.length = 0;
      const rebuilt = await indexes.check(problemId, again);
      assert.equal(rebuilt.changedUsers, 1);
      assert.deepEqual(ops.slice(0, 2), ['create', 'addAll'], 'rebuilt in the new thread');
      const after = await p.runtime.db.db.selectFrom('plagiarismPairs').select(['leftSubmissionId', 'rightSubmissionId']).where('problemId', '=', problemId).execute();
      assert.ok(after.some((r) => r.leftSubmissionId === original && r.rightSubmissionId === again), JSON.stringify(after));
      assert.ok(!after.some((r) => r.rightSubmissionId === copy), 'the replaced submission\'s pair is gone');
    });

    it('answers a request the thread cannot serve with a rejection, not a hang', async () => {
      const index = await thread.create(424242, {}, []);
      await thread.stop();
      await assert.rejects(index.add({ id: 1, userId: 1, language: 'python', source: 'x = 1\n' }), /no index for problem 424242/);
    });
  });
}

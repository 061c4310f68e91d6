import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDb } from '@logicode/db';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, importProblem, postEvents, startAttempt, type Headers } from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`proctor ingestion, embedded [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let student: { id: number; headers: Headers };
    let other: { id: number; headers: Headers };
    let problemId: number;
    let attemptId: number;

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      student = await t.userWithRole('student');
      other = await t.userWithRole('student');
      problemId = await importProblem(t, admin);
      attemptId = (await startAttempt(t, student.headers, problemId)).attempt.id;
    });
    after(() => t.close());

    const count = async (table: 'proctorEvents' | 'codeSnapshots') =>
      Number((await t.runtime.db.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('attemptId', '=', attemptId).executeTakeFirstOrThrow()).n);

    it('refuses invalid events with reasons and keeps the valid ones of the same batch', async () => {
      const before = await count('proctorEvents');
      const good = event(problemId, attemptId, 'paste', { length: 12, place: 'editor' });
      const res = await postEvents(t, student.headers, [
        good,
        { ...event(problemId, attemptId, 'paste', { length: 5, place: 'editor' }), severity: 'low', data: { length: 5, place: 'nowhere' } },
        { ...event(problemId, attemptId, 'tab_hidden'), id: 'nope' },
        event(problemId, attemptId, 'code_snapshot', { kind: 'full', seq: 1, language: 'python', content: 'print(1)\n' }),
      ]);
      assert.equal(res.statusCode, 202, res.body);
      const body = res.json();
      assert.equal(body.accepted, 2);
      assert.deepEqual(body.rejected.map((r: { index: number }) => r.index), [1, 2]);
      assert.match(body.rejected[0].reason, /data\.place/);
      assert.match(body.rejected[1].reason, /^id:/);
      assert.equal(await count('proctorEvents'), before + 1);
      assert.equal(await count('codeSnapshots'), 1);
      const stored = await t.runtime.db.db.selectFrom('proctorEvents').selectAll().where('id', '=', good.id).executeTakeFirstOrThrow();
      assert.equal(stored.severity, 'low');
      assert.equal(stored.userId, student.id);
    });

    it('stores a batch retried after a lost response once', async () => {
      const before = await count('proctorEvents');
      const batch = [event(problemId, attemptId, 'window_blur'), event(problemId, attemptId, 'window_focus'), event(problemId, attemptId, 'right_click', { place: 'other' })];
      for (let i = 0; i < 3; i += 1) assert.equal((await postEvents(t, student.headers, batch)).statusCode, 202);
      const dup = await postEvents(t, student.headers, [batch[0], batch[0]]);
      assert.equal(dup.json().duplicates, 1);
      assert.equal(await count('proctorEvents'), before + 3);
      const row = await t.runtime.db.db.selectFrom('problemSessions').select('counters').where('id', '=', attemptId).executeTakeFirstOrThrow();
      const counters = JSON.parse(row.counters);
      assert.equal(counters.windowBlur, 1);
      assert.equal(counters.rightClick, 1);
    });

    it('refuses events for someone else\'s attempt or another problem, and whole batches that are too big', async () => {
      const res = await postEvents(t, other.headers, [event(problemId, attemptId, 'tab_hidden')]);
      assert.equal(res.statusCode, 202);
      assert.equal(res.json().accepted, 0);
      assert.match(res.json().rejected[0].reason, /not an attempt of yours/);
      const wrongProblem = await postEvents(t, student.headers, [event(problemId + 999, attemptId, 'tab_hidden')]);
      assert.equal(wrongProblem.json().accepted, 0);
      const tooMany = await postEvents(t, student.headers, Array.from({ length: 201 }, () => event(problemId, attemptId, 'window_focus')));
      assert.equal(tooMany.statusCode, 400);
      assert.equal(tooMany.json().code, 'VALIDATION');
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/proctor/events', payload: { events: [event(problemId, attemptId, 'tab_hidden')] } });
      assert.equal(anonymous.statusCode, 401);
    });

    it('accepts a sendBeacon text/plain batch and a bodiless end', async () => {
      const e = event(problemId, attemptId, 'tab_hidden');
      const res = await t.app.inject({
        method: 'POST', url: '/api/proctor/events', headers: { ...student.headers, 'content-type': 'text/plain;charset=UTF-8' },
        payload: JSON.stringify({ events: [e] }),
      });
      assert.equal(res.statusCode, 202, res.body);
      assert.equal(res.json().accepted, 1);
    });

    it('concurrent batches share commits, and each is on disk when answered 202', async () => {
      // Read through a connection of its own: it sees only committed rows (SQLite WAL, InnoDB), so a 202 sent before
      // the commit holding its batch would be caught here (the app's own SQLite connection would wait for the commit).
      const reader = createDb(t.config.db);
      try {
        const students = await Promise.all(Array.from({ length: 6 }, () => t.userWithRole('student')));
        const attempts = await Promise.all(students.map(async (s) => (await startAttempt(t, s.headers, problemId)).attempt.id));
        const checks: Promise<void>[] = [];
        const sent = students.flatMap((s, i) => Array.from({ length: 4 }, () => {
          const batch = [event(problemId, attempts[i]!, 'window_blur'), event(problemId, attempts[i]!, 'window_focus')];
          return postEvents(t, s.headers, batch).then((res) => {
            assert.equal(res.statusCode, 202, res.body);
            checks.push(reader.db.selectFrom('proctorEvents').select('id').where('id', 'in', batch.map((e) => e.id)).execute()
              .then((rows) => assert.equal(rows.length, 2, 'answered 202 before its commit')));
          });
        }));
        await Promise.all(sent);
        await Promise.all(checks);
        const rows = await reader.db.selectFrom('problemSessions').select(['id', 'counters']).where('id', 'in', attempts).execute();
        for (const row of rows) assert.equal(JSON.parse(row.counters).windowBlur, 4, 'each batch folded once into its own attempt');
      } finally {
        await reader.close();
      }
    });

    it('rate-limits a user who floods the endpoint', async () => {
      const flooder = await t.userWithRole('student');
      const aid = (await startAttempt(t, flooder.headers, problemId)).attempt.id;
      const codes: number[] = [];
      for (let i = 0; i < 125; i += 1) codes.push((await postEvents(t, flooder.headers, [event(problemId, aid, 'window_focus')])).statusCode);
      assert.equal(codes.filter((c) => c === 202).length, 120);
      assert.equal(codes.at(-1), 429);
      assert.equal((await postEvents(t, student.headers, [event(problemId, attemptId, 'window_focus')])).statusCode, 202);
    });
  });
}

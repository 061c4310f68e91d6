// Issue 18, item 2: the scaled api remembers attempt windows for a few seconds instead of reading the attempt per
// batch; a hand-in on one api process must still refuse the next event on another at once (the change goes over
// Redis pub/sub). Two apps, as two api processes: one MariaDB database, one real Redis, scaled mode.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { assessmentBody, classWith, controlClock, ok, publishedAssessment, type Person } from '../assessments/helpers.js';
import { event, importProblem, postEvents } from './helpers.js';

const REDIS_URL = process.env.LOGICODE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('attempt windows remembered by two api processes over Redis [mysql]', () => {
  let a: TestApp;
  let b: TestApp;
  let ann: Person;
  let assessmentId: number;
  let problemId: number;

  before(async () => {
    const redisPrefix = `test-windows-${randomBytes(4).toString('hex')}:`;
    // Windows remembered for 2 minutes: only the hand-in's message can make B read again within this test.
    const coreOptions = { proctoring: { attemptMemoryMs: 120_000 } };
    a = await createTestApp('mysql', {}, { scaled: { redisUrl: REDIS_URL, redisPrefix }, coreOptions });
    b = await createTestApp('mysql', {}, { scaled: { redisUrl: REDIS_URL, redisPrefix, database: a.database }, coreOptions });
    const admin = (await a.userWithRole('admin')).headers;
    const teacher = (await a.userWithRole('teacher')).headers;
    ann = await a.userWithRole('student', 'Ann');
    problemId = await importProblem(a, admin, { slug: 'w-practice', title: 'Practice' });
    const classId = await classWith(a, teacher, [ann]);
    assessmentId = await publishedAssessment(a, teacher, assessmentBody(classId, [problemId]));
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  it('an event after a hand-in on process A is refused through process B at once', async () => {
    await ok(a, 'POST', `/api/assessments/${assessmentId}/start`, ann.headers, { consent: true });
    const opened = await ok(a, 'POST', `/api/assessments/${assessmentId}/problems/${problemId}/open`, ann.headers);
    const attemptId = opened.session.attempt.id as number;
    // The server's clock (one object in this test process, so both apps') and Ann's stamps move together.
    const clock = controlClock(a);
    const at = (e: ReturnType<typeof event>) => ({ ...e, clientTsMs: clock.now() });
    // B reads the window and remembers it.
    const during = await postEvents(b, ann.headers, [at(event(problemId, attemptId, 'window_blur'))]);
    assert.equal(during.json().accepted, 1, during.body);
    // A database change without a message is not seen by B within its memory: B answers from memory.
    const sessions = () => a.database.handle.db.updateTable('problemSessions').where('id', '=', attemptId);
    await sessions().set({ isActive: 0, endedAtMs: Date.now() - 60_000, endReason: 'teacher' }).execute();
    assert.equal((await postEvents(b, ann.headers, [at(event(problemId, attemptId, 'window_focus'))])).json().accepted, 1, 'remembered, not read per batch');
    await sessions().set({ isActive: 1, endedAtMs: null, endReason: null }).execute();
    // Ann hands in on A; her next event goes to B straight away.
    await ok(a, 'POST', `/api/assessments/${assessmentId}/finish`, ann.headers);
    // 40 s later her events lie beyond the clock tolerance (30 s) past the end: refused, not a late offline flush.
    clock.advance(40_000);
    const late = await postEvents(b, ann.headers, [at(event(problemId, attemptId, 'tab_hidden'))]);
    assert.equal(late.statusCode, 202, late.body);
    assert.equal(late.json().accepted, 0, 'B refused it: the hand-in reached it over pub/sub');
    assert.match(late.json().rejected[0].reason, /ended/);
    clock.reset();
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SOCKET_EMIT_CHANNEL, type SocketEmitMessage } from '@logicode/core';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { event, postEvents } from '../proctor/helpers.js';
import {
  MINUTE_MS, assessmentBody, classWith, controlClock, inject, judge, ok, publishedAssessment, submit, twoProblems,
  type Headers, type Person,
} from './helpers.js';

/** A tiny RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; } else field += c;
  }
  return rows;
}

for (const dialect of TEST_DIALECTS) {
  describe(`assessment results: scoring, scoreboard, CSV, adjustments [${dialect}]`, () => {
    let t: TestApp;
    let teacher: Headers;
    let ann: Person;
    let ben: Person;
    let cat: Person;
    let dan: Person;
    let problems: [number, number];
    let classId: number;
    let clock: ReturnType<typeof controlClock>;

    before(async () => {
      t = await createTestApp(dialect);
      const admin = (await t.userWithRole('admin')).headers;
      teacher = (await t.userWithRole('teacher')).headers;
      ann = await t.userWithRole('student', 'Ann');
      ben = await t.userWithRole('student', 'Ben');
      cat = await t.userWithRole('student', 'Cat');
      dan = await t.userWithRole('student', '=Dan, "the man"');
      problems = await twoProblems(t, admin);
      classId = await classWith(t, teacher, [ann, ben, cat, dan]);
      clock = controlClock(t);
    });
    after(async () => {
      clock.reset();
      await t.close();
    });
    const db = () => t.runtime.db.db;
    // The client stamps events with its clock; here it shares the server's (test) clock, which the tests move
    // forward: the server refuses client times outside the attempt's window on its own clock (attempt-guard.ts).
    const onServerClock = <T extends { clientTsMs: number }>(e: T): T => ({ ...e, clientTsMs: clock.now() });

    /** Submit and judge at the current server time, then let a minute pass. */
    async function scored(student: Person, id: number, problemId: number, percent: number): Promise<number> {
      const submissionId = await submit(t, student, id, problemId);
      await judge(t, submissionId, percent);
      clock.advance(MINUTE_MS);
      return submissionId;
    }

    it('best or last submission counts, as the teacher chose', async () => {
      const best = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { title: 'Best', scoring: 'best' }));
      const last = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { title: 'Last', scoring: 'last' }));
      for (const id of [best, last]) {
        await ok(t, 'POST', `/api/assessments/${id}/start`, ann.headers, { consent: true });
        await scored(ann, id, problems[0], 100);
        await scored(ann, id, problems[0], 50);
        // A Run never counts, and a Submit still in the queue does not replace the last judged one.
        await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/submissions`, ann.headers, { language: 'python', code: 'print(0)', mode: 'run', customInput: '1 2' }, 202);
        await submit(t, ann, id, problems[1]);
      }
      const points = async (id: number) => (await ok(t, 'GET', `/api/assessments/${id}/scoreboard`, teacher)).rows.find((r: { userId: number }) => r.userId === ann.id);
      const b = await points(best);
      const l = await points(last);
      assert.deepEqual(b.problems.map((c: { points: number }) => c.points), [10, 0]);
      assert.deepEqual(l.problems.map((c: { points: number }) => c.points), [5, 0]);
      assert.deepEqual([b.totalPoints, l.totalPoints], [10, 5]);
      const [first, second] = await db().selectFrom('submissions').select('id').where('userId', '=', ann.id).where('mode', '=', 'submit').where('problemId', '=', problems[0]).orderBy('id').execute();
      assert.ok(b.problems[0].submissionId < l.problems[0].submissionId, 'best counts the first (100%), last the second (50%)');
      assert.ok(first && second);
    });

    it('scoreboard: penalty-free points, ties by the time of the last improving submission; CSV and adjustments', async () => {
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { title: 'Final, "real"', showResultsToStudents: true }));
      // What the gateway would push to the teachers watching (room feed:assessment:<id>).
      const pushed: string[] = [];
      const unsubscribe = await t.runtime.platform.pubsub.subscribe(SOCKET_EMIT_CHANNEL, (raw) => {
        const m = raw as SocketEmitMessage<'assessment:update'>;
        if (m.event === 'assessment:update' && m.room === `feed:assessment:${id}`) pushed.push(`${m.payload.userId}:${m.payload.kind}`);
      });
      for (const s of [ann, ben, cat]) await ok(t, 'POST', `/api/assessments/${id}/start`, s.headers, { consent: true });
      const annOpen = await ok(t, 'POST', `/api/assessments/${id}/problems/${problems[0]}/open`, ann.headers);
      await scored(ann, id, problems[0], 0); // wrong tries cost nothing
      await scored(ann, id, problems[0], 100);
      await scored(ann, id, problems[1], 50);
      await scored(ann, id, problems[0], 40); // best: does not lower, nor move her improvement time
      await scored(ben, id, problems[0], 100);
      await scored(ben, id, problems[1], 50); // 20 points like Ann, improved later
      await scored(cat, id, problems[1], 100); // 20 points, latest of the three
      // Ann switches tabs three times: the rules allow two, so she is flagged once.
      const proctorId = annOpen.session.attempt.id as number;
      const tabs = await postEvents(t, ann.headers, [1, 2, 3].map(() => onServerClock(event(problems[0], proctorId, 'tab_hidden'))));
      assert.equal(tabs.statusCode, 202, tabs.body);
      await unsubscribe();
      for (const kind of ['start', 'open', 'submission', 'flag']) assert.ok(pushed.includes(`${ann.id}:${kind}`), `${kind} pushed: ${pushed.join(' ')}`);

      const before = await ok(t, 'GET', `/api/assessments/${id}/attempt`, ann.headers);
      assert.equal(before.earnedPoints, null, 'hidden while the attempt runs');
      const live = await ok(t, 'GET', `/api/assessments/${id}/live`, teacher);
      const annLive = live.students.find((s: { userId: number }) => s.userId === ann.id);
      assert.deepEqual(annLive.problems.map((p: { progress: string; submissionCount: number }) => [p.progress, p.submissionCount]), [['solved', 3], ['submitted', 1]]);
      assert.deepEqual([annLive.flags, annLive.openFlags], [1, 1]);
      assert.ok(annLive.integrityScore < 100);
      assert.equal(live.students.find((s: { userId: number }) => s.userId === dan.id).state, 'not_started');

      const board = await ok(t, 'GET', `/api/assessments/${id}/scoreboard`, teacher);
      assert.deepEqual(board.rows.map((r: { name: string; totalPoints: number; rank: number }) => [r.name, r.totalPoints, r.rank]), [
        ['Ann', 20, 1], ['Ben', 20, 2], ['Cat', 20, 3], ['=Dan, "the man"', 0, 4],
      ]);
      const annRow = board.rows[0];
      const annSubs = await db().selectFrom('submissions').select(['id', 'createdAtMs', 'problemId', 'score']).where('userId', '=', ann.id).where('mode', '=', 'submit').orderBy('id', 'desc').limit(4).execute();
      const improving = annSubs.find((s) => s.problemId === problems[1])!; // her P2 50% was her last improvement
      assert.equal(annRow.lastImprovementAtMs, Number(improving.createdAtMs));
      assert.equal(board.rows[3].lastImprovementAtMs, null);
      assert.equal(board.rows[3].timeUsedMs, null);

      // A manual adjustment with a reason moves Ben up; it is kept in the audit table with who and why.
      const adjusted = await ok(t, 'POST', `/api/assessments/${id}/adjustments`, teacher, { userId: ben.id, problemId: null, deltaPoints: 3, reason: 'Regrade: an accepted alternative output.' }, 201);
      assert.equal(adjusted.reason, 'Regrade: an accepted alternative output.');
      await ok(t, 'POST', `/api/assessments/${id}/adjustments`, teacher, { userId: cat.id, problemId: problems[1], deltaPoints: -2.5, reason: 'Hard-coded the sample output.' }, 201);
      for (const bad of [{ userId: ben.id, deltaPoints: 1, reason: '' }, { userId: ben.id, deltaPoints: 0, reason: 'Nothing.' }]) {
        assert.equal((await inject(t, 'POST', `/api/assessments/${id}/adjustments`, teacher, bad)).statusCode, 400);
      }
      const stranger = await t.userWithRole('student', 'Stranger');
      assert.equal((await inject(t, 'POST', `/api/assessments/${id}/adjustments`, teacher, { userId: stranger.id, deltaPoints: 1, reason: 'Not in class.' })).statusCode, 404);
      const audit = await db().selectFrom('scoreAdjustments').selectAll().where('assessmentId', '=', id).orderBy('id').execute();
      assert.deepEqual(audit.map((a) => [a.userId, a.problemId, Number(a.deltaPoints), a.reason]), [
        [ben.id, null, 3, 'Regrade: an accepted alternative output.'], [cat.id, problems[1], -2.5, 'Hard-coded the sample output.'],
      ]);
      const listed = await ok(t, 'GET', `/api/assessments/${id}/adjustments`, teacher);
      assert.equal(listed.items.length, 2);
      assert.ok(listed.items.every((a: { actorName: string }) => a.actorName.startsWith('teacher')));

      // Ann hands in; with results shown she now sees her points.
      clock.advance(MINUTE_MS);
      const done = await ok(t, 'POST', `/api/assessments/${id}/finish`, ann.headers);
      assert.equal(done.earnedPoints, 20);
      assert.deepEqual(done.problems.map((p: { earnedPoints: number }) => p.earnedPoints), [10, 10]);

      const after = await ok(t, 'GET', `/api/assessments/${id}/scoreboard`, teacher);
      assert.deepEqual(after.rows.map((r: { name: string; totalPoints: number }) => [r.name, r.totalPoints]), [
        ['Ben', 23], ['Ann', 20], ['Cat', 17.5], ['=Dan, "the man"', 0],
      ]);

      const csv = await inject(t, 'GET', `/api/assessments/${id}/export.csv`, teacher);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /attachment; filename="final-real-\d+\.csv"/);
      assert.ok(csv.body.includes('"Sum, ""B"", hidden (20)"'), 'a title with a comma and quotes is quoted');
      assert.ok(csv.body.includes('"\'=Dan, ""the man"""'), 'a formula-like name is defused and quoted');
      const rows = parseCsv(csv.body);
      assert.deepEqual(rows[0], ['rank', 'name', 'email', 'Sum, A (10)', 'Sum, "B", hidden (20)', 'adjustments', 'total', 'time_used_sec', 'flags', 'integrity_score']);
      assert.equal(rows.length, 5, 'a header and one row per student');
      // The numbers match the submissions as stored.
      const judged = await db().selectFrom('submissions').innerJoin('problemSessions', 'problemSessions.id', 'submissions.attemptId')
        .select(['submissions.userId', 'submissions.problemId', 'submissions.score']).where('problemSessions.assessmentId', '=', id)
        .where('submissions.mode', '=', 'submit').where('submissions.status', '=', 'done').execute();
      const bestOf = (userId: number, problemId: number, points: number) => Math.max(0, ...judged.filter((s) => s.userId === userId && s.problemId === problemId).map((s) => (Number(s.score) / 100) * points));
      const byEmail = new Map(rows.slice(1).map((r) => [r[2], r]));
      for (const [s, adjustP2, adjustTotal] of [[ann, 0, 0], [ben, 0, 3], [cat, -2.5, 0], [dan, 0, 0]] as const) {
        const r = byEmail.get(s.email)!;
        const p1 = bestOf(s.id, problems[0], 10);
        const p2 = bestOf(s.id, problems[1], 20) + adjustP2;
        assert.deepEqual(r.slice(3, 7).map(Number), [p1, p2, adjustTotal, p1 + p2 + adjustTotal], s.email);
      }
      const annCsv = byEmail.get(ann.email)!;
      assert.equal(Number(annCsv[7]), Math.round((done.endedAtMs - done.startedAtMs) / 1000), 'time used, start to hand-in');
      assert.deepEqual([annCsv[8], byEmail.get(ben.email)![8]], ['1', '0'], 'flags');
      assert.equal(Number(annCsv[9]), annLive.integrityScore);
      assert.equal(byEmail.get(dan.email)![7], '', 'no time for a student who never started');
    });

    it('one student\'s attempt for review, and plagiarism pairs among this assessment\'s submissions only', async () => {
      const id = await publishedAssessment(t, teacher, assessmentBody(classId, problems, { title: 'Review' }));
      for (const s of [ann, ben]) await ok(t, 'POST', `/api/assessments/${id}/start`, s.headers, { consent: true });
      const annSub = await scored(ann, id, problems[0], 100);
      const benSub = await scored(ben, id, problems[0], 100);
      // A practice Submit of the same problem (outside the assessment): its pairs are not this assessment's.
      const outside = (await ok(t, 'POST', '/api/submissions', cat.headers, { problemId: problems[0], language: 'python', code: 'print(1)\n', mode: 'submit' }, 202)).id as number;
      const pair = (left: number, right: number, similarity: number) => ({
        problemId: problems[0], runId: null, leftSubmissionId: left, rightSubmissionId: right, leftUserId: ann.id, rightUserId: ben.id,
        language: 'python', similarity, longestFragmentTokens: 20, leftMatchedTokens: 20, rightMatchedTokens: 20, leftTotalTokens: 25,
        rightTotalTokens: 25, fragmentCount: 1, fragments: '[]', createdAtMs: clock.now(),
      });
      await db().insertInto('plagiarismPairs').values(pair(annSub, benSub, 0.9)).execute();
      await db().insertInto('plagiarismPairs').values(pair(Math.min(outside, annSub), Math.max(outside, annSub), 0.95)).execute();
      const pairs = await ok(t, 'GET', `/api/assessments/${id}/plagiarism`, teacher);
      assert.deepEqual(pairs.items.map((p: { left: { submissionId: number }; right: { submissionId: number } }) => [p.left.submissionId, p.right.submissionId]), [[annSub, benSub]]);
      assert.deepEqual([pairs.items[0].left.userName, pairs.items[0].right.userName], ['Ann', 'Ben']);

      const detail = await ok(t, 'GET', `/api/assessments/${id}/students/${ann.id}`, teacher);
      assert.equal(detail.user.name, 'Ann');
      assert.equal(detail.attempt.earnedPoints, 10, 'teachers always see points');
      assert.deepEqual(detail.submissions.map((s: { id: number }) => s.id), [annSub]);
      assert.equal(detail.proctorAttempts.length, 1);
      const timeline = await ok(t, 'GET', `/api/teacher/attempts/${detail.proctorAttempts[0].id}/timeline`, teacher);
      assert.equal(timeline.attempt.id, detail.proctorAttempts[0].id, 'playback through the proctoring timeline');
      const unstarted = await ok(t, 'GET', `/api/assessments/${id}/students/${cat.id}`, teacher);
      assert.equal(unstarted.attempt, null);
    });
  });
}

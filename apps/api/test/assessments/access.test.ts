import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  MINUTE_MS, assessmentBody, classWith, inject, ok, publishedAssessment, twoProblems, type Headers, type Person,
} from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`classes and assessment access [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let teacher: Person;
    let otherTeacher: Person;
    let alice: Person;
    let bob: Person;
    let problems: [number, number];

    before(async () => {
      t = await createTestApp(dialect);
      admin = (await t.userWithRole('admin')).headers;
      teacher = await t.userWithRole('teacher', 'Ms Teacher');
      otherTeacher = await t.userWithRole('teacher', 'Mr Other');
      alice = await t.userWithRole('student', 'Alice');
      bob = await t.userWithRole('student', 'Bob');
      problems = await twoProblems(t, admin);
    });
    after(() => t.close());

    it('a teacher creates a class, invites by email (accounts now, others pending) and students join by code', async () => {
      const cls = await ok(t, 'POST', '/api/classes', teacher.headers, { name: 'Algebra' }, 201);
      assert.match(cls.joinCode, /^[A-HJ-KM-NP-Z2-9]{8}$/);
      const invited = await ok(t, 'POST', `/api/classes/${cls.id}/invites`, teacher.headers, {
        emails: [alice.email, alice.email.toUpperCase(), 'Later@School.test', otherTeacher.email],
      });
      assert.deepEqual(invited, { added: [alice.email], pending: ['later@school.test'], alreadyMembers: [], notStudents: [otherTeacher.email], invalid: [] });
      const again = await ok(t, 'POST', `/api/classes/${cls.id}/invites`, teacher.headers, { emails: [alice.email] });
      assert.deepEqual(again.alreadyMembers, [alice.email]);

      const joined = await ok(t, 'POST', '/api/classes/join', bob.headers, { code: cls.joinCode.toLowerCase() });
      assert.equal(joined.id, cls.id);
      assert.equal(joined.joinCode, null, 'students do not see the code');
      assert.equal((await inject(t, 'POST', '/api/classes/join', bob.headers, { code: 'ZZZZZZZZ' })).statusCode, 404);
      assert.equal((await inject(t, 'POST', '/api/classes/join', teacher.headers, { code: cls.joinCode })).statusCode, 403);

      const roster = await ok(t, 'GET', `/api/classes/${cls.id}`, teacher.headers);
      assert.deepEqual(roster.students.map((s: { name: string }) => s.name), ['Alice', 'Bob']);
      assert.deepEqual(roster.pendingInvites.map((i: { email: string }) => i.email), ['later@school.test']);
      assert.equal(roster.class.studentCount, 2);

      // The pending invite is claimed when that person has an account and lists their classes.
      await t.runtime.core.accounts.createUser({ name: 'Later', email: 'later@school.test', password: 'password-123', role: 'student' });
      const session = await t.runtime.core.accounts.login({ email: 'later@school.test', password: 'password-123' }, '10.1.1.1') as { accessToken: string };
      const mine = await ok(t, 'GET', '/api/classes', { authorization: `Bearer ${session.accessToken}` });
      assert.deepEqual(mine.items.map((c: { id: number }) => c.id), [cls.id]);

      // Teachers own their classes; admins see all; students see only theirs.
      assert.equal((await inject(t, 'GET', `/api/classes/${cls.id}`, otherTeacher.headers)).statusCode, 404);
      assert.equal((await inject(t, 'GET', `/api/classes/${cls.id}`, alice.headers)).statusCode, 403);
      assert.equal((await ok(t, 'GET', '/api/classes', otherTeacher.headers)).items.length, 0);
      assert.ok((await ok(t, 'GET', '/api/classes', admin)).items.some((c: { id: number }) => c.id === cls.id));
      await ok(t, 'DELETE', `/api/classes/${cls.id}/students/${bob.id}`, teacher.headers);
      assert.equal((await ok(t, 'GET', '/api/classes', bob.headers)).items.length, 0);
    });

    it('students see only published assessments of their own classes, and start only inside the window', async () => {
      const mine = await classWith(t, teacher.headers, [alice], 'Mine');
      const others = await classWith(t, otherTeacher.headers, [bob], 'Others');
      const now = Date.now();
      const open = await publishedAssessment(t, teacher.headers, assessmentBody(mine, problems, { title: 'Open now' }));
      const later = await publishedAssessment(t, teacher.headers, assessmentBody(mine, problems, { title: 'Later', windowStartAtMs: now + 30 * MINUTE_MS, windowEndAtMs: now + 90 * MINUTE_MS }));
      const past = await publishedAssessment(t, teacher.headers, assessmentBody(mine, problems, { title: 'Past', windowStartAtMs: now - 90 * MINUTE_MS, windowEndAtMs: now - 30 * MINUTE_MS }));
      const draft = (await ok(t, 'POST', '/api/assessments', teacher.headers, assessmentBody(mine, problems, { title: 'Draft' }), 201)).id;
      const foreign = await publishedAssessment(t, otherTeacher.headers, assessmentBody(others, problems, { title: 'Foreign' }));

      const list = await ok(t, 'GET', '/api/assessments/mine', alice.headers);
      assert.deepEqual(
        Object.fromEntries(list.items.map((a: { title: string; state: string }) => [a.title, a.state])),
        { 'Past': 'missed', 'Open now': 'open', 'Later': 'upcoming' },
      );
      assert.ok(Math.abs(list.serverNowMs - Date.now()) < 60_000);
      for (const id of [draft, foreign]) {
        assert.equal((await inject(t, 'GET', `/api/assessments/${id}/student`, alice.headers)).statusCode, 404);
        assert.equal((await inject(t, 'POST', `/api/assessments/${id}/start`, alice.headers, { consent: true })).statusCode, 404);
      }
      for (const id of [later, past]) {
        const refused = await inject(t, 'POST', `/api/assessments/${id}/start`, alice.headers, { consent: true });
        assert.equal(refused.statusCode, 409, refused.body);
        assert.equal(refused.json().code, 'ASSESSMENT_NOT_OPEN');
      }
      assert.equal((await inject(t, 'POST', `/api/assessments/${open}/start`, alice.headers, { consent: false })).statusCode, 400, 'consent first');
      assert.equal((await inject(t, 'POST', `/api/assessments/${open}/start`, alice.headers, {})).statusCode, 400);
      await ok(t, 'POST', `/api/assessments/${open}/start`, alice.headers, { consent: true });
      // Bob is not in the class: he can neither see nor start it, nor open its problems.
      assert.equal((await inject(t, 'POST', `/api/assessments/${open}/start`, bob.headers, { consent: true })).statusCode, 404);
      assert.equal((await inject(t, 'POST', `/api/assessments/${open}/problems/${problems[0]}/open`, bob.headers)).statusCode, 404);
      assert.equal((await inject(t, 'POST', `/api/assessments/${open}/problems/${problems[0]}/submissions`, bob.headers, { language: 'python', code: 'x' })).statusCode, 404);
    });

    it('students cannot call teacher routes; other teachers cannot see the assessment; admins can', async () => {
      const cls = await classWith(t, teacher.headers, [], 'Empty');
      const id = await publishedAssessment(t, teacher.headers, assessmentBody(cls, problems));
      const teacherRoutes: [('GET' | 'POST' | 'PUT'), string, unknown?][] = [
        ['GET', '/api/assessments'], ['GET', `/api/assessments/${id}`], ['GET', `/api/assessments/${id}/live`],
        ['GET', `/api/assessments/${id}/scoreboard`], ['GET', `/api/assessments/${id}/export.csv`], ['GET', `/api/assessments/${id}/adjustments`],
        ['POST', `/api/assessments/${id}/close`], ['POST', `/api/assessments/${id}/adjustments`, { userId: alice.id, problemId: null, deltaPoints: 5, reason: 'Because.' }],
        ['PUT', `/api/assessments/${id}/accommodations`, { accommodations: [] }], ['GET', `/api/assessments/${id}/plagiarism`],
        ['POST', '/api/assessments', assessmentBody(cls, problems)], ['GET', `/api/assessments/${id}/students/${alice.id}`],
      ];
      for (const [method, url, payload] of teacherRoutes) {
        const res = await inject(t, method, url, alice.headers, payload);
        assert.equal(res.statusCode, 403, `${method} ${url} as a student: ${res.body}`);
        assert.equal(res.json().code, 'FORBIDDEN');
        assert.equal((await inject(t, method, url, undefined, payload)).statusCode, 401);
      }
      for (const url of [`/api/assessments/${id}`, `/api/assessments/${id}/live`, `/api/assessments/${id}/scoreboard`]) {
        assert.equal((await inject(t, 'GET', url, otherTeacher.headers)).statusCode, 404, url);
        await ok(t, 'GET', url, admin);
      }
      assert.equal((await inject(t, 'POST', '/api/assessments', otherTeacher.headers, assessmentBody(cls, problems))).statusCode, 404, 'not their class');
      assert.ok(!(await ok(t, 'GET', '/api/assessments', otherTeacher.headers)).items.some((a: { id: number }) => a.id === id));
      assert.ok((await ok(t, 'GET', '/api/assessments', admin)).items.some((a: { id: number }) => a.id === id));
      // Teachers use the teacher routes, not the student ones.
      assert.equal((await inject(t, 'GET', '/api/assessments/mine', teacher.headers)).statusCode, 403);
    });

    it('drafts are editable, published ones are not; the body is validated', async () => {
      const cls = await classWith(t, teacher.headers, [], 'Drafts');
      const body = assessmentBody(cls, problems);
      const created = await ok(t, 'POST', '/api/assessments', teacher.headers, body, 201);
      assert.equal(created.status, 'draft');
      assert.deepEqual(created.problems.map((p: { points: number }) => p.points), [10, 20]);
      assert.equal(created.totalPoints, 30);
      const edited = await ok(t, 'PUT', `/api/assessments/${created.id}`, teacher.headers, { ...body, title: 'Renamed', scoring: 'last', problems: [{ problemId: problems[1], points: 7 }] });
      assert.deepEqual([edited.title, edited.scoring, edited.totalPoints], ['Renamed', 'last', 7]);
      await ok(t, 'POST', `/api/assessments/${created.id}/publish`, teacher.headers);
      const refused = await inject(t, 'PUT', `/api/assessments/${created.id}`, teacher.headers, body);
      assert.equal(refused.json().code, 'ASSESSMENT_NOT_DRAFT');
      assert.equal((await inject(t, 'POST', `/api/assessments/${created.id}/publish`, teacher.headers)).json().code, 'ASSESSMENT_NOT_DRAFT');
      const bad = [
        { ...body, windowEndAtMs: body.windowStartAtMs },
        { ...body, durationMs: 1000 },
        { ...body, problems: [] },
        { ...body, problems: [{ problemId: problems[0], points: 1 }, { problemId: problems[0], points: 2 }] },
        { ...body, scoring: 'worst' },
      ];
      for (const payload of bad) assert.equal((await inject(t, 'POST', '/api/assessments', teacher.headers, payload)).statusCode, 400, JSON.stringify(payload).slice(0, 80));
      const missing = await inject(t, 'POST', '/api/assessments', teacher.headers, { ...body, problems: [{ problemId: 99_999, points: 1 }] });
      assert.equal(missing.json().code, 'VALIDATION');
    });
  });
}

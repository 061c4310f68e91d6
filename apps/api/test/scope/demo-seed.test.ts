// A fresh demo install: the demo teacher has a class holding the demo students, so the teacher's dashboard shows
// them with the default TEACHER_SCOPE=classes; seeding again adds nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_ACCOUNTS, seedDemo } from '@logicode/core';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('demo seed and the teacher scope [sqlite]', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(() => t.close());

  it('the demo teacher sees the demo students; a second seed changes nothing', async () => {
    await seedDemo(t.runtime.core, { problems: [], adminPassword: null });
    await seedDemo(t.runtime.core, { problems: [], adminPassword: null });
    const teacher = DEMO_ACCOUNTS.find((a) => a.role === 'teacher')!;
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: teacher.email, password: teacher.password } });
    assert.equal(login.statusCode, 200, login.body);
    const headers = { authorization: `Bearer ${login.json().accessToken as string}` };
    const page = (await t.app.inject({ method: 'GET', url: '/api/teacher/students', headers })).json();
    assert.deepEqual(page.items.map((r: { email: string }) => r.email).sort(), ['alice@logicode.local', 'bob@logicode.local']);
    const classes = (await t.app.inject({ method: 'GET', url: '/api/classes', headers })).json();
    assert.equal((classes.items ?? classes).length, 1);
  });
});

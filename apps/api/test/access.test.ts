// Every route as anonymous, student, teacher and admin: who is allowed and who is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { sumPackage } from './helpers/fixtures.js';
import { createTestApp, type TestApp } from './helpers/test-app.js';

type Who = 'anonymous' | 'student' | 'teacher' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'student', 'teacher', 'admin'];
const SIGNED_IN: Who[] = ['student', 'teacher', 'admin'];
const ADMIN: Who[] = ['admin'];

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (ids: { problem: number; test: number; user: number }) => string;
  payload?: unknown;
  allowed: Who[];
}

const ROUTES: RouteCase[] = [
  { method: 'GET', url: () => '/api/problems', allowed: EVERYONE },
  { method: 'GET', url: () => '/api/problems/meta', allowed: EVERYONE },
  { method: 'GET', url: ({ problem }) => `/api/problems/${problem}`, allowed: EVERYONE },
  { method: 'GET', url: () => '/api/auth/me', allowed: SIGNED_IN },
  { method: 'GET', url: ({ problem }) => `/api/admin/problems/${problem}`, allowed: ADMIN },
  { method: 'POST', url: () => '/api/admin/problems', payload: { ...sumPackage({ slug: 'access-new' }), format: undefined }, allowed: ADMIN },
  { method: 'PUT', url: ({ problem }) => `/api/admin/problems/${problem}`, payload: { ...sumPackage(), format: undefined }, allowed: ADMIN },
  { method: 'GET', url: ({ problem }) => `/api/admin/problems/${problem}/export`, allowed: ADMIN },
  { method: 'POST', url: () => '/api/admin/problems/import', payload: sumPackage({ slug: 'access-import' }), allowed: ADMIN },
  { method: 'POST', url: ({ problem }) => `/api/admin/problems/${problem}/tests`, payload: { input: '1 1\n', expectedOutput: '2\n' }, allowed: ADMIN },
  { method: 'PUT', url: ({ problem, test }) => `/api/admin/problems/${problem}/tests/${test}`, payload: { input: '1 1\n', expectedOutput: '2\n', isSample: true }, allowed: ADMIN },
  { method: 'PUT', url: ({ problem }) => `/api/admin/problems/${problem}/solutions/python`, payload: { source: 'print(1)' }, allowed: ADMIN },
  { method: 'DELETE', url: ({ problem }) => `/api/admin/problems/${problem}/solutions/c`, allowed: ADMIN },
  { method: 'GET', url: () => '/api/admin/users', allowed: ADMIN },
  { method: 'PATCH', url: ({ user }) => `/api/admin/users/${user}/role`, payload: { role: 'teacher' }, allowed: ADMIN },
];

for (const dialect of TEST_DIALECTS) {
  describe(`route access [${dialect}]`, () => {
    let t: TestApp;
    const headers: Partial<Record<Who, { authorization: string }>> = {};
    let ids: { problem: number; test: number; user: number };

    before(async () => {
      t = await createTestApp(dialect);
      for (const role of ['student', 'teacher', 'admin'] as const) headers[role] = (await t.userWithRole(role)).headers;
      const created = await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: headers.admin, payload: sumPackage() });
      const target = await t.userWithRole('student');
      ids = { problem: created.json().id, test: created.json().tests[0].id, user: target.id };
    });
    after(() => t.close());

    for (const route of ROUTES) {
      for (const who of EVERYONE) {
        const allowed = route.allowed.includes(who);
        it(`${route.method} ${route.url({ problem: 0, test: 0, user: 0 })} as ${who} is ${allowed ? 'allowed' : 'refused'}`, async () => {
          const response = await t.app.inject({
            method: route.method,
            url: route.url(ids),
            headers: headers[who as Exclude<Who, 'anonymous'>],
            ...(route.payload === undefined ? {} : { payload: route.payload as object }),
          });
          const body = response.json();
          if (allowed) {
            assert.ok(response.statusCode < 400 || ![401, 403].includes(response.statusCode), `${response.statusCode} ${response.body}`);
          } else {
            const expected = who === 'anonymous' ? 401 : 403;
            assert.equal(response.statusCode, expected, response.body);
            assert.equal(body.code, expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
          }
        });
      }
    }

    it('a student cannot promote themself', async () => {
      const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: headers.student })).json().user;
      const response = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${me.id}/role`, headers: headers.student, payload: { role: 'admin' } });
      assert.equal(response.statusCode, 403);
      const still = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: headers.student })).json().user;
      assert.equal(still.role, 'student');
    });

    it('the last admin cannot demote themself', async () => {
      const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: headers.admin })).json().user;
      const response = await t.app.inject({ method: 'PATCH', url: `/api/admin/users/${me.id}/role`, headers: headers.admin, payload: { role: 'student' } });
      assert.equal(response.statusCode, 409);
    });
  });
}

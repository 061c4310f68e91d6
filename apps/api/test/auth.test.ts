import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from './helpers/test-app.js';

function cookiesOf(response: { cookies: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

for (const dialect of TEST_DIALECTS) {
  describe(`auth [${dialect}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect, { LOGIN_LIMIT_PER_ACCOUNT: '5' });
    });
    after(() => t.close());

    it('signs up a student, stores only an argon2id hash, and sets httpOnly cookies', async () => {
      const response = await t.app.inject({
        method: 'POST', url: '/api/auth/signup',
        payload: { name: 'Grace', email: 'Grace@Example.COM', password: 'correct-horse', role: 'admin' },
      });
      assert.equal(response.statusCode, 201);
      const body = response.json();
      assert.equal(body.user.email, 'grace@example.com');
      assert.equal(body.user.role, 'student', 'a role in the sign-up body is ignored');
      const setCookie = String(response.headers['set-cookie']);
      assert.match(setCookie, /lc_access=.*HttpOnly/);
      assert.match(setCookie, /lc_refresh=.*HttpOnly/);
      const row = await t.runtime.db.db.selectFrom('users').selectAll().where('email', '=', 'grace@example.com').executeTakeFirstOrThrow();
      assert.match(row.passwordHash, /^\$argon2id\$/);
      assert.ok(!row.passwordHash.includes('correct-horse'));
    });

    it('refuses a second account with the same email in another case', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: 'G2', email: 'GRACE@example.com', password: 'another-pass' } });
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, 'EMAIL_TAKEN');
    });

    it('answers field errors for a bad sign-up', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: '', email: 'nope', password: 'short' } });
      assert.equal(response.statusCode, 400);
      const body = response.json();
      assert.equal(body.code, 'VALIDATION');
      const paths = body.details.map((d: { path: string }) => d.path).sort();
      assert.deepEqual(paths, ['email', 'name', 'password']);
    });

    it('logs in case-insensitively, and /me works with the cookie and with Bearer', async () => {
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'GRACE@example.com', password: 'correct-horse' } });
      assert.equal(login.statusCode, 200);
      const { accessToken } = login.json();
      const byCookie = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { lc_access: cookiesOf(login).lc_access! } });
      assert.equal(byCookie.json().user.email, 'grace@example.com');
      const byBearer = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${accessToken}` } });
      assert.equal(byBearer.statusCode, 200);
    });

    it('refuses a wrong password without saying whether the account exists', async () => {
      const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'grace@example.com', password: 'wrong-password' } });
      const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.com', password: 'wrong-password' } });
      assert.equal(wrong.statusCode, 401);
      assert.deepEqual(wrong.json(), missing.json());
    });

    it('rotates refresh tokens and revokes the family when an old one is replayed', async () => {
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'grace@example.com', password: 'correct-horse' } });
      const first = login.json().refreshToken as string;
      const refreshed = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { lc_refresh: first } });
      assert.equal(refreshed.statusCode, 200);
      const second = refreshed.json().refreshToken as string;
      assert.notEqual(second, first);
      // The client uses its new token, then the old one comes back (a thief's copy): the family is revoked.
      // (A retry of the old token before its successor was ever used is a lost answer: sessions/refresh-retry.test.ts.)
      const used = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: second } });
      assert.equal(used.statusCode, 200);
      const third = used.json().refreshToken as string;
      const replay = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: first } });
      assert.equal(replay.statusCode, 401);
      const afterReplay = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: third } });
      assert.equal(afterReplay.statusCode, 401, 'the whole family is revoked after a replay');
    });

    it('logs out: the refresh token stops working and cookies are cleared', async () => {
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'grace@example.com', password: 'correct-horse' } });
      const token = login.json().refreshToken as string;
      const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { lc_refresh: token } });
      assert.equal(logout.statusCode, 200);
      assert.match(String(logout.headers['set-cookie']), /lc_access=;/);
      const refresh = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: token } });
      assert.equal(refresh.statusCode, 401);
    });

    it('answers 401 for a missing, forged or garbage token', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).json().code, 'UNAUTHENTICATED');
      // ?optional=1 (the web app's first look): no token at all is a signed-out visitor, 200; any token that does
      // not authenticate is still a 401 (so an expired one is refreshed, and a forged one never reads as signed out).
      const optional = await t.app.inject({ method: 'GET', url: '/api/auth/me?optional=1' });
      assert.equal(optional.statusCode, 200);
      assert.deepEqual(optional.json(), { user: null, accessTokenExpiresAt: null });
      const forgedOptional = await t.app.inject({ method: 'GET', url: '/api/auth/me?optional=1', headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bad' } });
      assert.equal(forgedOptional.statusCode, 401);
      const garbageOptional = await t.app.inject({ method: 'GET', url: '/api/auth/me?optional=1', cookies: { lc_access: 'garbage' } });
      assert.equal(garbageOptional.statusCode, 401);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/me?optional=yes' })).statusCode, 400);
      const forged = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bad' } });
      assert.equal(forged.statusCode, 401);
      const garbage = await t.app.inject({ method: 'GET', url: '/api/problems', cookies: { lc_access: 'garbage' } });
      assert.equal(garbage.statusCode, 401);
    });

    it('rate-limits logins per account', async () => {
      await t.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { name: 'Rate', email: 'rate@example.com', password: 'rate-limit-pass' } });
      const codes: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rate@example.com', password: 'wrong-password' } });
        codes.push(r.statusCode);
      }
      assert.deepEqual(codes.slice(0, 5), [401, 401, 401, 401, 401]);
      assert.equal(codes[5], 429);
      const limited = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rate@example.com', password: 'rate-limit-pass' } });
      assert.equal(limited.statusCode, 429, 'even the right password waits out the window');
      assert.ok(limited.headers['retry-after']);
    });
  });
}

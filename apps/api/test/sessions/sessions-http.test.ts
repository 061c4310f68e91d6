// Sessions over HTTP, on SQLite and MariaDB: the access cookie outlives its token so an expired token is answered
// TOKEN_EXPIRED (cured by a refresh) and a user stays signed in past many token lifetimes; signing out, a role
// change, a password change and an admin's revoke refuse the access tokens issued before them at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { SessionResponse } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { bearer, cookiesOf, createSessionCluster, outlive, PASSWORD, type SessionCluster } from './helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`sessions over HTTP [${dialect}]`, () => {
    let c: SessionCluster;
    /** Three-second tokens (two to three, as token times are whole seconds): several lifetimes in seconds. */
    let short: SessionCluster;
    const inject = (options: InjectOptions) => c.nodes[0]!.app.inject(options);
    const me = (headers: Record<string, string> = {}, cookies: Record<string, string> = {}) =>
      inject({ method: 'GET', url: '/api/auth/me', headers, cookies });
    const refresh = (refreshToken: string, cookies: Record<string, string> = {}) =>
      inject({ method: 'POST', url: '/api/auth/refresh', cookies: { ...cookies, lc_refresh: refreshToken } });

    before(async () => {
      c = await createSessionCluster({ dialect });
      short = await createSessionCluster({ dialect, accessTokenTtlSec: 3 });
    });
    after(async () => {
      await c.close();
      await short.close();
    });

    it('the access cookie outlives its token: maxAge is the refresh lifetime, and /me says when the token expires', async () => {
      const { email } = await c.user('student');
      const response = await inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
      const cookies = cookiesOf(response);
      const refreshTtlSec = c.nodes[0]!.config.core.refreshTokenTtlSec;
      assert.equal(cookies.lc_access?.maxAge, refreshTtlSec);
      assert.equal(cookies.lc_refresh?.maxAge, refreshTtlSec);
      assert.equal(cookies.lc_refresh?.path, '/api/auth');
      const session = response.json<SessionResponse>();
      const answer = await me({}, { lc_access: cookies.lc_access!.value });
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.json().accessTokenExpiresAt, session.accessTokenExpiresAt);
    });

    it('an expired token in the cookie is answered TOKEN_EXPIRED, and refreshing keeps the user signed in past several lifetimes', async () => {
      const { session: first } = await short.user('student');
      const me = (cookies: Record<string, string>) => short.nodes[0]!.app.inject({ method: 'GET', url: '/api/auth/me', cookies });
      let session = first;
      for (let lifetime = 0; lifetime < 3; lifetime += 1) {
        assert.equal((await me({ lc_access: session.accessToken })).statusCode, 200);
        await outlive(session);
        const expired = await me({ lc_access: session.accessToken });
        assert.equal(expired.statusCode, 401);
        assert.equal(expired.json().code, 'TOKEN_EXPIRED');
        // Public routes too: the client refreshes instead of quietly seeing the anonymous view.
        assert.equal((await short.nodes[0]!.app.inject({ method: 'GET', url: '/api/problems', cookies: { lc_access: session.accessToken } })).json().code, 'TOKEN_EXPIRED');
        // The refresh works with the dead access cookie beside it (the browser sends both to /api/auth).
        const renewed = await short.nodes[0]!.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { lc_access: session.accessToken, lc_refresh: session.refreshToken } });
        assert.equal(renewed.statusCode, 200, renewed.body);
        session = renewed.json<SessionResponse>();
        assert.ok(Date.parse(session.accessTokenExpiresAt) > Date.now());
      }
      assert.equal((await short.nodes[0]!.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).json().user.id, first.user.id);
    });

    it('logout refuses the session\'s access token at once and its refresh token; another device refreshes and goes on', async () => {
      const { email, session: laptop } = await c.user('student');
      const phone = await c.signIn(email);
      const out = await inject({ method: 'POST', url: '/api/auth/logout', cookies: { lc_access: laptop.accessToken, lc_refresh: laptop.refreshToken } });
      assert.equal(out.statusCode, 200);
      assert.equal(cookiesOf(out).lc_access?.value, '');
      const stale = await me(bearer(laptop));
      assert.equal(stale.statusCode, 401);
      assert.equal(stale.json().code, 'TOKEN_EXPIRED');
      assert.equal((await refresh(laptop.refreshToken)).statusCode, 401);
      // The phone's access token is refused too (the user's epoch moved), but its session lives: one refresh cures it.
      assert.equal((await me(bearer(phone))).json().code, 'TOKEN_EXPIRED');
      const renewed = await refresh(phone.refreshToken);
      assert.equal(renewed.statusCode, 200);
      assert.equal((await me(bearer(renewed.json<SessionResponse>()))).statusCode, 200);
    });

    it('logout with a Bearer token and no refresh token ends that token\'s session', async () => {
      const { session } = await c.user('student');
      assert.equal((await inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session) })).statusCode, 200);
      assert.equal((await me(bearer(session))).statusCode, 401);
      assert.equal((await refresh(session.refreshToken)).statusCode, 401);
    });

    it('a role change takes effect at once: the demoted teacher\'s old token is refused; a refresh carries the new role', async () => {
      const { session: admin } = await c.user('admin');
      const { id, session: teacher } = await c.user('teacher');
      assert.equal((await inject({ method: 'GET', url: '/api/teacher/dashboard', headers: bearer(teacher) })).statusCode, 200);
      const demoted = await inject({ method: 'PATCH', url: `/api/admin/users/${id}/role`, headers: bearer(admin), payload: { role: 'student' } });
      assert.equal(demoted.statusCode, 200);
      const stale = await inject({ method: 'GET', url: '/api/teacher/dashboard', headers: bearer(teacher) });
      assert.equal(stale.statusCode, 401);
      assert.equal(stale.json().code, 'TOKEN_EXPIRED');
      const renewed = await refresh(teacher.refreshToken);
      assert.equal(renewed.statusCode, 200);
      const now = renewed.json<SessionResponse>();
      assert.equal(now.user.role, 'student');
      assert.equal((await inject({ method: 'GET', url: '/api/teacher/dashboard', headers: bearer(now) })).statusCode, 403);
    });

    it('a password change: wrong current password refused (403); then every other session ends and this one goes on', async () => {
      const { email, session: here } = await c.user('student');
      const elsewhere = await c.signIn(email);
      const change = (session: SessionResponse, body: object) =>
        inject({ method: 'POST', url: '/api/auth/password', headers: bearer(session), payload: body });
      const wrong = await change(here, { currentPassword: 'not-my-password', newPassword: 'a-new-password-1' });
      assert.equal(wrong.statusCode, 403);
      assert.equal(wrong.json().code, 'PASSWORD_WRONG');
      assert.equal((await change(here, { currentPassword: PASSWORD, newPassword: 'short' })).statusCode, 400);
      assert.equal((await me(bearer(elsewhere))).statusCode, 200, 'a refused change changes nothing');

      const changed = await change(here, { currentPassword: PASSWORD, newPassword: 'a-new-password-1' });
      assert.equal(changed.statusCode, 200, changed.body);
      const fresh = changed.json<SessionResponse>();
      assert.equal(cookiesOf(changed).lc_access?.value, fresh.accessToken);
      assert.equal((await me(bearer(fresh))).statusCode, 200);
      // The other session: access refused at once, refresh refused, so it is over.
      assert.equal((await me(bearer(elsewhere))).json().code, 'TOKEN_EXPIRED');
      assert.equal((await refresh(elsewhere.refreshToken)).statusCode, 401);
      // The tokens this session had before the change are dead too; the fresh refresh token works.
      assert.equal((await me(bearer(here))).statusCode, 401);
      assert.equal((await refresh(here.refreshToken)).statusCode, 401);
      // The session goes on in a new token family: a thief replaying a token from before the change cannot end it.
      assert.equal((await refresh(fresh.refreshToken)).statusCode, 200, 'the new family survives the old token\'s replay');
      await assert.rejects(c.signIn(email, PASSWORD));
      assert.equal((await c.signIn(email, 'a-new-password-1')).user.email, email);
    });

    it('the password route needs a signed-in caller', async () => {
      const anonymous = await inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: 'a-new-password-1' } });
      assert.equal(anonymous.statusCode, 401);
    });

    it('an admin revokes a user\'s sessions: access and refresh tokens refused; only admins may; unknown user 404', async () => {
      const { session: admin } = await c.user('admin');
      const { id, email, session: one } = await c.user('teacher');
      const two = await c.signIn(email);
      const { session: other } = await c.user('teacher');
      const revoke = (userId: number, session: SessionResponse) =>
        inject({ method: 'POST', url: `/api/admin/users/${userId}/sessions/revoke`, headers: bearer(session) });
      assert.equal((await revoke(id, other)).statusCode, 403);
      assert.equal((await revoke(999_999, admin)).statusCode, 404);
      assert.equal((await me(bearer(one))).statusCode, 200);
      assert.deepEqual((await revoke(id, admin)).json(), { ok: true });
      for (const session of [one, two]) {
        assert.equal((await me(bearer(session))).json().code, 'TOKEN_EXPIRED');
        assert.equal((await refresh(session.refreshToken)).statusCode, 401);
      }
      assert.equal((await me(bearer(other))).statusCode, 200, 'other users are untouched');
      assert.equal((await c.signIn(email)).user.id, id, 'the user can sign in again');
    });
  });
}

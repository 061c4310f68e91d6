// A refresh whose answer was lost to a dropped network is retried with the token the server already rotated. Within
// the grace that retry gets a new pair (the lost successor is revoked) instead of ending the session; after the grace,
// or after a sign-out, reusing a rotated token is treated as theft and the whole family is revoked. SQLite and MariaDB.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionResponse } from '@logicode/contracts';
import { REFRESH_RETRY_GRACE_MS } from '@logicode/core';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { controlClock } from '../assessments/helpers.js';

for (const dialect of TEST_DIALECTS) {
  describe(`a retried refresh after a lost answer [${dialect}]`, () => {
    let t: TestApp;
    let clock: ReturnType<typeof controlClock>;

    before(async () => {
      t = await createTestApp(dialect);
      clock = controlClock(t);
    });
    after(async () => {
      clock.reset();
      await t.close();
    });

    const refresh = (refreshToken: string) => t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
    async function signIn(): Promise<SessionResponse> {
      const { email } = await t.userWithRole('student');
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'password-123' } });
      assert.equal(response.statusCode, 200, response.body);
      return response.json<SessionResponse>();
    }

    it('within the grace the retry gets a new pair, the lost one is revoked, and the session goes on', async () => {
      const first = await signIn();
      const lost = await refresh(first.refreshToken);
      assert.equal(lost.statusCode, 200);
      clock.advance(5_000);
      const retried = await refresh(first.refreshToken);
      assert.equal(retried.statusCode, 200, retried.body);
      const current = retried.json<SessionResponse>();
      assert.notEqual(current.refreshToken, lost.json<SessionResponse>().refreshToken);
      // The session is intact: the new token refreshes, and its access token is accepted.
      const next = await refresh(current.refreshToken);
      assert.equal(next.statusCode, 200, next.body);
      const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${next.json<SessionResponse>().accessToken}` } });
      assert.equal(me.statusCode, 200);
    });

    it('after the grace, reusing a rotated token revokes the whole family (a stolen token)', async () => {
      const first = await signIn();
      const second = (await refresh(first.refreshToken)).json<SessionResponse>();
      clock.advance(REFRESH_RETRY_GRACE_MS + 1_000);
      const reuse = await refresh(first.refreshToken);
      assert.equal(reuse.statusCode, 401);
      assert.equal((await refresh(second.refreshToken)).statusCode, 401, 'the family is revoked: the live token too');
    });

    it('once the successor was used, the old token coming back is a replay, even within the grace', async () => {
      const first = await signIn();
      const second = (await refresh(first.refreshToken)).json<SessionResponse>();
      const third = await refresh(second.refreshToken);
      assert.equal(third.statusCode, 200);
      assert.equal((await refresh(first.refreshToken)).statusCode, 401);
      assert.equal((await refresh(third.json<SessionResponse>().refreshToken)).statusCode, 401, 'the family is revoked');
    });

    it('a token revoked by signing out does not come back, however soon it is presented', async () => {
      const first = await signIn();
      const second = (await refresh(first.refreshToken)).json<SessionResponse>();
      const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: second.refreshToken } });
      assert.equal(out.statusCode, 200);
      assert.equal((await refresh(first.refreshToken)).statusCode, 401);
      assert.equal((await refresh(second.refreshToken)).statusCode, 401);
    });
  });
}

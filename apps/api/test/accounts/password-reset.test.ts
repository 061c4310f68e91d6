// Forgotten passwords and admin account actions (issue 15, item 2), on SQLite and MariaDB. An admin-issued link
// works once, until it expires, and ends every session of the user; with SMTP configured the owner gets the link by
// e-mail (a real SMTP server on a local port) and the answer never says whether an account exists; a deactivated
// account cannot sign in or refresh and its sessions end at once; common passwords are refused on change and reset.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import type { SessionResponse } from '@logicode/contracts';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const PASSWORD = 'first-pass-4711';
const bearer = (session: SessionResponse) => ({ authorization: `Bearer ${session.accessToken}` });

for (const dialect of TEST_DIALECTS) {
  describe(`password reset and admin account actions [${dialect}]`, () => {
    let t: TestApp;
    let mailed: TestApp;
    let sink: SmtpSink;
    let admin: Awaited<ReturnType<TestApp['userWithRole']>>;
    let n = 0;

    async function student(app: TestApp): Promise<{ email: string; session: SessionResponse }> {
      n += 1;
      const email = `s${n}-${Date.now()}@school.test`;
      const response = await app.app.inject({
        method: 'POST', url: '/api/auth/signup', payload: { name: `Student ${n}`, email, password: PASSWORD }, remoteAddress: `10.7.0.${n}`,
      });
      assert.equal(response.statusCode, 201, response.body);
      return { email, session: response.json<SessionResponse>() };
    }
    const inject = (options: InjectOptions, app = t) => app.app.inject(options);
    const login = (email: string, password: string, app = t) =>
      inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: '10.8.0.1' }, app);

    before(async () => {
      t = await createTestApp(dialect);
      admin = await t.userWithRole('admin');
      sink = await startSmtpSink();
      mailed = await createTestApp(dialect, { SMTP_URL: sink.url, SMTP_FROM: 'LogiCode <no-reply@school.test>', PUBLIC_ORIGINS: 'https://code.school.test' });
    });
    after(async () => {
      await t.close();
      await mailed.close();
      await sink.close();
    });

    it('an admin-issued link works once and ends every session of the user', async () => {
      const { email, session } = await student(t);
      const issued = await inject({ method: 'POST', url: `/api/admin/users/${session.user.id}/password-reset`, headers: admin.headers });
      assert.equal(issued.statusCode, 201, issued.body);
      const { token, resetPath, expiresAt } = issued.json();
      assert.equal(resetPath, `/reset-password?token=${token}`);
      assert.ok(Date.parse(expiresAt) > Date.now() + 3500_000);
      assert.deepEqual((await inject({ method: 'GET', url: `/api/auth/password/reset?token=${token}` })).json(), { valid: true });

      // A common password is refused and does not use the link up.
      const common = await inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token, newPassword: 'Password1' } });
      assert.equal(common.statusCode, 400);
      assert.equal(common.json().code, 'PASSWORD_TOO_COMMON');

      const reset = await inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token, newPassword: 'brand-new-pass-99' } });
      assert.equal(reset.statusCode, 200, reset.body);
      // The sessions from before are over: the access token at once, the refresh token too.
      assert.equal((await inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).json().code, 'TOKEN_EXPIRED');
      assert.equal((await inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: session.refreshToken } })).statusCode, 401);
      assert.equal((await login(email, PASSWORD)).statusCode, 401);
      assert.equal((await login(email, 'brand-new-pass-99')).statusCode, 200);
      // Once only.
      const again = await inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token, newPassword: 'another-new-pass-1' } });
      assert.equal(again.statusCode, 400);
      assert.equal(again.json().code, 'RESET_TOKEN_INVALID');
      assert.deepEqual((await inject({ method: 'GET', url: `/api/auth/password/reset?token=${token}` })).json(), { valid: false });
    });

    it('an expired link, a voided one and a made-up one are refused', async () => {
      const { session } = await student(t);
      const issue = async () => (await inject({ method: 'POST', url: `/api/admin/users/${session.user.id}/password-reset`, headers: admin.headers })).json().token as string;
      const first = await issue();
      const second = await issue();
      const use = (token: string) => inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token, newPassword: 'fresh-pass-2024x' } });
      assert.equal((await use(first)).json().code, 'RESET_TOKEN_INVALID', 'a newer link voids the older one');
      assert.equal((await use('A'.repeat(43))).json().code, 'RESET_TOKEN_INVALID');
      // Expire the live one (its row says when it ends) and try it.
      await t.runtime.db.db.updateTable('passwordResets').set({ expiresAtMs: Date.now() - 1 }).where('userId', '=', session.user.id).execute();
      const expired = await use(second);
      assert.equal(expired.statusCode, 400);
      assert.equal(expired.json().code, 'RESET_TOKEN_INVALID');
      assert.equal((await inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token: 'short', newPassword: 'fresh-pass-2024x' } })).statusCode, 400);
    });

    it('only an admin issues links, deactivates or reactivates', async () => {
      const teacher = await t.userWithRole('teacher');
      const { session } = await student(t);
      for (const headers of [teacher.headers, bearer(session)]) {
        assert.equal((await inject({ method: 'POST', url: `/api/admin/users/${session.user.id}/password-reset`, headers })).statusCode, 403);
        assert.equal((await inject({ method: 'POST', url: `/api/admin/users/${session.user.id}/active`, headers, payload: { active: false } })).statusCode, 403);
      }
      assert.equal((await inject({ method: 'POST', url: '/api/admin/users/999999/password-reset', headers: admin.headers })).statusCode, 404);
    });

    it('without SMTP, forgot answers the same for any address and sends nothing', async () => {
      const { email } = await student(t);
      const known = await inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email } });
      const unknown = await inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: 'nobody@school.test' } });
      assert.equal(known.statusCode, 202);
      assert.deepEqual(known.json(), { ok: true, byEmail: false });
      assert.deepEqual(unknown.json(), known.json());
      const rows = await t.runtime.db.db.selectFrom('passwordResets').innerJoin('users', 'users.id', 'passwordResets.userId')
        .select('passwordResets.id').where('users.email', '=', email).execute();
      assert.equal(rows.length, 0);
    });

    it('with SMTP, the owner gets a one-time link by e-mail; an unknown address gets the same answer and no mail', async () => {
      const { email, session } = await student(mailed);
      const unknown = await inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: 'ghost@school.test' } }, mailed);
      assert.deepEqual(unknown.json(), { ok: true, byEmail: true });
      const asked = await inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email: email.toUpperCase() } }, mailed);
      assert.equal(asked.statusCode, 202);
      const mail = await sink.next();
      assert.deepEqual(mail.to, [`<${email}>`]);
      assert.equal(mail.from, '<no-reply@school.test>');
      assert.equal(Buffer.from(mail.auth ?? '', 'base64').toString(), '\0teacher@school\0s3cret');
      assert.match(mail.data, /^Subject: Reset your LogiCode password$/m);
      const link = /https:\/\/code\.school\.test\/reset-password\?token=([\w-]+)/.exec(mail.data);
      assert.ok(link, mail.data);
      assert.equal(sink.mails.length, 1, 'the unknown address got no mail');
      const reset = await inject({ method: 'POST', url: '/api/auth/password/reset', payload: { token: link[1], newPassword: 'mailed-new-pass-7' } }, mailed);
      assert.equal(reset.statusCode, 200, reset.body);
      assert.equal((await inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) }, mailed)).json().code, 'TOKEN_EXPIRED');
      assert.equal((await login(email, 'mailed-new-pass-7', mailed)).statusCode, 200);
      // Three mails an hour per account at most (the first one counted); the answer stays the same.
      for (let i = 0; i < 4; i += 1) {
        assert.equal((await inject({ method: 'POST', url: '/api/auth/password/forgot', payload: { email } }, mailed)).statusCode, 202);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(sink.mails.length, 3);
    });

    it('a deactivated account is signed out at once and cannot sign in or refresh until reactivated', async () => {
      const { email, session } = await student(t);
      const off = await inject({ method: 'POST', url: `/api/admin/users/${session.user.id}/active`, headers: admin.headers, payload: { active: false } });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().active, false);
      assert.equal((await inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session) })).json().code, 'TOKEN_EXPIRED');
      assert.equal((await inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: session.refreshToken } })).statusCode, 401);
      const right = await login(email, PASSWORD);
      assert.equal(right.statusCode, 403);
      assert.equal(right.json().code, 'ACCOUNT_DISABLED');
      // A wrong password still says only that it is wrong: a guesser does not learn the account's state.
      assert.equal((await login(email, 'not-the-password')).json().code, 'INVALID_CREDENTIALS');
      const list = await inject({ method: 'GET', url: `/api/admin/users?q=${encodeURIComponent(email)}`, headers: admin.headers });
      assert.equal(list.json().items[0].active, false);
      assert.equal((await inject({ method: 'POST', url: `/api/admin/users/${session.user.id}/password-reset`, headers: admin.headers })).json().code, 'ACCOUNT_DISABLED');
      const on = await inject({ method: 'POST', url: `/api/admin/users/${session.user.id}/active`, headers: admin.headers, payload: { active: true } });
      assert.equal(on.json().active, true);
      assert.equal((await login(email, PASSWORD)).statusCode, 200);
    });

    it('an admin cannot deactivate themself or the last active admin', async () => {
      const self = await inject({ method: 'POST', url: `/api/admin/users/${admin.id}/active`, headers: admin.headers, payload: { active: false } });
      assert.equal(self.statusCode, 409);
      const other = await t.userWithRole('admin');
      // Two admins: one may deactivate the other; then the last one cannot be deactivated by anyone left.
      assert.equal((await inject({ method: 'POST', url: `/api/admin/users/${other.id}/active`, headers: admin.headers, payload: { active: false } })).statusCode, 200);
      assert.equal((await inject({ method: 'POST', url: `/api/admin/users/${other.id}/active`, headers: admin.headers, payload: { active: true } })).statusCode, 200);
    });

    it('changing one\'s password refuses a common one and keeps the current session', async () => {
      const { session } = await student(t);
      const common = await inject({ method: 'POST', url: '/api/auth/password', headers: bearer(session), payload: { currentPassword: PASSWORD, newPassword: 'iloveyou' } });
      assert.equal(common.statusCode, 400);
      assert.equal(common.json().code, 'PASSWORD_TOO_COMMON');
      const ok = await inject({ method: 'POST', url: '/api/auth/password', headers: bearer(session), payload: { currentPassword: PASSWORD, newPassword: 'my-own-phrase-77' } });
      assert.equal(ok.statusCode, 200, ok.body);
    });
  });
}

// Sign-in throttling and sign-up limits (issue 15, item 2), on SQLite and MariaDB: a guesser from one address is
// slowed with a growing wait, the owner signing in from elsewhere is not; successful sign-ins never count; an
// address that fails on many accounts is stopped; sign-ups are limited per address; common passwords are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const OWNER_PASSWORD = 'owner-right-pass-42';

for (const dialect of TEST_DIALECTS) {
  describe(`sign-in throttle and sign-up limits [${dialect}]`, () => {
    let t: TestApp;
    let n = 0;
    const inject = (options: InjectOptions) => t.app.inject(options);
    const login = (email: string, password: string, remoteAddress: string) =>
      inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
    const signup = (remoteAddress: string, password = OWNER_PASSWORD) => {
      n += 1;
      const email = `u${n}-${Date.now()}@school.test`;
      return inject({ method: 'POST', url: '/api/auth/signup', payload: { name: `User ${n}`, email, password }, remoteAddress })
        .then((response) => ({ response, email }));
    };

    before(async () => {
      t = await createTestApp(dialect, {
        LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_ADDRESS: '8', LOGIN_LIMIT_WINDOW_SEC: '60', SIGNUP_LIMIT_PER_ADDRESS: '4',
      });
    });
    after(async () => t.close());

    it('a guesser is slowed with a growing wait while the owner signs in from elsewhere', async () => {
      const { response, email } = await signup('10.9.0.1');
      assert.equal(response.statusCode, 201, response.body);
      const attacker = '203.0.113.7';
      for (let i = 0; i < 3; i += 1) assert.equal((await login(email, `wrong-guess-${i}`, attacker)).statusCode, 401);
      const held = await login(email, 'wrong-guess-x', attacker);
      assert.equal(held.statusCode, 429);
      assert.equal(held.json().code, 'RATE_LIMITED');
      assert.equal(held.headers['retry-after'], '1');
      // Even the right password waits from the attacker's address (else the wait tells a guesser nothing)…
      assert.equal((await login(email, OWNER_PASSWORD, attacker)).statusCode, 429);
      // …but the owner, anywhere else, signs in at once, as often as they like.
      for (let i = 0; i < 3; i += 1) assert.equal((await login(email, OWNER_PASSWORD, `198.51.100.${i + 1}`)).statusCode, 200);
      // The next wrong guess after the wait waits twice as long.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal((await login(email, 'wrong-guess-y', attacker)).statusCode, 401);
      const longer = await login(email, 'wrong-guess-z', attacker);
      assert.equal(longer.statusCode, 429);
      assert.equal(longer.headers['retry-after'], '2');
    });

    it('the owner\'s right password from the same address starts afresh after the wait', async () => {
      const { email } = await signup('10.9.0.2');
      const address = '192.0.2.44';
      for (let i = 0; i < 3; i += 1) await login(email, `typo-${i}`, address);
      assert.equal((await login(email, OWNER_PASSWORD, address)).statusCode, 429);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal((await login(email, OWNER_PASSWORD, address)).statusCode, 200);
      // A fresh start: three more typos are free again.
      for (let i = 0; i < 3; i += 1) assert.equal((await login(email, `typo-again-${i}`, address)).statusCode, 401);
    });

    it('an address failing on many accounts is stopped; successful sign-ins from one address never count', async () => {
      const accounts = [];
      for (let i = 0; i < 4; i += 1) accounts.push((await signup(`10.9.1.${i}`)).email);
      const sprayer = '203.0.113.99';
      const codes: number[] = [];
      for (let round = 0; round < 3; round += 1) {
        for (const email of accounts) codes.push((await login(email, `spray-${round}`, sprayer)).statusCode);
      }
      assert.deepEqual(codes.slice(0, 8), Array(8).fill(401));
      assert.ok(codes.slice(8).every((code) => code === 429), codes.join(','));
      // A school behind one NAT: 20 right sign-ins from one address, none limited.
      const nat = '192.0.2.200';
      for (let i = 0; i < 20; i += 1) assert.equal((await login(accounts[i % 4]!, OWNER_PASSWORD, nat)).statusCode, 200);
    });

    it('sign-up is limited per address, with Retry-After', async () => {
      const address = '198.51.100.77';
      for (let i = 0; i < 4; i += 1) assert.equal((await signup(address)).response.statusCode, 201);
      const refused = (await signup(address)).response;
      assert.equal(refused.statusCode, 429);
      assert.equal(refused.json().code, 'RATE_LIMITED');
      assert.ok(Number(refused.headers['retry-after']) > 3500, String(refused.headers['retry-after']));
      assert.equal((await signup('198.51.100.78')).response.statusCode, 201);
    });

    it('a common password is refused at sign-up, in any case', async () => {
      for (const password of ['password1', 'PASSWORD1', 'iloveyou', 'qwertyui', '12345678', 'baseball']) {
        const { response } = await signup(`10.9.2.${n % 250}`, password);
        assert.equal(response.statusCode, 400, password);
        assert.equal(response.json().code, 'PASSWORD_TOO_COMMON');
      }
      assert.equal((await signup('10.9.3.1', 'correct horse battery')).response.statusCode, 201);
    });
  });
}

// Server-side drafts (issue 19): per user, problem and language; conflict-safe saves; nobody else's draft.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { DRAFT_SAVES_PER_MINUTE } from '@logicode/core';
import { sumPackage } from '../helpers/fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`drafts [${dialect}]`, () => {
    let t: TestApp;
    let alice: { id: number; headers: { authorization: string } };
    let bob: { id: number; headers: { authorization: string } };
    let problemId: number;

    before(async () => {
      t = await createTestApp(dialect);
      const admin = (await t.userWithRole('admin')).headers;
      alice = await t.userWithRole('student');
      bob = await t.userWithRole('student');
      problemId = (await t.app.inject({ method: 'POST', url: '/api/admin/problems/import', headers: admin, payload: sumPackage() })).json().id;
    });
    after(() => t.close());

    const url = (language = 'python', id = problemId) => `/api/drafts/${id}/${language}`;
    const get = (who: { headers: object }, language?: string) => t.app.inject({ method: 'GET', url: url(language), headers: who.headers as Record<string, string> });
    const put = (who: { headers: object }, payload: object, language?: string) =>
      t.app.inject({ method: 'PUT', url: url(language), headers: who.headers as Record<string, string>, payload });

    it('answers draft: null before the first save, then keeps code and version per language', async () => {
      assert.deepEqual((await get(alice)).json(), { draft: null });
      const saved = await put(alice, { code: 'print(1)', baseVersion: 0 });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().draft.version, 1);
      const again = await put(alice, { code: 'print(2)', baseVersion: 1 });
      assert.deepEqual([again.json().draft.code, again.json().draft.version], ['print(2)', 2]);
      assert.equal((await get(alice)).json().draft.code, 'print(2)');
      assert.deepEqual((await get(alice, 'c')).json(), { draft: null }, 'another language is another draft');
    });

    it('refuses a save from a stale version with 409 CONFLICT carrying the stored draft (another device saved first)', async () => {
      const stale = await put(alice, { code: 'print("laptop")', baseVersion: 1 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().code, 'CONFLICT');
      assert.deepEqual([stale.json().details.draft.code, stale.json().details.draft.version], ['print(2)', 2]);
      const firstAgain = await put(alice, { code: 'x', baseVersion: 0 });
      assert.equal(firstAgain.statusCode, 409, 'a second "first save" does not overwrite');
      assert.equal((await get(alice)).json().draft.code, 'print(2)', 'nothing was overwritten');
    });

    it('never shows or changes another user\'s draft, whatever the request says', async () => {
      assert.deepEqual((await get(bob)).json(), { draft: null }, "bob does not see alice's draft");
      // A user id in the body or the query is not part of the contract: the draft is always the caller's.
      const sneaky = await t.app.inject({ method: 'PUT', url: `${url()}?userId=${alice.id}`, headers: bob.headers, payload: { code: 'hijack', baseVersion: 2, userId: alice.id } });
      assert.equal(sneaky.statusCode, 409, 'bob has no draft at version 2: his own row is compared');
      const own = await put(bob, { code: 'hijack', baseVersion: 0 });
      assert.equal(own.statusCode, 200);
      assert.equal((await get(alice)).json().draft.code, 'print(2)', "alice's draft is untouched");
      assert.equal((await get(bob)).json().draft.code, 'hijack');
      const anonymous = await t.app.inject({ method: 'GET', url: url() });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await t.app.inject({ method: 'PUT', url: url(), payload: { code: 'x', baseVersion: 0 } })).statusCode, 401);
    });

    it('refuses unknown problems and languages, oversized and malformed bodies', async () => {
      assert.equal((await t.app.inject({ method: 'PUT', url: url('python', 99_999), headers: alice.headers, payload: { code: 'x', baseVersion: 0 } })).statusCode, 404);
      assert.equal((await put(alice, { code: 'x', baseVersion: 0 }, 'java')).json().code, 'LANGUAGE_UNAVAILABLE');
      assert.equal((await put(alice, { code: 'x', baseVersion: 0 }, 'cobol')).statusCode, 400);
      assert.equal((await put(alice, { code: 'x'.repeat(100_001), baseVersion: 2 })).statusCode, 400);
      assert.equal((await put(alice, { code: 'x', baseVersion: -1 })).statusCode, 400);
    });

    it(`limits saves to ${DRAFT_SAVES_PER_MINUTE} a minute per user (429 with retryAfterSec)`, async () => {
      const carol = await t.userWithRole('student');
      let version = 0;
      let refused: { statusCode: number; json: () => { code: string; details: { retryAfterSec: number } } } | null = null;
      for (let i = 0; i < DRAFT_SAVES_PER_MINUTE + 1 && !refused; i += 1) {
        const response = await put(carol, { code: `print(${i})`, baseVersion: version });
        if (response.statusCode === 200) version = response.json().draft.version;
        else refused = response;
      }
      assert.equal(version, DRAFT_SAVES_PER_MINUTE);
      assert.equal(refused?.statusCode, 429);
      assert.equal(refused?.json().code, 'RATE_LIMITED');
      assert.ok((refused?.json().details.retryAfterSec ?? 0) >= 1);
    });
  });
}

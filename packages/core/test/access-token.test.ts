import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '@logicode/contracts';
import { signAccessToken, verifyAccessToken } from '../src/accounts/tokens.js';

const SECRET = 'a-secret-long-enough-for-hs256-0123456789';
const actor = { userId: 7, role: 'teacher' as const, name: 'Tom Teacher' };

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return error.code;
  }
}

describe('access tokens (verified ones answered from memory until they expire)', () => {
  it('verifies the same token again with the same result, and refuses it under another secret', async () => {
    const { token } = await signAccessToken(actor, { secret: SECRET, ttlSec: 900, nowMs: Date.now() });
    assert.deepEqual(await verifyAccessToken(token, SECRET), actor);
    assert.deepEqual(await verifyAccessToken(token, SECRET), actor);
    assert.equal(await code(verifyAccessToken(token, `${SECRET}-other`)), 'UNAUTHENTICATED');
    assert.deepEqual(await verifyAccessToken(token, SECRET), actor);
  });

  it('refuses a tampered token even after the genuine one was verified', async () => {
    const { token } = await signAccessToken(actor, { secret: SECRET, ttlSec: 900, nowMs: Date.now() });
    await verifyAccessToken(token, SECRET);
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' })).toString('base64url');
    assert.equal(await code(verifyAccessToken(`${header}.${forged}.${signature}`, SECRET)), 'UNAUTHENTICATED');
  });

  it('answers TOKEN_EXPIRED once a remembered token expires', async () => {
    const { token, expiresAtMs } = await signAccessToken(actor, { secret: SECRET, ttlSec: 1, nowMs: Date.now() });
    assert.deepEqual(await verifyAccessToken(token, SECRET), actor);
    await new Promise((resolve) => setTimeout(resolve, expiresAtMs - Date.now() + 50));
    assert.equal(await code(verifyAccessToken(token, SECRET)), 'TOKEN_EXPIRED');
    const old = await signAccessToken(actor, { secret: SECRET, ttlSec: 1, nowMs: Date.now() - 3_600_000 });
    assert.equal(await code(verifyAccessToken(old.token, SECRET)), 'TOKEN_EXPIRED');
  });
});

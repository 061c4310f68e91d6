// The access cookie outlives its token, so a browser keeps sending a dead token for days. The API answers it 401
// (TOKEN_EXPIRED: refresh), but pages and assets must not: a reload after a long pause, or a lazy chunk loaded
// after the token expired, would show a JSON 401 instead of the app (found by apps/web/test/e2e/assessment-day).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSessionCluster, outlive, type SessionCluster } from './helpers.js';

describe('pages and assets with a dead access cookie [sqlite]', () => {
  let c: SessionCluster;
  const webDir = mkdtempSync(join(tmpdir(), 'logicode-web-'));
  before(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>LogiCode</title><div id="root"></div>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'page-abc123.js'), 'export default 1;');
    c = await createSessionCluster({ dialect: 'sqlite', accessTokenTtlSec: 2, env: { WEB_DIST_DIR: webDir } });
  });
  after(async () => {
    await c.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('an expired token: the app and its chunks load, the API still says TOKEN_EXPIRED', async () => {
    const { session } = await c.user('student');
    await outlive(session);
    const inject = (url: string, token: string) => c.nodes[0]!.app.inject({ method: 'GET', url, cookies: { lc_access: token } });
    for (const url of ['/', '/assessments/7', '/assets/page-abc123.js']) {
      const res = await inject(url, session.accessToken);
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 120)}`);
    }
    const api = await inject('/api/auth/me', session.accessToken);
    assert.equal(api.statusCode, 401);
    assert.equal(api.json().code, 'TOKEN_EXPIRED');
  });

  it('a forged token: the page loads as anonymous, the API refuses it', async () => {
    assert.equal((await c.nodes[0]!.app.inject({ method: 'GET', url: '/', cookies: { lc_access: 'forged' } })).statusCode, 200);
    const api = await c.nodes[0]!.app.inject({ method: 'GET', url: '/api/problems', cookies: { lc_access: 'forged' } });
    assert.equal(api.statusCode, 401);
  });
});

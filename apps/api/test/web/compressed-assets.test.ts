// Issue 18 item 5: the built-in server sends the web app's files precompressed (brotli, else gzip) by the
// request's Accept-Encoding, with the original content-type and `Vary: Accept-Encoding`; the copies come from the
// build's own step (apps/web/scripts/precompress.mjs), run here on a small dist of our own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const root = new URL('../../../../', import.meta.url).pathname;
// Big enough to be worth compressing, and as repetitive as real bundles.
const script = Array.from({ length: 400 }, (_, i) => `export function f${i}(a) { return a.map((x) => x * ${i}); }`).join('\n');
const page = `<!doctype html><html><head><title>LogiCode</title>${'<meta name="x" content="padding">'.repeat(60)}</head><body><div id="root"></div></body></html>`;

describe('precompressed web assets [sqlite]', () => {
  let t: TestApp;
  const webDir = mkdtempSync(join(tmpdir(), 'logicode-web-br-'));
  before(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), page);
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), script);
    writeFileSync(join(webDir, 'assets', 'tiny-abc123.js'), 'export default 1;');
    const run = spawnSync(process.execPath, [join(root, 'apps/web/scripts/precompress.mjs'), webDir], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    t = await createTestApp('sqlite', { WEB_DIST_DIR: webDir });
  });
  after(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('the build step writes .br and .gz beside files worth compressing, not beside tiny ones', () => {
    assert.ok(existsSync(join(webDir, 'assets', 'app-abc123.js.br')));
    assert.ok(existsSync(join(webDir, 'assets', 'app-abc123.js.gz')));
    assert.ok(existsSync(join(webDir, 'index.html.br')));
    assert.equal(existsSync(join(webDir, 'assets', 'tiny-abc123.js.br')), false);
  });

  it('brotli when accepted, else gzip, else the file as it is; same content-type, Vary on every answer', async () => {
    const get = (encoding?: string) => t.app.inject({ method: 'GET', url: '/assets/app-abc123.js', headers: encoding ? { 'accept-encoding': encoding } : {} });
    const br = await get('gzip, deflate, br');
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /^(text|application)\/javascript/);
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.match(String(br.headers['cache-control']), /immutable/);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), script);
    assert.ok(br.rawPayload.length < script.length / 4, `brotli ${br.rawPayload.length} of ${script.length} bytes`);

    const gz = await get('gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), script);

    const plain = await get();
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/i);
    assert.equal(plain.body, script);

    const tiny = await t.app.inject({ method: 'GET', url: '/assets/tiny-abc123.js', headers: { 'accept-encoding': 'br' } });
    assert.equal(tiny.headers['content-encoding'], undefined, 'no copy: the file itself');
    assert.equal(tiny.body, 'export default 1;');
  });

  it('the app page for a client-side route comes compressed as html', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/problems/7', headers: { accept: 'text/html', 'accept-encoding': 'br' } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(res.rawPayload).toString(), page);
  });
});

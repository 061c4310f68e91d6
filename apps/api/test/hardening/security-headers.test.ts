// Issue 15, item 4: security headers on every response (a page, an asset, an API route, an error), HSTS only when
// cookies are Secure, one Cache-Control per asset, and /metrics not served to the public.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

function assertSecurityHeaders(headers: Record<string, unknown>, what: string): void {
  const csp = String(headers['content-security-policy']);
  for (const directive of ["default-src 'self'", "script-src 'self'", "worker-src 'self' blob:", "style-src 'self' 'unsafe-inline'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) {
    assert.ok(csp.includes(directive), `${what}: CSP has ${directive}: ${csp}`);
  }
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-(inline|eval)/, `${what}: no inline or eval scripts`);
  assert.equal(headers['x-frame-options'], 'DENY', what);
  assert.equal(headers['x-content-type-options'], 'nosniff', what);
  assert.equal(headers['referrer-policy'], 'no-referrer', what);
}

describe('security headers', () => {
  let t: TestApp;
  let secure: TestApp;
  let asset: string;

  before(async () => {
    asset = readdirSync(`${WEB_DIST}/assets`).find((f) => f.endsWith('.js'))!;
    t = await createTestApp('sqlite', { WEB_DIST_DIR: WEB_DIST, COOKIE_SECURE: 'false' });
    secure = await createTestApp('sqlite', { WEB_DIST_DIR: WEB_DIST, COOKIE_SECURE: 'true', METRICS_TOKEN: 'scrape-token-0123456789' });
  });
  after(async () => {
    await t.close();
    await secure.close();
  });

  it('on the page, an asset, an API route, an API error and a page route', async () => {
    for (const url of ['/', `/assets/${asset}`, '/api/problems', '/api/problems/999999', '/problems/1', '/api/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
      assertSecurityHeaders(res.headers, url);
      assert.equal(res.headers['strict-transport-security'], undefined, `${url}: no HSTS over plain HTTP`);
    }
  });

  it('HSTS when cookies are Secure (the site is on HTTPS)', async () => {
    for (const url of ['/', '/api/problems']) {
      const res = await secure.app.inject({ method: 'GET', url });
      assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/, url);
      assertSecurityHeaders(res.headers, url);
    }
  });

  it('one Cache-Control per response: assets a year and immutable, the page no-cache', async () => {
    const assetRes = await t.app.inject({ method: 'GET', url: `/assets/${asset}` });
    assert.equal(assetRes.headers['cache-control'], 'public, max-age=31536000, immutable');
    const page = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(page.headers['cache-control'], 'no-cache');
    const deep = await t.app.inject({ method: 'GET', url: '/problems/1' });
    assert.equal(deep.headers['cache-control'], 'no-cache');
  });

  it('/metrics: not for the public; a direct scrape from this host, or the token when one is set', async () => {
    const publicScrape = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
    assert.equal(publicScrape.statusCode, 404);
    assert.equal(publicScrape.json().code, 'ROUTE_NOT_FOUND');
    const relayed = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.7' } });
    assert.equal(relayed.statusCode, 404, 'a proxy on this host relays the public');
    const local = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    assert.equal(local.statusCode, 200);
    assert.match(local.body, /http_request_duration_seconds/);

    assert.equal((await secure.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode, 404, 'with a token, loopback needs it too');
    assert.equal((await secure.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode, 404);
    const scraped = await secure.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.0.0.9', headers: { authorization: 'Bearer scrape-token-0123456789' } });
    assert.equal(scraped.statusCode, 200);
  });
});

describe('deploy/nginx.conf', () => {
  it('serves its static files with the same CSP and headers as the api, and one Cache-Control each', async () => {
    const { readFileSync } = await import('node:fs');
    const conf = readFileSync(fileURLToPath(new URL('../../../../deploy/nginx.conf', import.meta.url)), 'utf8');
    const t = await createTestApp('sqlite');
    try {
      const apiCsp = String((await t.app.inject({ method: 'GET', url: '/api/problems' })).headers['content-security-policy']);
      for (const location of ['/assets/', '/']) {
        const block = new RegExp(`location ${location.replace(/\//g, '\\/')} \\{([^}]*)\\}`).exec(conf)?.[1];
        assert.ok(block, `location ${location}`);
        assert.ok(block.includes(`add_header Content-Security-Policy "${apiCsp}" always;`), `${location}: the api's CSP`);
        for (const header of ['X-Frame-Options DENY', 'X-Content-Type-Options nosniff', 'Referrer-Policy no-referrer']) assert.ok(block.includes(header), `${location}: ${header}`);
        assert.equal(block.match(/Cache-Control/g)?.length, 1, `${location}: one Cache-Control`);
        assert.doesNotMatch(block, /^\s*expires /m, `${location}: expires would add a second Cache-Control`);
      }
      assert.match(conf, /location = \/metrics \{\s*return 404;/, 'the public side has no /metrics');
    } finally {
      await t.close();
    }
  });
});

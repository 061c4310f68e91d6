// Bad input gets a clear 4xx JSON body: never a crash, never a hang.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from './helpers/test-app.js';

describe('error responses', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp('sqlite');
  });
  after(() => t.close());

  const shapeOk = (body: Record<string, unknown>) =>
    typeof body.statusCode === 'number' && typeof body.code === 'string' && typeof body.message === 'string';

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().code, 'MALFORMED_JSON');
  });

  it('answers wrong types with 400 VALIDATION naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 42, password: ['x'] } });
    assert.equal(response.statusCode, 400);
    const body = response.json();
    assert.equal(body.code, 'VALIDATION');
    assert.deepEqual(body.details.map((d: { path: string }) => d.path).sort(), ['email', 'password']);
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/auth/signup', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000), email: 'a@b.io', password: 'password1' }),
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.json().code, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/xml' }, payload: '<a/>' });
    assert.equal(response.statusCode, 415);
    assert.ok(shapeOk(response.json()));
  });

  it('answers unknown routes with 404 JSON', async () => {
    for (const url of ['/api/nothing', '/api/problems/1/nothing', '/whatever']) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().code, 'ROUTE_NOT_FOUND');
    }
    const post = await t.app.inject({ method: 'DELETE', url: '/api/problems' });
    assert.equal(post.statusCode, 404);
  });

  it('answers a non-numeric id with 400, a missing problem with 404', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/problems/abc' })).statusCode, 400);
    const missing = await t.app.inject({ method: 'GET', url: '/api/problems/999999' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().code, 'NOT_FOUND');
  });

  it('hides the details of a server error and logs them', async () => {
    const db = t.runtime.db.db;
    // Break the database under the running app: the next query fails for real.
    await t.runtime.db.close();
    const response = await t.app.inject({ method: 'GET', url: '/api/problems' });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(response.json(), { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side.' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    void db;
  });

  it('serves health and the OpenAPI document', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).json().status, 'ok');
    const spec = await t.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(spec.statusCode, 200);
    assert.ok(spec.json().paths['/api/problems/']);
  });
});

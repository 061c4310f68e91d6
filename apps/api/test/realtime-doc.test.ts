// docs/realtime.md is the client author's reference for Socket.IO: its tables are generated from the contracts and
// must be current, and every event the server emits (or listens to) anywhere in its source must be listed in it.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestApp } from './helpers/test-app.js';
// @ts-expect-error -- a plain .mjs script of the repository, without type declarations
import { renderRealtimeDoc } from '../../../scripts/realtime-doc.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/realtime.md'), 'utf8');
const SERVER_SOURCES = ['apps/api/src', 'apps/worker/src', 'packages/core/src'];

function sourcesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourcesUnder(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Event names in emit calls (emitToRoom/emitTo through pub/sub, socket.emit directly) and socket.on handlers. */
function eventNamesInServer(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\bemit(?:ToRoom|To)\(\s*[^;]*?'([a-z]+:[a-z_]+)'/gs,
    /\.emit\(\s*'([a-z]+:[a-z_]+)'/g,
    /\bsocket\.on\(\s*'([a-z]+:[a-z_]+)'/g,
  ];
  for (const file of SERVER_SOURCES.flatMap((dir) => sourcesUnder(join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.set(match[1]!, file.slice(ROOT.length));
  }
  return found;
}

describe('the real-time API document', () => {
  it('its generated tables match the contracts (run `node scripts/realtime-doc.mjs` after changing them)', () => {
    assert.equal(renderRealtimeDoc(DOC), DOC);
  });

  it('lists every event the server emits or handles', () => {
    const documented = new Set([...DOC.matchAll(/^\| `([a-z]+:[a-z_]+)` \|/gm)].map((m) => m[1]));
    const emitted = eventNamesInServer();
    // The scan itself must see the server's events (a regex that matched nothing would make this test pass blindly).
    for (const known of ['submission:test', 'proctor:flag', 'feed:join', 'session:ended']) assert.ok(emitted.has(known), `scan missed ${known}`);
    const missing = [...emitted].filter(([name]) => !documented.has(name)).map(([name, file]) => `${name} (${file})`);
    assert.deepEqual(missing, []);
  });

  it('is served at /docs/realtime and linked from the OpenAPI page at /docs', async () => {
    const t = await createTestApp('sqlite');
    try {
      const page = await t.app.inject({ method: 'GET', url: '/docs/realtime' });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /^text\/plain/);
      assert.equal(page.body, DOC);
      const openapi = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json() as { info: { description: string } };
      assert.match(openapi.info.description, /\(\/docs\/realtime\)/);
    } finally {
      await t.close();
    }
  });
});

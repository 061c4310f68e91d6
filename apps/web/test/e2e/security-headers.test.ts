// Issue 15, item 4: the Content-Security-Policy the api sends on every response is one the app lives with. In
// Chromium: a student signs in, opens a problem, Monaco starts its web workers, a Run's result arrives over
// Socket.IO, and the API docs page loads; no CSP violation is reported anywhere (console or
// securitypolicyviolation events), and every worker Monaco created started.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { setEditorText, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const env = e2eEnvironment();

/** Records CSP violations and Monaco's workers (created, failed) from before the page's own scripts run. */
const RECORDER = `(() => {
  window.__csp = [];
  window.__workers = { created: 0, failed: 0 };
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      window.__workers.created += 1;
      this.addEventListener('error', () => { window.__workers.failed += 1; });
    }
  };
})()`;

async function violations(page: Page): Promise<string[]> {
  return page.evaluate('window.__csp') as Promise<string[]>;
}

/** Polls with page.evaluate: Playwright's waitForFunction evaluates its predicate with eval, which the CSP refuses. */
async function until(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await page.evaluate(expression)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

test('the app, Monaco\'s workers, Socket.IO and the API docs live with the CSP', async () => {
  // Not the support's newContext: that one bypasses the CSP for the other tests' string predicates.
  const context = await env.browser.newContext({ baseURL: env.platform.baseUrl, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(RECORDER);
  const page = await context.newPage();
  const consoleCsp: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text()); });
  let socketFrames = 0;
  page.on('websocket', (ws) => ws.on('framereceived', () => { socketFrames += 1; }));
  await withFailureShots([page], 'csp', async () => {
    const response = await page.goto('/login');
    assert.match(String(response?.headers()['content-security-policy']), /worker-src 'self' blob:/);
    await signIn(page, 'alice@logicode.local', 'student-demo-pass');
    await page.goto('/problems');
    await page.getByRole('link', { name: 'Balanced Brackets' }).click();
    await page.getByTestId('language-select').selectOption('python');
    await page.locator('.editor-area .monaco-editor').waitFor();
    await setEditorText(page, 'print("YES")\n');
    // Typing a word asks for word-based suggestions, which Monaco computes in its editor worker.
    await page.keyboard.type('pri');
    await until(page, 'window.__workers.created > 0', 10_000);
    await page.keyboard.press('Escape');
    await setEditorText(page, 'print("YES")\n');
    await page.getByTestId('run-button').click();
    await page.locator('[data-testid="verdict"]').waitFor({ timeout: 60_000 });
    assert.ok(socketFrames > 0, 'Socket.IO frames arrived over the websocket');
    const workers = await page.evaluate('window.__workers') as { created: number; failed: number };
    assert.ok(workers.created > 0, 'Monaco created its web workers');
    assert.equal(workers.failed, 0, 'and every one started');
    assert.deepEqual(await violations(page), []);

    await page.goto('/docs');
    await page.locator('.swagger-ui .info').waitFor();
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(consoleCsp, []);
  });
  await context.close();
});

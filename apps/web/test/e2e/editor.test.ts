// The editor and workspace (issue 19) in Chromium, desktop light and phone (390x844) dark: Ctrl/Cmd+Enter and
// Ctrl/Cmd+Shift+Enter inside Monaco (no blank line), compiler errors as markers with a list, a wrong answer's
// line diff, a custom input's expected output from the reference solution, "Write some code first", Reset that
// asks, the keyboard splitter (remembered), drafts restored on another device, and a timed problem's 5-minute
// warning and "Finish now".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, apiCall, apiLogin, findProblemId } from './support/api.js';
import { screenshot, setEditorText, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const env = e2eEnvironment();
const STUDENT = { name: 'Erin Editor', email: 'erin.editor@example.com', password: 'erin-editor-pass' };

function context(browser: Browser, baseURL: string, options: { phone?: boolean; dark?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    colorScheme: options.dark ? 'dark' : 'light',
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
}

const draftOf = (page: Page, problemId: number) => page.evaluate(`localStorage.getItem('lc:draft:${problemId}:python')`) as Promise<string | null>;
const verdict = (page: Page, value: string) => page.locator(`[data-testid="verdict"][data-verdict="${value}"]`).waitFor({ timeout: 90_000 });
const draftSaved = (page: Page) => page.waitForResponse((r) => r.url().includes('/api/drafts/') && r.request().method() === 'PUT' && r.status() === 200, { timeout: 20_000 });

const SYNTAX_ERROR = 'import sys\nif True\n    print(1)\n';
const FROM_LAPTOP = '# written on the laptop\nprint("YES")\n';
const UNSENT = '# edited on the laptop while its saves failed\nprint("NO")\n';
const FROM_PHONE = '# written on the phone later\nprint("YES")\n';

test('desktop, light: shortcuts in Monaco, markers, diff, reference output, empty code, reset, splitter, then drafts and a timed finish', async () => {
  const created = await fetch(`${env.platform.baseUrl}/api/auth/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(STUDENT),
  });
  assert.equal(created.status, 201, await created.text());
  const problemId = await findProblemId(env.platform.baseUrl, 'Balanced Brackets');
  const laptop = await context(env.browser, env.platform.baseUrl);
  const page = await laptop.newPage();
  await withFailureShots([page], 'editor-desktop', async () => {
    await signIn(page, STUDENT.email, STUDENT.password);
    await page.goto(`/problems/${problemId}`);
    await page.getByTestId('language-select').selectOption('python');
    await page.locator('.editor-area .monaco-editor').waitFor();
    assert.equal(await page.getByTestId('run-button').getAttribute('aria-keyshortcuts'), 'Control+Enter Meta+Enter');
    assert.equal(await page.getByTestId('submit-button').getAttribute('aria-keyshortcuts'), 'Control+Shift+Enter Meta+Shift+Enter');

    // Ctrl+Enter with the cursor in Monaco runs (and inserts no line): a syntax error comes back as CE, placed on line 2.
    await setEditorText(page, SYNTAX_ERROR);
    await page.keyboard.press('Control+Enter');
    await verdict(page, 'CE');
    await page.waitForFunction(`localStorage.getItem('lc:draft:${problemId}:python') !== null`);
    assert.equal(await draftOf(page, problemId), SYNTAX_ERROR, 'no blank line was inserted');
    assert.equal(await page.locator('.editor-area .view-line').count(), SYNTAX_ERROR.split('\n').length, 'the editor shows no extra line');
    assert.match(await page.getByTestId('diagnostics').innerText(), /Line 2, column \d+\s+SyntaxError/);
    await page.locator('.editor-area .squiggly-error').first().waitFor();

    // The starter code prints YES for everything: WA, with a line diff; the custom input gets the reference's answer.
    await page.getByRole('button', { name: 'Reset' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await page.getByTestId('confirm-cancel').click();
    assert.equal(await dialog.count(), 0);
    assert.equal(await draftOf(page, problemId), SYNTAX_ERROR, 'Cancel keeps the code');
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByTestId('confirm-ok').click();
    await page.locator('.editor-area .view-lines', { hasText: 'TODO: decide' }).waitFor();
    await page.getByRole('tab', { name: 'Custom input' }).click();
    await page.getByLabel('Custom input').fill('1\n((\n');
    await page.keyboard.press('Control+Enter'); // outside the editor: the page's own shortcut
    await verdict(page, 'WA');
    const diff = page.getByTestId('output-diff');
    await diff.waitFor();
    assert.match(await page.getByTestId('diff-summary').innerText(), /^Line 2 differs: expected "NO", your output "YES"/);
    assert.ok((await diff.locator('tr[data-differs="true"]').count()) >= 1);
    const custom = await page.getByTestId('custom-result').innerText();
    assert.match(custom, /Expected output \(reference solution\)\s+NO/i);
    await diff.scrollIntoViewIfNeeded();
    await screenshot(page, 'editor-wrong-answer-diff');

    // Nothing to send: say what to do, not "Some fields need attention".
    await page.locator('.editor-area .monaco-editor').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+Shift+Enter');
    assert.equal(await page.getByTestId('empty-code').innerText(), 'Write some code first.');

    // The splitter: keyboard-operable, remembered after a reload.
    const splitter = page.getByRole('separator', { name: 'Resize the statement and the editor' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(Number(await splitter.getAttribute('aria-valuenow')), before + 4);
    await page.reload();
    assert.equal(Number(await page.getByRole('separator', { name: 'Resize the statement and the editor' }).getAttribute('aria-valuenow')), before + 4);

    // The draft goes to the account (debounced), for the phone below.
    await page.locator('.editor-area .monaco-editor').waitFor();
    const saved = draftSaved(page);
    await setEditorText(page, FROM_LAPTOP);
    await saved;
    // Then an edit whose save fails (the laptop loses its connection to the api): it stays on this device only.
    await page.route('**/api/drafts/**', (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
    const failedSave = page.waitForRequest((r) => r.url().includes('/api/drafts/') && r.method() === 'PUT');
    await setEditorText(page, UNSENT);
    await failedSave;
  });

  // Another device (a phone, dark): the draft is restored with a visible note; the panes are stacked.
  const phone = await context(env.browser, env.platform.baseUrl, { phone: true, dark: true });
  const phonePage = await phone.newPage();
  await withFailureShots([phonePage], 'editor-phone', async () => {
    await signIn(phonePage, STUDENT.email, STUDENT.password);
    await phonePage.goto(`/problems/${problemId}`);
    await phonePage.getByTestId('language-select').selectOption('python');
    await phonePage.getByTestId('draft-note').filter({ hasText: 'Restored from another device' }).waitFor();
    await phonePage.locator('.editor-area .view-lines', { hasText: 'written on the laptop' }).waitFor();
    assert.equal(await phonePage.getByTestId('pane-separator').isVisible(), false, 'no splitter on a phone');
    const statement = await phonePage.locator('.pane-left').boundingBox();
    const code = await phonePage.locator('.pane-right').boundingBox();
    assert.ok(statement && code && code.y >= statement.y + statement.height - 1, 'statement above the editor');
    assert.ok((await phonePage.evaluate('document.documentElement.scrollWidth') as number) <= 390, 'no sideways scrolling');
    await phonePage.getByTestId('run-button').click();
    await verdict(phonePage, 'WA');
    await phonePage.getByTestId('output-diff').scrollIntoViewIfNeeded();
    await screenshot(phonePage, 'editor-phone-dark-diff');
    const phoneSaved = draftSaved(phonePage);
    await setEditorText(phonePage, FROM_PHONE);
    await phoneSaved;
  });
  await phone.close();

  // Back on the laptop: the phone's later draft wins, and the laptop's unsent edit is kept on offer, not dropped.
  await withFailureShots([page], 'editor-conflict', async () => {
    await page.unroute('**/api/drafts/**');
    await page.reload();
    const note = page.getByTestId('draft-note').filter({ hasText: 'Restored from another device' });
    await note.waitFor();
    await page.locator('.editor-area .view-lines', { hasText: 'written on the phone later' }).waitFor();
    const saved = draftSaved(page);
    await note.getByRole('button', { name: "Use this device's version" }).click();
    await page.locator('.editor-area .view-lines', { hasText: 'while its saves failed' }).waitFor();
    const kept = await (await saved).json() as { draft: { code: string } };
    assert.equal(kept.draft.code, UNSENT, "the laptop's edit went to the account once chosen");
  });

  // A timed problem shorter than 5 minutes: the warning is there at once (visible, in a live region); Finish now ends it.
  const adminToken = await apiLogin(env.platform.baseUrl, ADMIN.email, ADMIN.password);
  const timed = await apiCall<{ id: number }>(env.platform.baseUrl, adminToken, 'POST', '/api/admin/problems/import', {
    format: 'logicode-problem@1',
    problem: {
      slug: 'four-minute-echo', title: 'Four Minute Echo', statement: 'Print the input.', category: 'strings', difficulty: 'easy', tags: [],
      style: 'stdio', timeLimitMs: 1000, memoryLimitKb: 262_144, checker: { kind: 'exact' }, timedDurationSec: 240, isPublished: true,
    },
    languages: [{ language: 'python', starterCode: 'print(input())\n', driverCode: null }],
    tests: [{ input: 'hi\n', expectedOutput: 'hi\n', isSample: true, weight: 1 }],
    solutions: [],
  });
  await withFailureShots([page], 'editor-timed', async () => {
    await page.goto(`/problems/${timed.id}`);
    await page.getByTestId('consent-accept').click();
    const warning = page.getByTestId('time-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /5 minutes left/);
    assert.equal(await page.getByTestId('time-warning-region').getAttribute('aria-live'), 'polite');
    await page.locator('.editor-area .monaco-editor').waitFor();
    // No reference solution here: a custom input's output is shown as "Ran", never "Accepted".
    await page.getByRole('tab', { name: 'Custom input' }).click();
    await page.getByLabel('Custom input').fill('hello\n');
    await page.getByTestId('run-button').click();
    await verdict(page, 'AC');
    assert.match(await page.getByTestId('test-table').locator('tr', { hasText: 'Custom input' }).innerText(), /Ran/);
    await page.getByTestId('finish-button').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('attempt-ended').filter({ hasText: 'You submitted; this attempt is closed.' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('submit-button').isDisabled(), true, 'nothing more to submit');
  });
  await laptop.close();
});

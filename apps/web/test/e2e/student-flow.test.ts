// A new student signs up (seeing the server's field errors first), opens a problem, runs the starter code
// and gets Wrong Answer with the failing example shown, fixes it, submits, watches the tests finish one by
// one, gets Accepted, and finds the problem marked solved.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findProblemId } from './support/api.js';
import { newContext, screenshot, setEditorText, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { BALANCED_BRACKETS_AC as AC_CODE } from './support/solutions.js';

const env = e2eEnvironment();

test('a student signs up, gets WA, fixes the code, gets AC with live per-test progress, and the problem shows as solved', async () => {
  const context = await newContext(env.browser, env.platform.baseUrl);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Socket.IO frames as they arrive, to check that results came test by test, before the final verdict.
  const frames: { atMs: number; text: string }[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push({ atMs: Date.now(), text: String(f.payload) })));
  await withFailureShots([page], 'student', async () => {

  // Sign up: a too-short password is refused by the server and the message sits under the field.
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Dana Student');
  await page.getByLabel('Email').fill('dana@example.com');
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('.field-error', { hasText: '8 characters' }).waitFor();
  await page.getByLabel('Password', { exact: true }).fill('a-good-password');
  await page.getByLabel('Confirm password').fill('a-good-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/problems');

  // Find the problem through the search box and open it.
  await page.getByLabel('Search problems').fill('Balanced');
  await page.getByText('1 problem matches.').waitFor();
  await page.getByRole('link', { name: 'Balanced Brackets' }).click(); // untimed practice: no consent notice
  await page.getByTestId('language-select').selectOption('python');
  await page.locator('.editor-area .monaco-editor').waitFor();

  // Run the starter code (it prints YES for everything): WA, with the failing example in full.
  await page.getByTestId('run-button').click();
  await page.locator('[data-testid="verdict"][data-verdict="WA"]').waitFor({ timeout: 60_000 });
  const failure = page.getByTestId('first-failure');
  await failure.waitFor();
  const failureText = await failure.innerText();
  assert.match(failureText, /expected output/i);
  assert.match(failureText, /NO/, 'the expected output of the failing example is shown');

  // Fix it; the draft is saved for this problem and language.
  await setEditorText(page, AC_CODE);
  const problemId = await findProblemId(env.platform.baseUrl, 'Balanced Brackets');
  await page.waitForFunction(`localStorage.getItem('lc:draft:${problemId}:python') === ${JSON.stringify(AC_CODE)}`, undefined, { timeout: 5000 });

  // Record every progress label the page shows while judging, to prove results arrived test by test.
  await page.evaluate(`(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const label = document.querySelector('.progress-label');
      if (label && window.__progress[window.__progress.length - 1] !== label.textContent) window.__progress.push(label.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await page.getByTestId('submit-button').click();
  await page.locator('[data-testid="verdict"][data-verdict="AC"]').waitFor({ timeout: 90_000 });
  const labels = (await page.evaluate('window.__progress')) as string[];
  const counts = labels.map((l) => /(\d+) of (\d+)/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  const total = Number(counts.at(-1)?.[2]);
  assert.ok(total >= 2, `several tests were judged (${labels.join(' | ')})`);
  assert.ok(labels.length >= 2, `the panel changed while judging: ${labels.join(' | ')}`);
  const testFrames = frames.filter((f) => f.text.includes('"submission:test"'));
  const doneFrames = frames.filter((f) => f.text.includes('"submission:done"'));
  const lastDone = doneFrames.at(-1);
  assert.ok(lastDone, 'the final verdict came over the socket');
  const perTest = testFrames.filter((f) => f.atMs <= lastDone.atMs && f.text.includes(`"testCount":${total}`));
  assert.ok(perTest.length >= total, `each of the ${total} tests was pushed on its own before the verdict (${perTest.length} frames)`);
  const chips = await page.locator('[data-testid="test-chip"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  assert.equal(chips.length, total);
  assert.ok(chips.every((v) => v === 'AC'), `every test chip is AC: ${chips.join(',')}`);
  await screenshot(page, 'problem-page-result');

  // The problem is now solved: on the page and in the list.
  await page.reload();
  await page.getByTestId('solved-badge').waitFor();
  await page.goto('/problems?q=Balanced');
  await page.locator(`tr[data-problem-id="${problemId}"][data-solved="true"]`).waitFor();

  // Submission history lists both the run and the submission.
  await page.goto(`/problems/${problemId}`);
  await page.getByRole('tab', { name: 'Submissions' }).click();
  await page.getByTestId('history-table').locator('tbody tr').nth(1).waitFor();
  const rows = await page.getByTestId('history-table').locator('tbody tr').count();
  assert.ok(rows >= 2, `history shows the run and the submission (${rows} rows)`);

  // Progress and the leaderboard count it.
  await page.getByRole('link', { name: 'Progress' }).click();
  assert.match(await page.getByTestId('solved-count').innerText(), /^1 of \d+ problems solved/);
  await page.getByRole('link', { name: 'Leaderboard' }).click();
  assert.match(await page.getByTestId('my-rank').innerText(), /Your rank #1 with \d+ points and 1 solved/);
  await page.locator('.podium-1', { hasText: 'Dana Student' }).waitFor();

  // The service worker keeps the app shell: offline, a reload still shows the app and says it is offline.
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await context.setOffline(true);
  await page.reload();
  await page.getByText('You are offline.').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await context.setOffline(false);
  });
  assert.deepEqual(pageErrors, []);
  await context.close();
});

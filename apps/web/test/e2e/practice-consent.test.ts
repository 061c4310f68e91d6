// Practice and exams apart (issue 14, docs/proctoring.md "Practice and exams"), in a real browser on a fresh install:
// an untimed practice problem opens at once (statement and editor, no consent notice, nothing sent to the proctor
// routes); the timed FizzBuzz asks for consent before its statement; a practice problem a teacher chose to record
// asks above its statement, which stays readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ProctorSettings } from '@logicode/contracts';
import { TEACHER, apiCall, apiLogin, findProblemId } from './support/api.js';
import { newContext, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const env = e2eEnvironment();

/** Every request the page makes to the proctoring routes (attempts, heartbeats, events). */
function proctorRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/proctor/')) seen.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

test('fresh install: practice opens at once with no consent; a timed problem and recorded practice ask', async () => {
  const base = env.platform.baseUrl;
  const context = await newContext(env.browser, base);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const sent = proctorRequests(page);
  await withFailureShots([page], 'practice-consent', async () => {
    await signIn(page, 'alice@logicode.local', 'student-demo-pass');

    // An untimed seeded problem: statement and editor at once, no consent notice, no attempt, no events.
    const twoSum = await findProblemId(base, 'Two Sum');
    await page.goto(`/problems/${twoSum}`);
    await page.locator('#problem-title', { hasText: 'Two Sum' }).waitFor();
    await page.locator('.editor-area .monaco-editor').waitFor();
    await page.getByTestId('sample-test').first().waitFor();
    assert.equal(await page.getByTestId('consent-notice').count(), 0, 'no consent notice on practice');
    assert.equal(await page.getByTestId('attempt-banner').count(), 0, 'no proctoring banner');
    assert.equal(await page.getByTestId('run-button').isEnabled(), true);
    await page.waitForTimeout(2500); // a recording client would have sent its first batch and heartbeat by now
    assert.deepEqual(sent, [], 'nothing sent to the proctor routes');

    // The timed FizzBuzz: consent first, and its statement waits for it (the clock starts on "I understand").
    const fizz = await findProblemId(base, 'FizzBuzz');
    await page.goto(`/problems/${fizz}`);
    const notice = page.getByTestId('consent-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /timed/i);
    assert.equal(await page.locator('#problem-title').count(), 0, 'a timed statement waits for consent');
    assert.deepEqual(sent, [], 'no attempt before consent');
    await page.getByTestId('consent-accept').click();
    await page.getByText('Proctored attempt · activity is recorded').waitFor();
    await page.locator('#problem-title', { hasText: 'FizzBuzz' }).waitFor();
    assert.ok(sent.includes('POST /api/proctor/attempts'), sent.join(', '));

    // A teacher turns recording on for one practice problem: the notice sits above a readable statement.
    const reverse = await findProblemId(base, 'Reverse the Words');
    const token = await apiLogin(base, TEACHER.email, TEACHER.password);
    const global = await apiCall<ProctorSettings>(base, token, 'GET', '/api/teacher/proctor-settings');
    await apiCall(base, token, 'PUT', `/api/teacher/problems/${reverse}/proctor-settings`, { override: { ...global, enabled: true } });
    await page.goto(`/problems/${reverse}`);
    await page.locator('#problem-title', { hasText: 'Reverse the Words' }).waitFor();
    const inline = page.locator('[data-testid="consent-notice"][data-inline="true"]');
    await inline.waitFor();
    assert.equal(await page.getByTestId('sample-test').first().isVisible(), true, 'the statement is not hidden');
    assert.equal(await page.getByTestId('run-button').isEnabled(), false, 'Run waits for the answer');
    await page.getByTestId('consent-accept').click();
    await page.getByText('Recorded practice · activity is noted, never flagged').waitFor();
    assert.equal(await page.getByTestId('run-button').isEnabled(), true);
  });
  assert.deepEqual(pageErrors, []);
  await context.close();
});

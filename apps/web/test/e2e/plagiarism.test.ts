// Issue 16's teacher view of plagiarism: two students Submit the same program (one disguised); the incremental
// check pairs them; the admin sees the pair flagged with the levels explained, runs a check with stricter levels
// of their own and sees it drop below them, then compares the two side by side with a link per side.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ADMIN, apiCall, apiSession, findProblemId } from './support/api.js';
import { newContext, screenshot, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const env = e2eEnvironment();
const CORPUS = new URL('../../../../packages/plagiarism/test/corpus/knapsack/', import.meta.url);
const STUDENTS = [
  { email: 'alice@logicode.local', password: 'student-demo-pass', file: 'original.py' },
  { email: 'bob@logicode.local', password: 'student-demo-pass', file: 'copy-1.py' },
];

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('a teacher sees a copied pair flagged, changes the levels for a run, and compares the pair side by side', async () => {
  const base = env.platform.baseUrl;
  const problemId = await findProblemId(base, 'Balanced Brackets');
  for (const s of STUDENTS) {
    const { token } = await apiSession(base, s.email, s.password);
    const code = readFileSync(new URL(s.file, CORPUS), 'utf8');
    const { id } = await apiCall<{ id: number }>(base, token, 'POST', '/api/submissions', { problemId, language: 'python', mode: 'submit', code });
    await until(`submission ${id} judged`, async () => ((await apiCall<{ status: string }>(base, token, 'GET', `/api/submissions/${id}`)).status === 'done' ? true : null));
  }
  const admin = await apiSession(base, ADMIN.email, ADMIN.password);
  await until('the incremental pair', async () => {
    const report = await apiCall<{ total: number }>(base, admin.token, 'GET', `/api/teacher/problems/${problemId}/plagiarism`);
    return report.total > 0 ? true : null;
  });

  const context = await newContext(env.browser, base);
  const page = await context.newPage();
  await withFailureShots([page], 'plagiarism', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto('/teacher?tab=plagiarism');
    await page.getByLabel('Problem').selectOption(String(problemId));
    const row = page.locator('tbody tr').first();
    await row.getByText('flagged', { exact: true }).waitFor();
    assert.match(await page.getByTestId('flag-levels').innerText(), /similarity at least 42% or a matched fragment of at least 50 tokens/);

    // Stricter levels for this run: the same pair is then listed below them.
    const levels = page.getByTestId('plagiarism-levels');
    await levels.locator('summary').click();
    assert.match(await levels.innerText(), /one copied function/);
    await levels.getByLabel('Flag at similarity (%)').fill('100');
    await levels.getByLabel('Flag at a fragment of (tokens)').fill('100000');
    await page.getByRole('button', { name: 'Run a full check' }).click();
    await page.locator('tbody tr').first().getByText('below flag level').waitFor({ timeout: 120_000 });
    assert.match(await page.getByTestId('flag-levels').innerText(), /similarity at least 100%/);
    const run = await apiCall<{ run: { params: { flagSimilarity: number; flagFragmentTokens: number } } }>(base, admin.token, 'GET', `/api/teacher/problems/${problemId}/plagiarism`);
    assert.deepEqual([run.run.params.flagSimilarity, run.run.params.flagFragmentTokens], [1, 100000], 'the run used the levels set');

    await page.locator('tbody tr').first().getByRole('button', { name: 'Compare' }).click();
    const view = page.getByTestId('pair-view');
    await view.waitFor();
    assert.ok((await view.locator('mark').count()) > 0, 'matched code is highlighted');
    const links = view.getByRole('link', { name: /practice: no playback/ });
    assert.equal(await links.count(), 2, 'each side links to its student');
    assert.match((await links.first().getAttribute('href')) ?? '', /^\/teacher\/students\/\d+$/);
    await screenshot(page, 'teacher-plagiarism-pair', { fullPage: true });
  });
  await context.close();
});

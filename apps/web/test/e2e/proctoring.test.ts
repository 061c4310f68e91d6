// Proctoring end to end: a teacher's dashboard sees a student's tab switch and paste live (under 2 s, pushed
// over Socket.IO), the attempt's playback shows the code changing, and a timed attempt is submitted by the
// server after its deadline although the student closed the tab.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ProblemUpsertBody, SubmissionSummary } from '@logicode/contracts';
import { ADMIN, TEACHER, apiCall, apiLogin, findProblemId } from './support/api.js';
import { newContext, pasteText, screenshot, setEditorText, setPageHidden, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const LIVE_LIMIT_MS = 2000;
const SUM_SOLUTION = 'a, b = map(int, input().split())\nprint(a + b)\n';

const env = e2eEnvironment();

async function openProctored(page: Page, problemId: number): Promise<void> {
  await page.goto(`/problems/${problemId}`);
  await page.getByTestId('consent-accept').click();
  await page.getByText('Proctored attempt · activity is recorded').waitFor();
  await page.getByTestId('language-select').selectOption('python');
}

/** Milliseconds from now until the teacher's live feed shows an event of this type. */
async function feedLatency(teacher: Page, type: string, action: () => Promise<void>): Promise<number> {
  const before = await teacher.locator(`[data-event-type="${type}"]`).count();
  const started = Date.now();
  await action();
  await teacher.waitForFunction(`document.querySelectorAll('[data-event-type="${type}"]').length > ${before}`, undefined, { timeout: 10_000, polling: 50 });
  return Date.now() - started;
}

test('a teacher sees a tab switch and a paste live, and the attempt playback shows the code changing', async (t) => {
  t.after(() => {
    if (failed) console.log(`# platform log tail:\n${env.platform.log().slice(-4000).replace(/^/gm, '# ')}`);
  });
  let failed = true;
  const teacherContext = await newContext(env.browser, env.platform.baseUrl);
  const studentContext = await newContext(env.browser, env.platform.baseUrl);
  const teacher = await teacherContext.newPage();
  const student = await studentContext.newPage();
  await withFailureShots([teacher, student], 'proctor-live', async () => {
    await signIn(teacher, TEACHER.email, TEACHER.password);
    await teacher.goto('/teacher');
    await teacher.locator('.badge', { hasText: 'Live' }).waitFor();

    await signIn(student, 'bob@logicode.local', 'student-demo-pass');
    // The seeded timed problem: untimed practice is not recorded (docs/proctoring.md "Practice and exams").
    await openProctored(student, await findProblemId(env.platform.baseUrl, 'FizzBuzz'));
    await setEditorText(student, 'import sys\n# first idea\n');
    await student.waitForTimeout(2500); // one snapshot tick

    const tabMs = await feedLatency(teacher, 'tab_hidden', () => setPageHidden(student, true));
    await setPageHidden(student, false);
    assert.ok(tabMs < LIVE_LIMIT_MS, `the tab switch reached the teacher in ${tabMs} ms`);

    await student.locator('.editor-area .monaco-editor').click();
    await student.keyboard.press('ControlOrMeta+End');
    // Only pastes worth a look (50+ characters: severity medium) are pushed live; smaller ones stay in the events list.
    const pasted = '\nPASTE_MARK = [line.strip() for line in sys.stdin if line.strip()]  # from elsewhere\n';
    const pasteMs = await feedLatency(teacher, 'paste', () => pasteText(student, pasted));
    assert.ok(pasteMs < LIVE_LIMIT_MS, `the paste reached the teacher in ${pasteMs} ms`);
    console.log(`# live feed latency: tab switch ${tabMs} ms, paste ${pasteMs} ms`);
    assert.match(await teacher.locator('[data-event-type="paste"]').first().innerText(), /Bob Student pasted \d+ characters \(editor\)/);
    await teacher.getByTestId('active-sessions').getByText('Bob Student').waitFor();
    await screenshot(teacher, 'teacher-overview');

    await student.waitForTimeout(2500); // the snapshot with the paste goes out on the next tick
    await teacher.locator('[data-event-type="paste"]').first().getByRole('link', { name: 'review attempt' }).click();
    await teacher.getByTestId('attempt-review').waitFor();
    const content = teacher.getByTestId('frame-content');
    const scrubber = teacher.getByTestId('scrubber');
    await scrubber.focus();
    await teacher.keyboard.press('Home');
    const first = await content.textContent();
    await teacher.keyboard.press('End');
    const last = await content.textContent();
    assert.ok(first && last && first !== last, 'the first and the last snapshots differ');
    assert.ok(!first.includes('PASTE_MARK') && last.includes('PASTE_MARK'), 'the paste appears during playback');

    // Play from the start: the code changes on screen until it reaches the pasted line.
    await teacher.keyboard.press('Home');
    await teacher.getByTestId('play').click();
    await teacher.waitForFunction(`document.querySelector('[data-testid="frame-content"]').textContent.includes('PASTE_MARK')`, undefined, { timeout: 15_000 });
    const timeline = await teacher.getByTestId('timeline').innerText();
    assert.match(timeline, /left the tab/);
    assert.match(timeline, /pasted/);
    await screenshot(teacher, 'attempt-review');

    // The students page: the server searches and pages the class; Bob's detail lists his attempt.
    await teacher.goto('/teacher?tab=students');
    await teacher.getByRole('searchbox').fill('bob');
    const table = teacher.getByTestId('students-table');
    await teacher.waitForFunction(`[...document.querySelectorAll('[data-testid="students-table"] tbody tr')].length === 1`, undefined, { timeout: 10_000 });
    await table.getByRole('link', { name: 'Bob Student' }).click();
    await teacher.getByRole('heading', { name: 'Bob Student' }).waitFor();
    assert.match(await teacher.locator('.stat-grid').innerText(), /[1-9]\d*\s*Attempts/);
    await teacher.getByRole('link', { name: 'Review' }).first().waitFor();
    failed = false;
  });
  await teacherContext.close();
  await studentContext.close();
});

test('a timed attempt is submitted by the server at the deadline after the student closed the tab', async () => {
  const adminToken = await apiLogin(env.platform.baseUrl, ADMIN.email, ADMIN.password);
  const body: ProblemUpsertBody = {
    problem: {
      slug: 'quick-sum', title: 'Quick Sum', statement: 'Print the sum of two integers.', category: 'math', difficulty: 'easy',
      tags: [], style: 'stdio', timeLimitMs: 2000, memoryLimitKb: 262_144, checker: { kind: 'exact' }, timedDurationSec: 15, isPublished: true,
    },
    languages: [{ language: 'python', starterCode: '', driverCode: null }],
    tests: [{ input: '2 3\n', expectedOutput: '5\n', isSample: true, weight: 1 }, { input: '40 2\n', expectedOutput: '42\n', isSample: false, weight: 1 }],
    solutions: [{ language: 'python', source: SUM_SOLUTION }],
  };
  const problem = await apiCall<{ id: number }>(env.platform.baseUrl, adminToken, 'POST', '/api/admin/problems', body);

  const context = await newContext(env.browser, env.platform.baseUrl);
  const page = await context.newPage();
  await withFailureShots([page], 'proctor-timed', async () => {
    await signIn(page, 'alice@logicode.local', 'student-demo-pass');
    await openProctored(page, problem.id);
    await page.getByTestId('countdown').waitFor();
    await setEditorText(page, SUM_SOLUTION);
    await page.waitForTimeout(2500); // the snapshot holding this code reaches the server
  });
  await page.close({ runBeforeUnload: true }); // the tab is closed well before the deadline

  // The server's clock runs on: the latest snapshot is submitted for the student and judged.
  const deadline = Date.now() + 60_000;
  let auto: SubmissionSummary | undefined;
  while (Date.now() < deadline) {
    const res = await context.request.get(`/api/submissions?problemId=${problem.id}`);
    const page = (await res.json()) as { items: SubmissionSummary[] };
    auto = page.items.find((s) => s.autoSubmitted && s.status === 'done');
    if (auto) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(auto, 'an automatic submission was made and judged');
  assert.equal(auto.mode, 'submit');
  assert.equal(auto.verdict, 'AC', 'the code typed before closing the tab was the code submitted');

  // Coming back shows what happened instead of a fresh clock.
  const again = await context.newPage();
  await withFailureShots([again], 'proctor-timed-return', async () => {
    await again.goto(`/problems/${problem.id}`);
    await again.getByTestId('attempt-ended').waitFor();
    assert.match(await again.getByTestId('attempt-ended').innerText(), /Time is up/);
  });
  await context.close();
});

test('a teacher finds that automatic submission in the submissions tab and reads its code', async () => {
  const context = await newContext(env.browser, env.platform.baseUrl);
  const page = await context.newPage();
  await withFailureShots([page], 'teacher-submissions', async () => {
    await signIn(page, 'teacher@logicode.local', 'teacher-demo-pass');
    await page.goto('/teacher?tab=submissions');
    const row = page.getByTestId('teacher-submissions').locator('tr', { hasText: 'Quick Sum' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Alice/);
    assert.match(await row.innerText(), /auto/);
    await row.getByRole('button', { name: 'View code' }).click();
    const code = page.getByRole('region', { name: /^Submission \d+$/ });
    await code.locator('.view-lines', { hasText: 'print' }).waitFor({ timeout: 20_000 });
  });
  await context.close();
});

// Issue 19, the teacher and admin pages and the charts, in Chromium at desktop (light) and at 390x844 (dark):
// the dashboard's "active now" agrees with its live cards and speaks plainly; flags filter by class and are
// cleared in bulk; an attempt's timeline shows its Runs and Submits with verdicts beside an activity chart; an
// assessment's score distribution; a class's progress chart; a bulk invite names the bad address; a student's
// activity calendar; a wrong answer is not ticked like a solved problem; the problem editor does not pre-tick
// "Published", takes a new category, guards unsaved changes and says which languages have no reference
// solution; a malformed import is listed in plain words. Chart screenshots go to docs/screenshots.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { describe, it, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, TEACHER, apiCall, apiSession, findProblemId } from './support/api.js';
import { screenshotDir, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { BALANCED_BRACKETS_AC } from './support/solutions.js';

const env = e2eEnvironment();
const ALICE = { email: 'alice@logicode.local', password: 'student-demo-pass' };
const BOB = { email: 'bob@logicode.local', password: 'student-demo-pass' };

const LOOKS = [
  { name: 'desktop-light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' as const },
  { name: 'phone-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' as const },
];

interface World { classId: number; assessmentId: number; aliceAttemptId: number; problemId: number }

function contextFor(browser: Browser, baseURL: string, look: (typeof LOOKS)[number]): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: look.viewport, colorScheme: look.colorScheme, bypassCSP: true, isMobile: look.viewport.width < 500, hasTouch: look.viewport.width < 500 });
}

async function waitJudged(base: string, token: string, id: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const s = await apiCall<{ status: string }>(base, token, 'GET', `/api/submissions/${id}`);
    if (s.status === 'done') return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`submission ${id} was not judged in time`);
}

/** The demo class sits an assessment: Alice solves it (and pastes a lot), Bob gets a wrong answer. */
async function buildWorld(base: string): Promise<World> {
  const teacher = await apiSession(base, TEACHER.email, TEACHER.password);
  const classes = await apiCall<{ items: { id: number; name: string }[] }>(base, teacher.token, 'GET', '/api/classes');
  const classId = classes.items.find((c) => c.name === 'Demo class')!.id;
  const problemId = await findProblemId(base, 'Balanced Brackets');
  const now = Date.now();
  const assessment = await apiCall<{ id: number }>(base, teacher.token, 'POST', '/api/assessments', {
    classId, title: 'Brackets check', problems: [{ problemId, points: 10 }], windowStartAtMs: now - 60_000, windowEndAtMs: now + 3_600_000,
    durationMs: 1_800_000, showResultsToStudents: true,
    proctoring: { enabled: true, allowedTabSwitches: 0, largePasteChars: 200, fullscreenRequired: false, idleLimitSec: null, actionOnBreach: 'flag' },
  });
  await apiCall(base, teacher.token, 'POST', `/api/assessments/${assessment.id}/publish`);
  let aliceAttemptId = 0;
  for (const [who, code] of [[ALICE, BALANCED_BRACKETS_AC], [BOB, 'print("NO")\n']] as const) {
    const student = await apiSession(base, who.email, who.password);
    await apiCall(base, student.token, 'POST', `/api/assessments/${assessment.id}/start`, { consent: true });
    const opened = await apiCall<{ session: { attempt: { id: number } } }>(base, student.token, 'POST', `/api/assessments/${assessment.id}/problems/${problemId}/open`);
    const attemptId = opened.session.attempt.id;
    if (who === ALICE) {
      aliceAttemptId = attemptId;
      // A large paste (a flag) and a tab switch (another), as the proctor client would send them.
      const at = Date.now();
      await apiCall(base, student.token, 'POST', '/api/proctor/events', { sentAtMs: at, events: [
        { id: randomUUID(), clientTsMs: at - 500, problemId, attemptId, type: 'paste', data: { length: 600, place: 'editor' } },
        { id: randomUUID(), clientTsMs: at - 400, problemId, attemptId, type: 'tab_hidden', data: {} },
      ] });
    }
    if (who === ALICE) { // one Run is enough for the timeline and the calendar (each judging costs seconds on a busy machine)
      const run = await apiCall<{ id: number }>(base, student.token, 'POST', `/api/assessments/${assessment.id}/problems/${problemId}/submissions`, { language: 'python', code, mode: 'run' });
      await waitJudged(base, student.token, run.id);
    }
    const submit = await apiCall<{ id: number }>(base, student.token, 'POST', `/api/assessments/${assessment.id}/problems/${problemId}/submissions`, { language: 'python', code, mode: 'submit' });
    await waitJudged(base, student.token, submit.id);
  }
  return { classId, assessmentId: assessment.id, aliceAttemptId, problemId };
}

async function shot(page: Page, testId: string, file: string): Promise<void> {
  const target = page.getByTestId(testId);
  await target.scrollIntoViewIfNeeded();
  await target.screenshot({ path: `${screenshotDir}/${file}.png` });
}

/** No serious or critical axe-core violation on the page as it is (the main pages are checked by shell.test.ts). */
async function accessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(bad, [], `${where}: ${bad.join('; ')}`);
}

/** A drawn chart: its canvas has a size and its table of numbers is there. */
async function chartDrawn(page: Page, testId: string): Promise<void> {
  const figure = page.getByTestId(testId);
  await figure.waitFor();
  await page.waitForFunction((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement | null;
    return Boolean(canvas && canvas.width > 0 && canvas.getAttribute('style')?.includes('width'));
  }, testId);
  assert.ok(await figure.locator('details table tbody tr').count() > 0, `${testId} has a table of its numbers`);
}

describe('teacher and admin pages, and the charts', () => {
  let world: World;
  before(async () => {
    world = await buildWorld(env.platform.baseUrl);
  });

  for (const look of LOOKS) {
    it(`the teacher's pages [${look.name}]`, async () => {
      const context = await contextFor(env.browser, env.platform.baseUrl, look);
      const page = await context.newPage();
      await withFailureShots([page], `teacher-admin-${look.name}`, async () => {
        await signIn(page, TEACHER.email, TEACHER.password);
        // Dashboard: plain words, and "active now" counts the students behind the live cards.
        await page.goto('/teacher');
        await page.getByRole('heading', { level: 1, name: 'Teacher dashboard' }).waitFor();
        assert.equal(await page.getByText('Socket.IO').count(), 0, 'no engineering jargon');
        const cards = page.getByTestId('active-sessions').locator('li');
        await cards.first().waitFor();
        const names = new Set(await cards.locator('strong').allInnerTexts());
        const stat = page.getByTestId('stats').locator('.stat', { hasText: 'Students active now' }).locator('.stat-value');
        assert.equal(Number(await stat.innerText()), names.size);
        assert.match(await page.getByTestId('sessions-summary').innerText(), /^\d+ attempts? open by \d+ students?$/);
        await cards.first().locator('time').waitFor(); // "Started … ago", ticking with the shared clock

        // Flags: by class, then review all shown at once (desktop), or just the selection (phone).
        await page.goto('/teacher?tab=flags');
        // The desktop pass cleared them: the phone pass works on the cleared list.
        if (look.name !== 'desktop-light') await page.getByRole('tab', { name: 'Cleared' }).click();
        await page.getByTestId('flags-class').selectOption({ label: 'Demo class' });
        await page.getByTestId('flags-assessment').selectOption({ label: 'Brackets check' });
        const flagCards = page.getByTestId('flag-card');
        await flagCards.first().waitFor();
        const shown = await flagCards.count();
        assert.ok(shown >= 1, 'the assessment raised flags');
        await page.getByTestId('flags-select-all').check();
        await page.getByTestId('flags-bulk').getByText(`${shown} ${shown === 1 ? 'flag' : 'flags'} selected`).waitFor();
        if (look.name === 'desktop-light') {
          await page.getByLabel('Note for the selected flags').fill('Discussed with Alice');
          await page.getByRole('button', { name: 'Clear selected' }).click();
          await page.getByText('No open flags.').waitFor();
          await page.getByRole('tab', { name: 'Cleared' }).click();
          await flagCards.first().getByText('Note: Discussed with Alice').waitFor();
        }

        // The attempt: Runs and Submits with verdicts in the timeline, and the activity chart beside it.
        await page.goto(`/teacher/attempts/${world.aliceAttemptId}`);
        const subs = page.getByTestId('timeline-submission');
        await subs.first().waitFor();
        assert.deepEqual(await subs.evaluateAll((els) => els.map((e) => e.getAttribute('data-mode'))), ['run', 'submit']);
        await page.getByTestId('timeline').getByText('Submit').waitFor();
        await chartDrawn(page, 'attempt-activity-chart');
        await shot(page, 'attempt-activity-chart', `chart-attempt-activity-${look.name}`);
        await accessible(page, `attempt review ${look.name}`);

        // The assessment's score distribution (Alice 100 %, Bob 0 %).
        await page.goto(`/teacher/assessments/${world.assessmentId}?tab=scoreboard`);
        await chartDrawn(page, 'score-distribution');
        assert.match(await page.getByTestId('score-distribution').locator('p').first().innerText(), /2 students started: .* 1 student with full marks/);
        await shot(page, 'score-distribution', `chart-score-distribution-${look.name}`);
        await accessible(page, `scoreboard ${look.name}`);

        // The class: progress over time, and a bulk invite with one bad address.
        await page.goto(`/teacher/classes/${world.classId}`);
        await chartDrawn(page, 'class-progress-chart');
        await shot(page, 'class-progress-chart', `chart-class-progress-${look.name}`);
        await accessible(page, `class page ${look.name}`);
        await page.getByLabel('Invite students by email').fill(`new-${look.name}@school.test, not-an-address`);
        await page.getByRole('button', { name: /^Invite/ }).click();
        await page.getByTestId('invite-invalid').getByText('not-an-address').waitFor();
        await page.getByText('1 invited').waitFor();
        assert.equal(await page.getByLabel('Invite students by email').inputValue(), 'not-an-address', 'the refused address stays to be corrected');

        // Relative times move on their own: two minutes later (the page's clock, fast-forwarded) the card says so.
        if (look.name === 'desktop-light') {
          await context.clock.install();
          const later = await context.newPage();
          await later.goto('/teacher');
          const started = later.getByTestId('active-sessions').locator('time').first();
          await started.waitFor();
          const before = await started.innerText();
          await context.clock.fastForward('05:00');
          await later.waitForFunction((text) => document.querySelector('[data-testid="active-sessions"] time')?.textContent !== text, before);
          assert.match(await started.innerText(), /min ago|h ago/, `was "${before}"`);
        }
      });
      await context.close();
    });

    it(`the student's calendar and the assessment's marks [${look.name}]`, async () => {
      const context = await contextFor(env.browser, env.platform.baseUrl, look);
      const page = await context.newPage();
      await withFailureShots([page], `student-calendar-${look.name}`, async () => {
        await signIn(page, ALICE.email, ALICE.password);
        await page.goto('/profile');
        const today = new Date().toISOString().slice(0, 10);
        const cell = page.getByTestId('activity-calendar').locator(`[data-day="${today}"]`);
        await cell.waitFor();
        assert.ok(Number(await cell.getAttribute('data-count')) >= 2, 'today counts the Run and the Submit');
        assert.match(await page.getByTestId('activity-calendar').locator('#calendar-summary').innerText(), /1 submission \(1 accepted\) and 1 run on 1 day/);
        await shot(page, 'activity-calendar', `chart-activity-calendar-${look.name}`);
        // Bob's wrong answer is marked as submitted, not ticked (his own context: cookies are per context).
        const bobContext = await contextFor(env.browser, env.platform.baseUrl, look);
        const bob = await bobContext.newPage();
        await signIn(bob, BOB.email, BOB.password);
        await bob.goto(`/assessments/${world.assessmentId}`);
        const mark = bob.locator('.problem-nav .mark').first();
        await mark.waitFor();
        assert.equal(await mark.getAttribute('data-progress'), 'submitted');
        assert.notEqual((await mark.innerText()).trim(), '✓');
        assert.equal(await mark.getAttribute('aria-label'), 'submitted, not solved');
        await bobContext.close();
      });
      await context.close();
    });

    it(`the admin's problem editor and import [${look.name}]`, async () => {
      const context = await contextFor(env.browser, env.platform.baseUrl, look);
      const page = await context.newPage();
      await withFailureShots([page], `admin-editor-${look.name}`, async () => {
        await signIn(page, ADMIN.email, ADMIN.password);
        await page.goto('/admin/problems');
        // A malformed package: each problem in plain words, not schema text.
        await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1, "problem": {"title": 5}') });
        await page.getByTestId('import-problems').waitFor();
        assert.equal(await page.getByTestId('import-message').innerText(), 'The file is not valid JSON.');
        assert.match(await page.getByTestId('import-problems').innerText(), /^broken\.json: /);
        await page.locator('#import-file').setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ problem: { title: 5, category: 'Not A Category' } })) });
        await page.getByTestId('import-message').getByText('is not a problem this server can import').waitFor();
        const lines = await page.getByTestId('import-problems').locator('li').allInnerTexts();
        assert.ok(lines.some((l) => /title should be text, not a number/.test(l)), lines.join(' | '));
        assert.ok(lines.some((l) => /^problem › category: Use lower-case letters/.test(l)), lines.join(' | '));
        assert.ok(lines.every((l) => !/received|expected|Invalid input/.test(l)), lines.join(' | '));

        // A new problem: not published until ticked; a new category; leaving with unsaved changes asks first.
        await page.getByRole('link', { name: 'New problem' }).click();
        await page.getByRole('heading', { level: 1, name: 'New problem' }).waitFor();
        assert.equal(await page.getByLabel('Published (visible to students)').isChecked(), false);
        await page.getByLabel('Title').fill('Unsaved work');
        await page.getByLabel('Category').fill('bit-tricks');
        await page.getByTestId('unsaved').waitFor();
        await page.goBack();
        const dialog = page.getByTestId('confirm-dialog');
        await dialog.getByText('Leave without saving?').waitFor();
        await page.getByTestId('confirm-cancel').click();
        assert.equal(await page.getByLabel('Title').inputValue(), 'Unsaved work');
        assert.equal(await page.getByLabel('Category').inputValue(), 'bit-tricks');
        assert.ok(new URL(page.url()).pathname.endsWith('/new'));
      });
      await context.close();
    });
  }
});

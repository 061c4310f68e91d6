// Assessments end to end: a teacher creates a class and an assessment and publishes it; one student is invited by
// email, the other joins with the class code; both take it and submit; one switches tabs and is flagged; the
// teacher's live view shows the flag, and the CSV export's points match the verdicts of the submissions.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { SubmissionSummary } from '@logicode/contracts';
import { TEACHER, apiCall, apiLogin, findProblemId } from './support/api.js';
import { newContext, screenshot, setEditorText, setPageHidden, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { BALANCED_BRACKETS_AC as AC_CODE } from './support/solutions.js';

const env = e2eEnvironment();

const ALICE = { email: 'alice@logicode.local', password: 'student-demo-pass' };
const BOB = { email: 'bob@logicode.local', password: 'student-demo-pass' };
const POINTS = 100;

// Counts brackets only: right on some tests, wrong on others (WA with a partial score).
const WA_CODE = `import sys

data = sys.stdin.read().split()
t = int(data[0])
print("\\n".join("YES" if len(s) % 2 == 0 else "NO" for s in data[1:1 + t]))
`;

/** Minimal RFC 4180 reader: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  return text.trim().split(/\r?\n/).map((line) => {
    const out: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { out.push(field); field = ''; }
      else field += c;
    }
    out.push(field);
    return out;
  });
}

/** The student opens the assessment from their list, accepts the notice and lands in the taking view. */
async function startAssessment(page: Page, title: string): Promise<void> {
  await page.goto('/assessments');
  await page.getByTestId('my-assessment').filter({ hasText: title }).getByRole('link', { name: 'Start' }).click();
  await page.getByTestId('assessment-consent').waitFor();
  await page.getByTestId('assessment-start').click();
  await page.getByTestId('assessment-taking').waitFor();
  await page.getByTestId('countdown').waitFor();
  await page.getByText('Proctored attempt · activity is recorded').waitFor();
  await page.getByTestId('language-select').selectOption('python');
}

async function submitAndWait(page: Page, code: string, verdict: string): Promise<void> {
  await setEditorText(page, code);
  await page.getByTestId('submit-button').click();
  await page.locator(`[data-testid="verdict"][data-verdict="${verdict}"]`).waitFor({ timeout: 90_000 });
}

/** The points a student's best judged Submit earns, read from the submissions API (the judge's own verdicts). */
async function bestPoints(token: string, problemId: number): Promise<{ points: number; verdicts: string[] }> {
  const page = await apiCall<{ items: SubmissionSummary[] }>(env.platform.baseUrl, token, 'GET', `/api/submissions?problemId=${problemId}&pageSize=50`);
  const judged = page.items.filter((s) => s.mode === 'submit' && s.status === 'done');
  const best = Math.max(0, ...judged.map((s) => s.score ?? 0));
  return { points: Math.round((best / 100) * POINTS * 100) / 100, verdicts: judged.map((s) => s.verdict ?? '') };
}

test('a teacher publishes an assessment, two students take it, one is flagged, and the CSV matches the submissions', async (t) => {
  let failed = true;
  t.after(() => {
    if (!failed) return;
    const logPath = `${tmpdir()}/logicode-e2e-assessments-platform.log`;
    writeFileSync(logPath, env.platform.log());
    console.log(`# platform log in ${logPath}; its tail:\n${env.platform.log().slice(-2000).replace(/^/gm, '# ')}`);
  });
  const problemId = await findProblemId(env.platform.baseUrl, 'Balanced Brackets');
  const secondId = await findProblemId(env.platform.baseUrl, 'Counting Primes');
  const title = 'Unit 2 test: stacks';
  const contexts = await Promise.all([0, 1, 2].map(() => newContext(env.browser, env.platform.baseUrl)));
  const [teacher, alice, bob] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!teacher || !alice || !bob) throw new Error('no pages');

  await withFailureShots([teacher, alice, bob], 'assessments', async () => {
    // The teacher creates a class, invites Alice by email and reads the join code for Bob.
    await signIn(teacher, TEACHER.email, TEACHER.password);
    await teacher.goto('/teacher/classes');
    await teacher.getByLabel('New class').fill('Period 3');
    await teacher.getByRole('button', { name: 'Create class' }).click();
    await teacher.getByTestId('class-list').getByRole('link', { name: 'Period 3' }).click();
    const joinCode = (await teacher.getByTestId('join-code').innerText()).trim();
    assert.match(joinCode, /^[A-Z2-9]{8}$/);
    await teacher.getByLabel('Invite students by email').fill(`${ALICE.email}\n`);
    await teacher.getByRole('button', { name: /^Invite/ }).click();
    await teacher.getByText('1 added').waitFor();
    await teacher.getByTestId('roster').getByText(ALICE.email).waitFor();

    // The assessment: two problems, strict tab-switch rule (the first switch is flagged), large pastes not flagged.
    await teacher.getByRole('link', { name: 'New assessment' }).click();
    await teacher.getByTestId('assessment-editor').waitFor();
    await teacher.getByLabel('Title').fill(title);
    await teacher.getByLabel('Instructions').fill('Two problems. Python is fine. **No outside help.**');
    for (const id of [problemId, secondId]) {
      await teacher.getByLabel('Problem to add').selectOption(String(id));
      await teacher.getByRole('button', { name: 'Add problem' }).click();
    }
    await teacher.getByLabel('Points for Counting Primes').fill('50');
    await teacher.getByLabel('Duration (minutes)').fill('45');
    await teacher.getByLabel('Tab switches allowed before a flag').fill('0');
    await teacher.getByLabel('A paste this long is large (characters)').fill('100000');
    await teacher.evaluate('window.scrollTo(0, 0)'); // the sticky top bar belongs at the top of a full-page shot
    await screenshot(teacher, 'assessments-editor', { fullPage: true });
    await teacher.getByRole('button', { name: 'Save draft' }).click();
    await teacher.getByRole('button', { name: 'Publish' }).click();
    // Publishing asks first, in the app's own dialog (not the browser's confirm()).
    await teacher.getByTestId('confirm-ok').click();
    await teacher.locator('[data-status="published"]').waitFor();
    const assessmentId = Number(new URL(teacher.url()).pathname.split('/').pop());
    assert.ok(assessmentId > 0, `assessment page URL ${teacher.url()}`);
    // The teacher keeps the live view open (joined to the assessment's room) while the students work.
    await teacher.getByTestId('live-stats').getByText('Live', { exact: true }).waitFor();
    const row = (email: string) => teacher.locator(`[data-testid="live-row"][data-user="${email}"]`);

    // Alice (invited) takes it: AC on the first problem, then a tab switch.
    await signIn(alice, ALICE.email, ALICE.password);
    await startAssessment(alice, title);
    await submitAndWait(alice, AC_CODE, 'AC');
    // Pushed, not polled: the view's safety-net refetch is 30 s away.
    const hiddenAtMs = Date.now();
    await setPageHidden(alice, true);
    await row(ALICE.email).getByTestId('flags').filter({ hasText: /[1-9]\d* flags?/ }).waitFor({ timeout: 10_000 });
    console.log(`# the tab switch's flag reached the teacher's live view in ${Date.now() - hiddenAtMs} ms`);
    await setPageHidden(alice, false);
    await screenshot(alice, 'assessments-taking');

    // Bob joins with the code and gets a partial WA; he moves to the second problem and back.
    await signIn(bob, BOB.email, BOB.password);
    await bob.goto('/assessments');
    await bob.getByRole('textbox', { name: 'Join a class' }).fill(joinCode.toLowerCase());
    await bob.getByRole('button', { name: 'Join' }).click();
    await bob.getByText('You joined Period 3').waitFor();
    await startAssessment(bob, title);
    await submitAndWait(bob, WA_CODE, 'WA');
    await bob.getByRole('button', { name: /Counting Primes/ }).click();
    await bob.locator('.statement', { hasText: 'Counting Primes' }).first().waitFor();

    // The teacher's live view: both started, Alice's tab switch flagged, Bob's Submit counted.
    await row(BOB.email).locator('[data-status="in_progress"]').waitFor();
    assert.equal((await row(BOB.email).getByTestId('flags').innerText()).trim(), '0', 'Bob did not switch tabs');
    await row(BOB.email).getByText(/pts · 1×/).waitFor({ timeout: 30_000 });
    await screenshot(teacher, 'assessments-live');

    // The CSV: one row per student; its points are the judge's scores × the problem's points.
    const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByTestId('export-csv').click()]);
    const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
    const header = csv[0] ?? [];
    const col = (name: string) => {
      const i = header.indexOf(name);
      assert.ok(i >= 0, `CSV column ${name} in ${header.join(',')}`);
      return i;
    };
    const byEmail = new Map(csv.slice(1).map((r) => [r[col('email')], r]));
    const aliceToken = await apiLogin(env.platform.baseUrl, ALICE.email, ALICE.password);
    const bobToken = await apiLogin(env.platform.baseUrl, BOB.email, BOB.password);
    const expected = [
      { email: ALICE.email, ...(await bestPoints(aliceToken, problemId)), verdict: 'AC', flagged: true },
      { email: BOB.email, ...(await bestPoints(bobToken, problemId)), verdict: 'WA', flagged: false },
    ];
    for (const e of expected) {
      const r = byEmail.get(e.email);
      assert.ok(r, `a CSV row for ${e.email}`);
      assert.deepEqual(e.verdicts, [e.verdict], `${e.email}'s one judged Submit`);
      assert.equal(Number(r[col(`Balanced Brackets (${POINTS})`)]), e.points, `${e.email}: Balanced Brackets points`);
      assert.equal(Number(r[col('Counting Primes (50)')]), 0, `${e.email}: nothing submitted for Counting Primes`);
      assert.equal(Number(r[col('total')]), e.points, `${e.email}: total`);
      const flags = Number(r[col('flags')]);
      assert.ok(e.flagged ? flags >= 1 : flags === 0, `${e.email}: ${flags} flags`);
    }
    assert.equal(expected[0]?.points, POINTS, 'an AC earns every point');
    assert.ok((expected[1]?.points ?? POINTS) < POINTS, 'a WA earns fewer');
    console.log(`# CSV: ${csv.map((r) => r.join(',')).join(' | ')}`);

    // Alice's attempt: the timeline shows the tab switch beside the code playback; a manual adjustment is audited.
    await row(ALICE.email).getByRole('link', { name: 'Attempt' }).click();
    await teacher.getByTestId('attempt-review').waitFor();
    assert.match(await teacher.getByTestId('timeline').innerText(), /left the tab/);
    await teacher.getByLabel('Points (+ or −)').fill('-10');
    await teacher.getByLabel('Reason (kept in the audit log)').fill('Worked with a classmate (admitted)');
    await teacher.getByRole('button', { name: 'Adjust' }).click();
    await teacher.getByTestId('adjustments').getByText('Worked with a classmate (admitted)').waitFor();
    await teacher.goto(`/teacher/assessments/${assessmentId}?tab=scoreboard`);
    const aliceTotal = await teacher.getByTestId('scoreboard').locator(`tr[data-user="${ALICE.email}"] td`).nth(5).innerText();
    assert.equal(Number(aliceTotal), POINTS - 10, 'the adjustment counts in the total');

    // Alice hands in and sees her results (the teacher shows them).
    await alice.getByRole('button', { name: 'Hand in' }).click();
    await alice.getByTestId('confirm-ok').click();
    await alice.getByTestId('time-up').getByText('You handed in').waitFor();
    await alice.getByRole('link', { name: 'See your results' }).click();
    assert.equal((await alice.getByTestId('my-total').innerText()).trim(), `${POINTS - 10} / ${POINTS + 50}`);
    failed = false;
  });
  await Promise.all(contexts.map((c) => c.close()));
});

test('the server clock runs out: a reload continues the attempt, and the last code is submitted at the deadline', async (t) => {
  let failed = true;
  t.after(() => {
    if (failed) console.log(`# platform log tail:\n${env.platform.log().slice(-3000).replace(/^/gm, '# ')}`);
  });
  const base = env.platform.baseUrl;
  const problemId = await findProblemId(base, 'Balanced Brackets');
  const teacherToken = await apiLogin(base, TEACHER.email, TEACHER.password);
  const klass = await apiCall<{ id: number }>(base, teacherToken, 'POST', '/api/classes', { name: 'Quiz group' });
  await apiCall(base, teacherToken, 'POST', `/api/classes/${klass.id}/invites`, { emails: [ALICE.email] });
  // The window closes in 40 s, so the clock (10 minutes otherwise) stops then: the deadline is the window's end.
  const nowMs = Date.now();
  const quiz = await apiCall<{ id: number }>(base, teacherToken, 'POST', '/api/assessments', {
    classId: klass.id, title: 'Pop quiz', problems: [{ problemId, points: 10 }], windowStartAtMs: nowMs - 60_000,
    windowEndAtMs: nowMs + 40_000, durationMs: 600_000, showResultsToStudents: true,
  });
  await apiCall(base, teacherToken, 'POST', `/api/assessments/${quiz.id}/publish`);

  const context = await newContext(env.browser, base);
  const page = await context.newPage();
  await withFailureShots([page], 'assessments-deadline', async () => {
    await signIn(page, ALICE.email, ALICE.password);
    await page.goto(`/assessments/${quiz.id}`);
    await page.getByTestId('assessment-start').click();
    await page.getByTestId('countdown').waitFor();
    await page.getByTestId('language-select').selectOption('python');
    await setEditorText(page, AC_CODE);
    await page.waitForTimeout(2500); // a snapshot tick sends the code to the server

    // A reload lands in the same attempt: no notice, the same clock, the draft still there.
    const before = await page.getByTestId('countdown').innerText();
    await page.reload();
    await page.getByTestId('countdown').waitFor();
    assert.equal(await page.getByTestId('assessment-consent').count(), 0, 'no second consent notice');
    const after = await page.getByTestId('countdown').innerText();
    const seconds = (text: string) => (/(\d+):(\d+)/.exec(text) ?? []).slice(1).reduce((sum, part) => sum * 60 + Number(part), 0);
    assert.ok(seconds(after) <= seconds(before) && seconds(after) <= 40, `the clock went on (${before} → ${after})`);
    await page.locator('.editor-area .view-lines', { hasText: 'def balanced' }).waitFor();

    // Nobody presses Submit: at zero the page says the code was submitted, and the results show it judged.
    await page.getByText('submitted for you automatically').waitFor({ timeout: 90_000 });
    await page.getByRole('link', { name: 'See your results' }).click();
    const deadline = Date.now() + 60_000;
    let total = '';
    while (Date.now() < deadline) {
      total = (await page.getByTestId('my-total').innerText().catch(() => '')).trim();
      if (total === '10 / 10') break;
      await page.waitForTimeout(1000);
      await page.reload();
    }
    assert.equal(total, '10 / 10', 'the automatic submission of the AC code earned every point');
    failed = false;
  });
  await context.close();
});

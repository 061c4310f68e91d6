// The teacher's live feed names who and what (issue 14, item 6): on a fresh install the demo teacher's dashboard
// (its own feed:teacher:<id> room: Alice is in the demo class) shows a student's ordinary Run and Submit the moment
// they are made, by name and problem, and then their verdicts; the flags list and an attempt review name the
// student and the problem too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEACHER, apiCall, apiSession } from './support/api.js';
import { newContext, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const env = e2eEnvironment();
const ALICE = { email: 'alice@logicode.local', password: 'student-demo-pass' };
/** Any program: the feed shows whatever verdict it gets. */
const CODE = 'print(1)\n';

test('the teacher\'s live feed shows a student\'s Run and Submit by name, with their verdicts', async (t) => {
  let failed = true;
  t.after(() => {
    if (failed) console.log(`# platform log tail:\n${env.platform.log().slice(-4000).replace(/^/gm, '# ')}`);
  });
  const base = env.platform.baseUrl;
  const context = await newContext(env.browser, base);
  const teacher = await context.newPage();
  await withFailureShots([teacher], 'teacher-feed', async () => {
    await signIn(teacher, TEACHER.email, TEACHER.password);
    await teacher.goto('/teacher');
    await teacher.locator('.badge', { hasText: 'Live' }).waitFor();
    await teacher.getByText('Tab switches, pastes, flags and submissions appear here').waitFor();

    const alice = await apiSession(base, ALICE.email, ALICE.password);
    const problems = await apiCall<{ items: { id: number; title: string }[] }>(base, alice.token, 'GET', '/api/problems?q=two%20sum');
    const problem = problems.items.find((p) => p.title === 'Two Sum')!;
    const feed = teacher.getByTestId('live-feed');
    const run = await apiCall<{ id: number }>(base, alice.token, 'POST', '/api/submissions', { problemId: problem.id, language: 'python', code: CODE, mode: 'run' });
    await feed.getByText(`${alice.user.name} ran ${problem.title}`, { exact: false }).first().waitFor({ timeout: 10_000 });
    // Its verdict replaces the line when the worker has judged it.
    await feed.getByText(new RegExp(`${alice.user.name} ran ${problem.title}: [A-Z]{2,3}`)).waitFor({ timeout: 60_000 });
    const submit = await apiCall<{ id: number }>(base, alice.token, 'POST', '/api/submissions', { problemId: problem.id, language: 'python', code: CODE, mode: 'submit' });
    assert.notEqual(run.id, submit.id);
    await feed.getByText(new RegExp(`${alice.user.name} submitted ${problem.title}: [A-Z]{2,3}`)).waitFor({ timeout: 60_000 });
  });
  failed = false;
  await context.close();
});

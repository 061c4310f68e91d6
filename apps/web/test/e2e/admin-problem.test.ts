// An admin writes a problem with a sample and hidden tests. A wrong reference solution is refused with the
// failing test named; the right one saves. A student then sees the sample, never the hidden tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN } from './support/api.js';
import { newContext, screenshot, setEditorText, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const BAD_SOLUTION = 'a, b = map(int, input().split())\nprint(a - b)\n';
const GOOD_SOLUTION = 'a, b = map(int, input().split())\nprint(a + b)\n';
const HIDDEN_INPUT = '123456 654321';

const env = e2eEnvironment();

test('an admin creates a problem with hidden tests; a bad reference solution is refused, a good one saves; students see only samples', async () => {
  const adminContext = await newContext(env.browser, env.platform.baseUrl);
  const admin = await adminContext.newPage();
  let problemId = 0;
  await withFailureShots([admin], 'admin', async () => {
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/admin/problems/new');
    const form = admin.getByTestId('problem-editor');
    await form.getByLabel('Title').fill('Sum of Two');
    assert.equal(await form.getByLabel('Slug').inputValue(), 'sum-of-two', 'the slug follows the title');
    await form.getByLabel('Statement', { exact: true }).fill('Read two integers `a` and `b`; print `a + b`.');
    await form.getByLabel('Difficulty').selectOption('easy');
    // A new problem starts unpublished (issue 19); this one is for students at once.
    await form.getByLabel('Published (visible to students)').check();
    // Offer Python only (C++ is on by default for a new problem).
    await form.getByRole('checkbox', { name: 'C++ (g++, C++17)' }).uncheck();
    await form.getByRole('checkbox', { name: 'Python 3' }).check();

    // One sample and two hidden tests.
    await form.getByLabel('Test 1 input').fill('2 3');
    await form.getByLabel('Test 1 expected output').fill('5');
    await form.getByTestId('add-test').click();
    await form.getByLabel('Test 2 input').fill(HIDDEN_INPUT);
    await form.getByLabel('Test 2 expected output').fill('777777');
    await form.getByTestId('add-test').click();
    await form.getByLabel('Test 3 input').fill('-4 4');
    await form.getByLabel('Test 3 expected output').fill('0');
    await form.getByLabel('Test 3 weight').fill('3');

    // A wrong reference solution: the save is refused and says which test failed.
    await setEditorText(admin, BAD_SOLUTION, '.problem-editor');
    await form.getByTestId('save-problem').click();
    const saveError = admin.getByTestId('save-error');
    await saveError.waitFor({ timeout: 90_000 });
    const errorText = await saveError.innerText();
    assert.match(errorText, /Not saved/);
    assert.match(errorText, /test 1/i, `the failing test is named: ${errorText}`);
    assert.equal(new URL(admin.url()).pathname, '/admin/problems/new', 'nothing was created');
    await screenshot(admin, 'admin-problem-editor');

    // The right one saves, and the page becomes the problem's edit page.
    await setEditorText(admin, GOOD_SOLUTION, '.problem-editor');
    await form.getByTestId('save-problem').click();
    await admin.waitForURL(/\/admin\/problems\/\d+$/, { timeout: 90_000 });
    problemId = Number(new URL(admin.url()).pathname.split('/').pop());
    assert.ok(problemId > 0);
    // The saved notice names the languages whose reference solution was checked (only Python is offered).
    await admin.getByTestId('save-result').getByText(/^Saved\. The reference solution \(Python[^)]*\) passed every test\.$/).waitFor();
  });
  await adminContext.close();

  // A student sees the sample and a count of hidden tests, never their contents.
  const studentContext = await newContext(env.browser, env.platform.baseUrl);
  const student = await studentContext.newPage();
  await withFailureShots([student], 'admin-student', async () => {
    await signIn(student, 'alice@logicode.local', 'student-demo-pass');
    const detail = await student.request.get(`/api/problems/${problemId}`);
    const body = await detail.text();
    assert.ok(!body.includes(HIDDEN_INPUT), 'the API never sends hidden tests to a student');
    await student.goto(`/problems/${problemId}`); // untimed practice: no consent notice
    await student.getByRole('heading', { name: 'Sum of Two' }).waitFor();
    assert.equal(await student.getByTestId('sample-test').count(), 1);
    assert.match(await student.getByTestId('hidden-count').innerText(), /2 hidden tests/);
    assert.ok(!(await student.content()).includes(HIDDEN_INPUT), 'the page never shows hidden tests');
  });
  await studentContext.close();
});

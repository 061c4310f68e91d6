// Accounts in Chromium (issue 15, item 2): an admin makes a one-time reset link for Bob and hands it over; Bob, who
// forgot his password, opens it signed out: a common password is refused, a good one is taken and the session Bob
// had open elsewhere ends; the link does not work twice; Bob changes his password on his profile; the forgot page
// says this server sends no e-mail; an admin deactivates Bob, who then cannot sign in, and reactivates him.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, screenshot, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const env = e2eEnvironment();
const BOB = 'bob@logicode.local';

test('reset link, password change and deactivation, as an admin and a student would do them', async () => {
  const adminContext = await newContext(env.browser, env.platform.baseUrl);
  const bobOldContext = await newContext(env.browser, env.platform.baseUrl);
  const bobContext = await newContext(env.browser, env.platform.baseUrl);
  const admin = await adminContext.newPage();
  const bobOld = await bobOldContext.newPage();
  const bob = await bobContext.newPage();
  await withFailureShots([admin, bobOld, bob], 'accounts', async () => {
    await signIn(bobOld, BOB, 'student-demo-pass');
    const me = () => bobOld.evaluate(async () => (await fetch('/api/auth/me')).status);
    assert.equal(await me(), 200);

    // The forgot page says how links travel here (no SMTP in this platform).
    await bob.goto('/login');
    await bob.getByRole('link', { name: 'Forgot your password?' }).click();
    await bob.getByLabel('Email').fill(BOB);
    await bob.getByRole('button', { name: 'Send me a reset link' }).click();
    await bob.getByText('This site does not send e-mail').waitFor();

    // The admin makes the link.
    await signIn(admin, 'admin@logicode.local', 'admin-demo-pass');
    await admin.goto('/admin/users');
    await admin.getByPlaceholder('Name or email').fill('bob@');
    const row = admin.getByRole('row', { name: /Bob Student/ });
    await row.getByRole('button', { name: 'Reset link' }).click();
    const linkField = admin.getByLabel('Reset link for Bob Student');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    assert.match(link, /\/reset-password\?token=[\w-]{40,}$/);
    await screenshot(admin, 'admin-users-reset-link');

    // Bob opens it: a common password is refused, a good one is taken.
    await bob.goto(link);
    await bob.getByLabel('New password', { exact: true }).fill('password1');
    await bob.getByLabel('New password again').fill('password1');
    await bob.getByRole('button', { name: 'Set the new password' }).click();
    await bob.getByText('common passwords').waitFor();
    await bob.getByLabel('New password', { exact: true }).fill('bob-brand-new-42');
    await bob.getByLabel('New password again').fill('bob-brand-new-42');
    await bob.getByRole('button', { name: 'Set the new password' }).click();
    await bob.getByText('every earlier session is signed out').waitFor();
    assert.equal(await me(), 401, 'the session Bob had open elsewhere ended');
    await bob.goto(link);
    await bob.getByText('not valid, was used already or has expired').waitFor();

    // Bob signs in with it and changes it again on his profile.
    await signIn(bob, BOB, 'bob-brand-new-42');
    await bob.goto('/profile');
    await bob.getByLabel('Current password').fill('bob-brand-new-42');
    await bob.getByLabel('New password', { exact: true }).fill('bob-second-pass-7');
    await bob.getByRole('button', { name: 'Change password' }).click();
    await bob.getByText('Password changed').waitFor();
    assert.equal(await bob.evaluate(async () => (await fetch('/api/auth/me')).status), 200, 'this session goes on');

    // Deactivated: signed out at once, cannot sign in; reactivated: can.
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await admin.getByText('(deactivated)').waitFor();
    assert.equal(await bob.evaluate(async () => (await fetch('/api/auth/me')).status), 401);
    const fresh = await (await newContext(env.browser, env.platform.baseUrl)).newPage();
    await fresh.goto('/login');
    await fresh.getByLabel('Email').fill(BOB);
    await fresh.getByLabel('Password').fill('bob-second-pass-7');
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await fresh.getByText('This account is deactivated').waitFor();
    await row.getByRole('button', { name: 'Reactivate' }).click();
    await admin.getByText('(deactivated)').waitFor({ state: 'detached' });
    await signIn(fresh, BOB, 'bob-second-pass-7');
  });
  await adminContext.close();
  await bobOldContext.close();
  await bobContext.close();
});

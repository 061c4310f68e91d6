// The app shell (issue 19) in a real browser: theme (light, dark, system; remembered; Monaco follows), the phone
// header and its menu, per-page titles and focus after a navigation, tabs by arrow keys, the styled confirmation
// dialog, sign-up errors that go stale, a 404 that says so, a signed-out page that logs no error, and an axe-core
// pass over every main page of each role (support/main-pages.ts) on desktop and at 390x844, light and dark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findProblemId } from './support/api.js';
import { signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';
import { ACCOUNTS, MAIN_PAGES, type PageIds, type Role } from './support/main-pages.js';

const env = e2eEnvironment();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Reduced motion: the buttons' colour transitions would otherwise be caught half-way by the contrast check. */
function context(browser: Browser, baseURL: string, options: { phone?: boolean; dark?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: options.phone ? PHONE : DESKTOP,
    colorScheme: options.dark ? 'dark' : 'light',
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
}

const theme = (page: Page) => page.evaluate('document.documentElement.dataset.theme') as Promise<string>;
const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;
const activeDescription = (page: Page) =>
  page.evaluate(`(() => { const a = document.activeElement; return a ? a.tagName + ':' + (a.textContent || '').trim().slice(0, 60) : 'none'; })()`) as Promise<string>;

test('phone, signed out, dark OS: menu, theme switch remembered, titles, focus, sign-up errors, a 404', async () => {
  const ctx = await context(env.browser, env.platform.baseUrl, { phone: true, dark: true });
  const page = await ctx.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  const encodings = new Map<string, string>();
  page.on('response', (r) => {
    if (/\/assets\/[^/]+\.(js|css)$/.test(r.url())) encodings.set(r.url(), r.headers()['content-encoding'] ?? 'identity');
  });
  await withFailureShots([page], 'shell-phone', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The build's brotli copies (scripts/precompress.mjs) are what the browser gets (issue 18 item 5).
    const entry = [...encodings].find(([url]) => /\/assets\/index-[^/]+\.js$/.test(url));
    assert.equal(entry?.[1], 'br', `the entry chunk comes brotli-compressed: ${JSON.stringify([...encodings])}`);
    assert.equal(await theme(page), 'dark', 'system preference follows the OS (dark)');
    assert.equal(await page.title(), 'LogiCode');
    assert.ok((await scrollWidth(page)) <= PHONE.width, 'no sideways scrolling on a phone');

    // The navigation is folded behind Menu; Escape closes it and gives focus back to the button.
    const menu = page.getByTestId('menu-button');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.isVisible(), false);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await nav.getByRole('link', { name: 'Problems' }).waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await nav.isVisible(), false);
    assert.match(await activeDescription(page), /^BUTTON:.*Menu/);

    // Keyboard only: open, Tab into the links, follow one. The menu closes, the page gets its title, focus its heading.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.match(await activeDescription(page), /^A:Problems/);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/problems');
    await page.getByRole('link', { name: 'Two Sum' }).waitFor();
    assert.equal(await nav.isVisible(), false, 'following a link closes the menu');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.title(), 'Problems · LogiCode');
    assert.ok((await scrollWidth(page)) <= PHONE.width, 'the problem list fits a phone');

    // Its topics wait behind "Topics" (the list starts on the first screen); I/O styles are not topics; the common
    // ones show first with "more"; a chosen topic can be cleared with "Clear filters".
    const topicsButton = page.getByRole('button', { name: /^Topics/ });
    assert.equal(await page.locator('#topic-list').isVisible(), false);
    await topicsButton.click();
    assert.equal(await topicsButton.getAttribute('aria-expanded'), 'true');
    const topics = await page.locator('#topic-list .tag').allInnerTexts();
    assert.ok(topics.length > 0 && topics.length <= 10, `the common topics only: ${topics.join(', ')}`);
    assert.equal(topics.includes('function'), false, 'an I/O style is not a topic');
    await page.getByRole('button', { name: /more topics/ }).click();
    const everyTopic = await page.locator('#topic-list .tag').allInnerTexts();
    assert.ok(everyTopic.length > topics.length && !everyTopic.includes('function'));
    await page.locator('#topic-list .tag', { hasText: topics[0]! }).first().click();
    await page.waitForURL(/tags=/);
    await page.getByTestId('clear-filters').click();
    await page.waitForURL((url) => !url.search.includes('tags='));
    assert.ok((await scrollWidth(page)) <= PHONE.width, 'every topic shown still fits');

    // Light, chosen in the menu, is remembered across a reload while the OS stays dark.
    await menu.click();
    const toggle = page.getByTestId('theme-toggle');
    assert.equal(await toggle.getAttribute('data-preference'), 'system');
    await toggle.click();
    assert.equal(await theme(page), 'light');
    await page.reload();
    await page.getByRole('link', { name: 'Two Sum' }).waitFor();
    assert.equal(await theme(page), 'light', 'the choice survives a reload');
    assert.equal(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(246, 247, 251)');

    assert.deepEqual(consoleErrors, [], 'signed-out pages log no console error (GET /api/auth/me?optional=1 answers 200)');

    // Sign-up: a server error under a field goes once that field changes; the others stay.
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Phone Person');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const errors = page.locator('.field-error');
    await errors.first().waitFor();
    const before = await errors.count();
    assert.ok(before >= 2, `email and password errors shown (${before})`);
    await page.getByLabel('Email').fill('phone.person@example.com');
    await page.waitForFunction((n) => document.querySelectorAll('.field-error').length === n - 1, before);
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), 'false');
    assert.equal(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'), 'true');

    // A problem that does not exist: "Not found", no "Try again".
    await page.goto('/problems/999999');
    await page.getByRole('heading', { name: 'Problem not found' }).waitFor();
    await page.getByTestId('not-found').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
    assert.equal(await page.title(), 'Problem not found · LogiCode');

  });
  await ctx.close();
});

test('signed in on a desktop: Monaco follows the theme, consent hands focus to the problem, tabs by arrow keys, confirm dialog', async () => {
  const base = env.platform.baseUrl;
  const ctx = await context(env.browser, base);
  const page = await ctx.newPage();
  await withFailureShots([page], 'shell-desktop', async () => {
    await signIn(page, ACCOUNTS.student.email, ACCOUNTS.student.password);
    // Column sorting: Title ascending, then descending; aria-sort says which.
    await page.goto('/problems');
    const titleHeader = page.getByRole('columnheader', { name: /Title/ });
    await titleHeader.getByRole('button').click();
    await page.waitForURL(/sort=title/);
    await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]') !== null);
    // aria-sort follows the URL at once; the rows follow when the sorted page arrives, so wait for them.
    const rowsSorted = (direction: 1 | -1) => page.waitForFunction((dir) => {
      const shownNow = [...document.querySelectorAll('.problem-table tbody .problem-link')].map((el) => el.textContent ?? '');
      return shownNow.length > 1 && shownNow.every((title, i) => i === 0 || dir * shownNow[i - 1]!.localeCompare(title) <= 0);
    }, direction, { timeout: 10_000 }).catch(() => undefined);
    await rowsSorted(1);
    const titles = async () => page.locator('.problem-table tbody .problem-link').allInnerTexts();
    let shown = await titles();
    assert.deepEqual(shown, [...shown].sort((a, b) => a.localeCompare(b)), 'A to Z');
    await titleHeader.getByRole('button').click();
    await page.waitForURL(/order=desc/);
    await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
    await page.waitForFunction((first) => document.querySelector('.problem-table tbody .problem-link')?.textContent !== first, shown[0]!);
    await rowsSorted(-1);
    shown = await titles();
    assert.deepEqual(shown, [...shown].sort((a, b) => b.localeCompare(a)), 'Z to A');
    assert.match(await page.getByTestId('acceptance').first().innerText(), /^(–|\d+%)$/);

    await page.goto(`/problems/${await findProblemId(base, 'Two Sum')}`);
    await page.locator('.editor-area .monaco-editor.vs').waitFor();
    assert.equal(await page.title(), 'Two Sum · LogiCode');
    const statementTags = await page.locator('.statement-header .tag').allInnerTexts();
    assert.ok(statementTags.length > 0 && !statementTags.includes('function'), `topics, not the I/O style: ${statementTags.join(', ')}`);
    // Light → Dark with the header's button: the editor turns vs-dark without a reload.
    await page.getByTestId('theme-toggle').click();
    assert.equal(await page.getByTestId('theme-toggle').getAttribute('data-preference'), 'light');
    await page.getByTestId('theme-toggle').click();
    assert.equal(await theme(page), 'dark');
    await page.locator('.editor-area .monaco-editor.vs-dark').waitFor();

    // The timed FizzBuzz: after "I understand", focus is on the problem's heading, not lost to <body>.
    await page.goto(`/problems/${await findProblemId(base, 'FizzBuzz')}`);
    await page.getByTestId('consent-accept').click();
    await page.waitForFunction(() => document.activeElement?.id === 'problem-title');

    // Tabs: arrow keys move and select, Home/End jump; only the selected tab is in the Tab order.
    const tabs = page.locator('.pane-left [role="tablist"] [role="tab"]');
    await tabs.first().focus();
    assert.equal(await tabs.first().getAttribute('tabindex'), '0');
    assert.equal(await tabs.nth(1).getAttribute('tabindex'), '-1');
    await page.keyboard.press('ArrowRight');
    assert.equal(await tabs.nth(1).getAttribute('aria-selected'), 'true');
    assert.equal(await tabs.nth(1).evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('Home');
    assert.equal(await tabs.first().getAttribute('aria-selected'), 'true');

  });
  await ctx.close();
  // An admin's role change asks first, in the app's dialog: focus starts on Cancel, Tab stays inside,
  // Escape cancels (nothing changes), then the confirm button applies it.
  const adminCtx = await context(env.browser, base);
  const admin = await adminCtx.newPage();
  await withFailureShots([admin], 'shell-confirm', async () => {
    const page = admin;
    await signIn(page, ACCOUNTS.admin.email, ACCOUNTS.admin.password);
    await page.goto('/admin/users');
    const role = page.getByRole('combobox', { name: /Role of Bob/ });
    await role.waitFor();
    const was = await role.inputValue();
    await role.selectOption(was === 'teacher' ? 'student' : 'teacher');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    assert.match(await dialog.getAttribute('aria-labelledby') ?? '', /title/);
    assert.match(await activeDescription(page), /^BUTTON:Cancel/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.match(await activeDescription(page), /^BUTTON:Cancel/, 'Tab cycles inside the dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await role.inputValue(), was, 'Escape changed nothing');
    await role.selectOption(was === 'teacher' ? 'student' : 'teacher');
    await page.getByTestId('confirm-ok').click();
    await page.getByText('Saved.').waitFor();
    // The select shows the stored role once the list is read again.
    await page.waitForFunction((before) => (document.querySelector('select[aria-label^="Role of Bob"]') as HTMLSelectElement | null)?.value !== before, was);
  });
  await adminCtx.close();
});

/**
 * axe-core over every main page of each role. Each page is checked once (an axe pass costs a second or more), in one
 * of the four combinations of desktop/390x844 and light/dark, taken in turn page by page, so every combination
 * covers several pages of several roles; every page is also laid out at 390x844 to check it has no sideways scroll.
 */
const COMBINATIONS = [[DESKTOP, false], [PHONE, true], [DESKTOP, true], [PHONE, false]] as const;

test('accessibility: no serious or critical axe violation on any main page, desktop and phone, light and dark', async () => {
  const base = env.platform.baseUrl;
  const ids: PageIds = { twoSumId: await findProblemId(base, 'Two Sum'), aliceId: 0 };
  const found: string[] = [];
  let turn = 0;
  for (const role of Object.keys(MAIN_PAGES) as Role[]) {
    const ctx = await context(env.browser, base);
    const page = await ctx.newPage();
    await withFailureShots([page], `axe-${role}`, async () => {
      if (role !== 'visitor') await signIn(page, ACCOUNTS[role].email, ACCOUNTS[role].password);
      if (role === 'admin') ids.aliceId = await aliceIdFrom(page);
      for (const entry of MAIN_PAGES[role]) {
        const path = typeof entry.path === 'string' ? entry.path : entry.path(ids);
        const [size, dark] = COMBINATIONS[turn++ % COMBINATIONS.length]!;
        await page.setViewportSize(PHONE);
        await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
        await page.goto(path);
        await entry.ready(page);
        if (path !== '/') assert.match(await page.title(), / · LogiCode$/, `${role} ${entry.name} has its own title`);
        assert.ok((await scrollWidth(page)) <= PHONE.width, `${role} ${entry.name}: no sideways scrolling at 390 px`);
        await page.setViewportSize(size);
        // Monaco repaints in the page's theme a frame after it mounts.
        if (await page.locator('.monaco-editor').count()) await page.locator(`.monaco-editor.${dark ? 'vs-dark' : 'vs'}`).first().waitFor();
        const where = `${role} ${entry.name} ${size.width}px ${dark ? 'dark' : 'light'}`;
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical') continue;
          found.push(`${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
      }
      // The phone menu, open, in the dark: its links and buttons are checked too.
      if (role === 'teacher') {
        await page.setViewportSize(PHONE);
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.getByTestId('menu-button').click();
        const result = await new AxeBuilder({ page }).include('header').withTags(['wcag2a', 'wcag2aa']).analyze();
        for (const v of result.violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`open phone menu: ${v.id}`);
      }
    });
    await ctx.close();
  }
  assert.deepEqual(found, []);
});

/** The seeded student's id (ids differ per database): read through the admin's user search. */
async function aliceIdFrom(page: Page): Promise<number> {
  const body = await page.evaluate(`fetch('/api/admin/users?q=alice').then((r) => r.json())`) as { items: Array<{ id: number; email: string }> };
  const alice = body.items.find((u) => u.email === ACCOUNTS.student.email);
  if (!alice) throw new Error('the seeded student is missing');
  return alice.id;
}

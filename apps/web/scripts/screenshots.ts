// Takes the documentation's screenshots of the app's looks (docs/screenshots/*.png): dark mode on a desktop and the
// phone layout (390x844), on a fresh platform with the demo data, in headless Chromium. Add a shot to SHOTS.
// Usage: node --import tsx apps/web/scripts/screenshots.ts   (needs the built app: npm run build -w @logicode/web,
// or WEB_DIST_DIR; starts and stops its own platform, like the e2e tests)
import type { Page } from 'playwright-core';
import { startPlatform } from '../test/e2e/support/platform.js';
import { launchBrowser, screenshot, signIn } from '../test/e2e/support/browser.js';
import { findProblemId } from '../test/e2e/support/api.js';
import { ACCOUNTS, type Role } from '../test/e2e/support/main-pages.js';

interface Shot {
  name: string;
  role: Exclude<Role, 'visitor'>;
  phone?: boolean;
  dark?: boolean;
  /** Goes to the page and leaves it as the picture should show it. */
  show: (page: Page, ids: { twoSumId: number }) => Promise<unknown>;
}

export const SHOTS: Shot[] = [
  {
    name: 'dark-problem-page', role: 'student', dark: true,
    show: async (page, { twoSumId }) => {
      await page.goto(`/problems/${twoSumId}`);
      await page.locator('.editor-area .monaco-editor.vs-dark .view-lines').waitFor();
    },
  },
  {
    name: 'dark-problem-list', role: 'student', dark: true,
    show: async (page) => {
      await page.goto('/problems');
      await page.getByRole('link', { name: 'Two Sum' }).waitFor();
    },
  },
  {
    name: 'dark-teacher-dashboard', role: 'teacher', dark: true,
    show: async (page) => {
      await page.goto('/teacher');
      await page.getByRole('heading', { name: 'Teacher dashboard' }).waitFor();
    },
  },
  {
    name: 'phone-problem-list', role: 'student', phone: true,
    show: async (page) => {
      await page.goto('/problems');
      await page.getByRole('link', { name: 'Two Sum' }).waitFor();
    },
  },
  {
    name: 'phone-menu', role: 'teacher', phone: true, dark: true,
    show: async (page) => {
      await page.goto('/teacher');
      await page.getByRole('heading', { name: 'Teacher dashboard' }).waitFor();
      await page.getByTestId('menu-button').click();
    },
  },
  {
    name: 'phone-problem-page', role: 'student', phone: true, dark: true,
    show: async (page, { twoSumId }) => {
      await page.goto(`/problems/${twoSumId}`);
      await page.locator('.editor-area .monaco-editor.vs-dark .view-lines').waitFor();
    },
  },
];

const platform = await startPlatform();
const browser = await launchBrowser();
try {
  const ids = { twoSumId: await findProblemId(platform.baseUrl, 'Two Sum') };
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      baseURL: platform.baseUrl,
      viewport: shot.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
      deviceScaleFactor: shot.phone ? 2 : 1,
      colorScheme: shot.dark ? 'dark' : 'light',
      reducedMotion: 'reduce',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS[shot.role].email, ACCOUNTS[shot.role].password);
    await shot.show(page, ids);
    await screenshot(page, shot.name);
    console.log(`docs/screenshots/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await platform.stop();
}

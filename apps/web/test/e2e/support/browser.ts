// Headless Chromium from apt, driven by playwright-core (no bundled browser download).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = new URL('../../../../../', import.meta.url).pathname;
export const screenshotDir = `${root}docs/screenshots`;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run'],
  });
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  // bypassCSP: Playwright evaluates string predicates (waitForFunction) with eval, which the app's CSP refuses;
  // the CSP itself is checked, without the bypass, by security-headers.test.ts.
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, bypassCSP: true });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Replaces the Monaco editor's text the way a person would: focus, select all, paste. (Typing would be
 * re-indented by the editor line by line; a paste is inserted as it is.)
 */
export async function setEditorText(page: Page, text: string, scope = '.editor-area'): Promise<void> {
  const editor = page.locator(`${scope} .monaco-editor`).first();
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await pasteText(page, text);
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: options.fullPage ?? false });
}

/**
 * Hides or shows the page as a tab switch would: headless Chromium has no second window to switch to, so
 * the page's visibility is overridden and the browser's own event is dispatched. (A string, because tsx's
 * helpers do not exist inside the page.)
 */
export async function setPageHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate(`(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${hidden ? 'hidden' : 'visible'}' });
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);
}

/** A paste into the focused editor, as the browser delivers one (with clipboard data). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const target = document.activeElement || document.body;
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

/** Runs a flow; if it throws, saves a screenshot of each page under the temp dir and names it in the error. */
export async function withFailureShots<T>(pages: Page[], name: string, flow: () => Promise<T>): Promise<T> {
  try {
    return await flow();
  } catch (error) {
    const paths: string[] = [];
    for (const [i, page] of pages.entries()) {
      const path = `${tmpdir()}/logicode-e2e-${name}-${i}.png`;
      await page.screenshot({ path }).then(() => paths.push(path), () => undefined);
    }
    if (error instanceof Error) error.message += `\n(screenshots: ${paths.join(', ')}; url ${pages.map((p) => p.url()).join(', ')})`;
    throw error;
  }
}

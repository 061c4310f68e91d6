import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startPlatform, type Platform } from './platform.js';

export interface E2eEnvironment {
  platform: Platform;
  browser: Browser;
}

/** One platform and one browser per test file: started before its first test, stopped after its last. */
export function e2eEnvironment(): E2eEnvironment {
  const env = {} as E2eEnvironment;
  before(async () => {
    // Settled, not all: if one fails the other is still kept, so after() stops it (a platform left running
    // would keep the test file alive until its time-out).
    const [platform, browser] = await Promise.allSettled([startPlatform(), launchBrowser()]);
    if (platform.status === 'fulfilled') env.platform = platform.value;
    if (browser.status === 'fulfilled') env.browser = browser.value;
    if (platform.status === 'rejected') throw platform.reason;
    if (browser.status === 'rejected') throw browser.reason;
  });
  after(async () => {
    await env.browser?.close();
    await env.platform?.stop();
  });
  return env;
}

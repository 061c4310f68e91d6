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
    [env.platform, env.browser] = await Promise.all([startPlatform(), launchBrowser()]);
  });
  after(async () => {
    await env.browser?.close();
    await env.platform?.stop();
  });
  return env;
}

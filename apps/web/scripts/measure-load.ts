// Measures how fast the problem page becomes usable over loopback, in headless Chromium from apt:
// first contentful paint, DOMContentLoaded, and "interactive" = the Monaco editor has rendered its
// text and the Run button is enabled. Cold = a fresh browser context (empty cache); warm = a reload.
// Usage: node --import tsx apps/web/scripts/measure-load.ts http://127.0.0.1:3000 [runs]
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const runs = Number(process.argv[3] ?? 5);
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'teacher@logicode.local', password: 'teacher-demo-pass' }) });
const cookies = (login.headers.getSetCookie?.() ?? []).map((c) => {
  const [pair] = c.split(';');
  const [name, ...rest] = (pair ?? '').split('=');
  return { name: name ?? '', value: rest.join('='), url: base };
});
const problems = (await (await fetch(`${base}/api/problems?pageSize=1`)).json()) as { items: { id: number }[] };
const problemId = problems.items[0]?.id ?? 1;

const results: Record<'cold' | 'warm', { fcp: number[]; dcl: number[]; interactive: number[] }> = {
  cold: { fcp: [], dcl: [], interactive: [] },
  warm: { fcp: [], dcl: [], interactive: [] },
};
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  for (const kind of ['cold', 'warm'] as const) {
    await page.goto(`${base}/problems/${problemId}`, { waitUntil: 'commit' });
    await page.locator('.editor-area .monaco-editor .view-lines').waitFor();
    await page.locator('[data-testid="run-button"]:not([disabled])').waitFor();
    const t = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : NaN, dcl: nav.domContentLoadedEventEnd, now: performance.now() };
    })()`)) as { fcp: number; dcl: number; now: number };
    results[kind].fcp.push(t.fcp);
    results[kind].dcl.push(t.dcl);
    results[kind].interactive.push(t.now);
  }
  await context.close();
}
await browser.close();
for (const kind of ['cold', 'warm'] as const) {
  const r = results[kind];
  console.log(`${kind}: median of ${runs}: FCP ${median(r.fcp).toFixed(0)} ms, DOMContentLoaded ${median(r.dcl).toFixed(0)} ms, editor interactive ${median(r.interactive).toFixed(0)} ms (max ${Math.max(...r.interactive).toFixed(0)} ms)`);
}

// Bytes the problem page (the editor page, Monaco included) costs on a first visit: the sum over every response of
// what crossed the wire (Chromium's encodedDataLength: compressed body + headers) and of the decoded bodies, in a
// fresh browser context (empty cache, no service worker yet), signed in as the demo student, until the editor shows.
// Usage: node --import tsx apps/web/scripts/measure-transfer.ts [baseUrl]
//   without a URL it starts its own platform on the built app (apps/web/dist, or WEB_DIST_DIR), as the e2e tests do.
import { startPlatform, type Platform } from '../test/e2e/support/platform.js';
import { launchBrowser, signIn } from '../test/e2e/support/browser.js';
import { findProblemId } from '../test/e2e/support/api.js';

const given = process.argv[2];
const platform: Platform | null = given ? null : await startPlatform();
const base = given ?? platform!.baseUrl;
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, 'alice@logicode.local', 'student-demo-pass');
  const problemId = await findProblemId(base, 'Two Sum');
  // A second, clean context with the session's cookies: nothing cached from the sign-in page.
  const cold = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, storageState: await context.storageState() });
  const editorPage = await cold.newPage();
  const cdp = await cold.newCDPSession(editorPage);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const wire = new Map<string, number>();
  const decoded = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, `${e.response.url} [${e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity'}]`));
  cdp.on('Network.dataReceived', (e) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength));
  cdp.on('Network.loadingFinished', (e) => wire.set(e.requestId, e.encodedDataLength));
  await editorPage.goto(`/problems/${problemId}`);
  await editorPage.locator('.editor-area .monaco-editor .view-lines').waitFor();
  await editorPage.waitForLoadState('networkidle');
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const rows = [...wire.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [id, bytes] of rows) console.log(`  ${String(bytes).padStart(9)} B  ${urls.get(id)?.replace(base, '') ?? id}`);
  console.log(`editor page, first visit: ${wire.size} responses, ${(sum(wire) / 1024).toFixed(0)} KiB transferred, ${(sum(decoded) / 1024).toFixed(0)} KiB decoded`);
} finally {
  await browser.close();
  await platform?.stop();
}

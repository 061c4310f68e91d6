// Problem packages end to end, on the whole platform (api + real worker + sandboxed judge): every fixture package's
// submissions come back with the verdict their folder names; the CLI imports a folder; an admin uploads a zip in
// the browser, reads the report, publishes (a mismatch must be confirmed); a student sees the LaTeX statement's
// math rendered by KaTeX and its image.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { PackageImportResponse } from '@logicode/contracts';
import { zipFolder } from '@logicode/core';
import { ADMIN, apiLogin } from './support/api.js';
import { newContext, screenshot, signIn, withFailureShots } from './support/browser.js';
import { e2eEnvironment } from './support/environment.js';

const root = new URL('../../../../', import.meta.url).pathname;
const FIXTURES = join(root, 'apps/api/test/fixtures/problem-packages');
const env = e2eEnvironment();

async function zipOf(folder: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'logicode-e2e-zip-')), `${folder.split('/').pop()}.zip`);
  await zipFolder(folder, path);
  return path;
}

async function importViaApi(token: string, folder: string): Promise<PackageImportResponse> {
  const zip = await zipOf(folder);
  const form = new FormData();
  form.append('package', new Blob([(await import('node:fs')).readFileSync(zip)], { type: 'application/zip' }), 'package.zip');
  const res = await fetch(`${env.platform.baseUrl}/api/admin/problem-packages`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return JSON.parse(text) as PackageImportResponse;
}

function assertVerdictsAsNamed(result: PackageImportResponse): void {
  for (const s of result.report.submissions) {
    if (s.skipped) continue;
    assert.equal(s.got, s.expected, `${result.slug}: ${s.path} expected ${s.expected}, got ${s.got} (${s.message})`);
  }
  assert.equal(result.report.hasMismatch, false, result.slug);
}

test('each package\'s submissions get the verdicts their folders name (API and CLI), with the real judge', async () => {
  const token = await apiLogin(env.platform.baseUrl, ADMIN.email, ADMIN.password);
  const sum = await importViaApi(token, join(FIXTURES, 'sum'));
  assertVerdictsAsNamed(sum);
  assert.equal(sum.report.submissions.filter((s) => s.got !== null).length, 5, 'py and c accepted, WA, TLE, RE');
  assert.match(sum.report.submissions.find((s) => s.path.endsWith('.kt'))!.skipped!, /not a language/);
  assert.equal(sum.report.timeLimit.source, 'derived');
  assert.match(sum.report.timeLimit.note, /× 5/);
  // float-avg's mapping is covered by the API test; judging it here would only add time.
  for (const name of ['guess', 'scored']) {
    const result = await importViaApi(token, join(FIXTURES, name));
    assertVerdictsAsNamed(result);
    assert.ok(result.report.submissions.some((s) => s.got === 'AC'), name);
    assert.ok(result.report.submissions.some((s) => s.got !== null && s.got !== 'AC'), `${name}: a rejected one too`);
  }

  // The CLI zips the folder and uploads it to the same route.
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'apps/cli/src/main.ts', 'problems', 'import', join(FIXTURES, 'two-parts')], {
    cwd: root, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, LOGICODE_URL: env.platform.baseUrl, LOGICODE_ADMIN_EMAIL: ADMIN.email, LOGICODE_ADMIN_PASSWORD: ADMIN.password },
  });
  assert.equal(cli.status, 0, cli.stderr + cli.stdout);
  assert.match(cli.stdout, /Imported "Two Parts" as problem \d+/);
  assert.match(cli.stdout, /ok +submissions\/accepted\/halves\.py: AC → AC/);
  assert.match(cli.stdout, /ok +submissions\/wrong_answer\/off-by-one\.py: WA → WA/);
  assert.match(cli.stdout, /Every judged submission got the verdict its folder names/);
});

test('an admin uploads a zip in the browser, reads the report, confirms a mismatch to publish; a student sees KaTeX math and the image', async () => {
  // A package whose right answer sits in wrong_answer/: the judge says AC, the folder says WA.
  const mislabelled = join(mkdtempSync(join(tmpdir(), 'logicode-e2e-pkg-')), 'latex-figure');
  cpSync(join(FIXTURES, 'latex-figure'), mislabelled, { recursive: true });
  cpSync(join(mislabelled, 'submissions/accepted'), join(mislabelled, 'submissions/wrong_answer'), { recursive: true });
  renameSync(join(mislabelled, 'submissions/wrong_answer/perimeter.py'), join(mislabelled, 'submissions/wrong_answer/mislabelled.py'));
  const zip = await zipOf(mislabelled);

  const context = await newContext(env.browser, env.platform.baseUrl);
  const admin = await context.newPage();
  let problemId = 0;
  await withFailureShots([admin], 'package-import', async () => {
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto('/admin/problems/import');
    await admin.getByLabel('Problem package (zip)').setInputFiles(zip);
    await admin.getByTestId('upload-package').click();
    const report = admin.getByTestId('import-report');
    await report.waitFor({ timeout: 120_000 });
    assert.match(await report.innerText(), /Imported Triangle Figure/);
    assert.match(await admin.getByTestId('report-time-limit').innerText(), /2000 ms \(package\)/);
    assert.match(await report.innerText(), /\\fancybox/, 'what the converter did not understand is listed');
    const mismatch = admin.locator('[data-testid="report-submissions"] tr[data-status="mismatch"]');
    assert.equal(await mismatch.count(), 1);
    assert.match(await mismatch.innerText(), /mislabelled\.py\s+Wrong Answer\s+Accepted/);
    const publish = admin.getByTestId('publish-problem');
    assert.equal(await publish.isDisabled(), true, 'a mismatch must be confirmed first');
    await screenshot(admin, 'admin-package-import-report');
    await admin.getByTestId('mismatch-warning').getByRole('checkbox').check();
    await publish.click();
    await admin.getByTestId('published').waitFor();
    problemId = Number((await report.getByRole('link').first().getAttribute('href'))!.split('/').pop());
  });
  await context.close();

  const studentContext = await newContext(env.browser, env.platform.baseUrl);
  const student = await studentContext.newPage();
  await withFailureShots([student], 'package-statement', async () => {
    await signIn(student, 'alice@logicode.local', 'student-demo-pass');
    await student.goto(`/problems/${problemId}`);
    await student.getByRole('heading', { name: 'Triangle Figure' }).waitFor();
    const statement = student.locator('.markdown').first();
    assert.ok((await statement.locator('.katex').count()) >= 3, 'inline math is rendered by KaTeX');
    assert.ok(!(await statement.innerText()).includes('$a+b+c$'), 'no literal dollars left');
    const image = statement.locator('img');
    await image.waitFor();
    assert.equal(await image.getAttribute('alt'), 'A triangle with sides a, b, c.', 'plain alt text: no markup leaks into the attribute');
    assert.ok(!(await statement.innerText()).includes('">'), 'no attribute text spilled into the page');
    assert.ok(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the package image loads');
    await screenshot(student, 'package-statement-katex');
  });
  await studentContext.close();
});

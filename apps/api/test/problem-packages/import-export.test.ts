// ICPC/Kattis packages through the HTTP API (docs/problem-packages.md): import (zip upload, multipart, streamed)
// with its report, statement images served from the statement folder only, publish with a mismatch confirmation,
// export then import giving the same problem, the admin upload limit apart from the student body limit, and
// hostile zips refused whole. No worker here (validation off): submissions are listed as not judged; the e2e
// test judges them.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '@logicode/db/testing';
import { FIXTURES, multipart, rawZip, zipOf } from '../helpers/package-zips.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Headers = { authorization: string };
const UPLOAD_LIMIT = 7 * 1024 * 1024;

for (const dialect of TEST_DIALECTS) {
  describe(`problem packages [${dialect}]`, () => {
    let t: TestApp;
    let admin: Headers;
    let student: Headers;

    const upload = async (zip: Buffer, headers: Headers = admin, fileName = 'package.zip') => {
      const body = multipart('package', fileName, zip);
      return t.app.inject({ method: 'POST', url: '/api/admin/problem-packages', headers: { ...headers, ...body.headers }, payload: body.payload });
    };

    before(async () => {
      t = await createTestApp(dialect, { PACKAGE_UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
      admin = (await t.userWithRole('admin')).headers;
      student = (await t.userWithRole('student')).headers;
    });
    after(() => t.close());

    it('imports a plain package unpublished, with tests in order, the Markdown statement and a report', async () => {
      const res = await upload(await zipOf(join(FIXTURES, 'sum')), admin, 'sum.zip');
      assert.equal(res.statusCode, 201, res.body);
      const { id, report, isPublished } = res.json();
      assert.equal(isPublished, false);
      assert.equal(report.shortName, 'sum');
      assert.deepEqual(report.testCount, { sample: 1, secret: 2 });
      assert.equal(report.timeLimit.source, 'default', 'no worker: nothing to derive the limit from');
      const kotlin = report.submissions.find((s: { path: string }) => s.path.endsWith('.kt'));
      assert.match(kotlin.skipped, /not a language LogiCode runs/);
      assert.ok(report.submissions.every((s: { got: unknown }) => s.got === null));
      const problem = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}`, headers: admin })).json();
      assert.equal(problem.title, 'Sum of Two');
      assert.match(problem.statement, /\$a \+ b\$/);
      assert.deepEqual(problem.tests.map((x: { input: string; isSample: boolean }) => [x.input, x.isSample]),
        [['2 3\n', true], ['-4 4\n', false], ['1000000000 1000000000\n', false]]);
      assert.deepEqual(problem.checker, { kind: 'default', caseSensitive: false, spaceChangeSensitive: false, floatAbsoluteTolerance: null, floatRelativeTolerance: null });
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/problems/${id}`, headers: student })).statusCode, 404, 'unpublished');
    });

    it('reads the 2023-07 draft: limits and the float tolerance of data/testdata.yaml', async () => {
      const res = await upload(await zipOf(join(FIXTURES, 'float-avg')));
      assert.equal(res.statusCode, 201, res.body);
      const { id, report } = res.json();
      assert.equal(report.formatVersion, '2023-07-draft');
      assert.deepEqual(report.timeLimit, { ms: 1500, source: 'package', note: 'From the package.' });
      const problem = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}`, headers: admin })).json();
      assert.equal(problem.title, 'Average');
      assert.equal(problem.memoryLimitKb, 128 * 1024);
      assert.deepEqual(problem.checker, { kind: 'default', caseSensitive: false, spaceChangeSensitive: false, floatAbsoluteTolerance: 1e-4, floatRelativeTolerance: 1e-4 });
    });

    it('converts a LaTeX statement, serves its image from the statement folder only, and lists what it did not understand', async () => {
      const res = await upload(await zipOf(join(FIXTURES, 'latex-figure')));
      assert.equal(res.statusCode, 201, res.body);
      const { id, report } = res.json();
      assert.equal(report.statement.kind, 'latex');
      assert.deepEqual(report.statement.unsupported, ['\\fancybox']);
      const problem = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}`, headers: admin })).json();
      const imageUrl = `/api/problems/${id}/package-files/problem_statement/triangle.png`;
      assert.ok(problem.statement.includes(`![A triangle with sides a, b, c.](${imageUrl})`), problem.statement);
      assert.match(problem.statement, /\*A triangle with sides \$a\$, \$b\$, \$c\$\.\*/, 'the caption keeps its math');
      assert.match(problem.statement, /## Input/);
      assert.match(problem.statement, /\| Input \| Output \|/);
      assert.match(problem.statement, /```\n3 4 5\n```/);
      assert.match(problem.statement, /\\fancybox\{Kept as text\}/, 'an unknown command keeps its text');

      assert.equal((await t.app.inject({ method: 'GET', url: imageUrl, headers: student })).statusCode, 404, 'not before it is published');
      // ... except to a student who started an assessment that holds it (rows as the assessment services write them).
      const db = t.runtime.db.db;
      const teacher = await t.userWithRole('teacher');
      const other = await t.userWithRole('student');
      const now = Date.now();
      const cls = await db.insertInto('classes').values({ name: 'C', teacherId: teacher.id, joinCode: `J${now}${dialect}`.slice(0, 16), createdAtMs: now }).executeTakeFirstOrThrow();
      const assessment = await db.insertInto('assessments').values({
        classId: Number(cls.insertId), title: 'A', instructions: '', windowStartAtMs: now, windowEndAtMs: now + 3_600_000, durationMs: 3_600_000, proctoring: null,
        showResults: 0, scoring: 'best', status: 'published', createdBy: teacher.id, createdAtMs: now, updatedAtMs: now, publishedAtMs: now, closedAtMs: null,
      }).executeTakeFirstOrThrow();
      await db.insertInto('assessmentProblems').values({ assessmentId: Number(assessment.insertId), problemId: id, ordinal: 0, points: 100 }).execute();
      await db.insertInto('classMembers').values({ classId: Number(cls.insertId), userId: other.id, joinedAtMs: now }).execute();
      await db.insertInto('assessmentAttempts').values({ assessmentId: Number(assessment.insertId), userId: other.id, startedAtMs: now, consentAtMs: now, deadlineAtMs: now + 3_600_000, endedAtMs: null, endReason: null }).execute();
      assert.equal((await t.app.inject({ method: 'GET', url: imageUrl, headers: other.headers })).statusCode, 200, 'an assessment student sees the image');
      assert.equal((await t.app.inject({ method: 'GET', url: imageUrl, headers: student })).statusCode, 404, 'others still do not');
      // The statement is shown only while the attempt runs (the taking service's rule); so are its images.
      await db.updateTable('assessmentAttempts').set({ endedAtMs: now, endReason: 'submitted' }).where('userId', '=', other.id).execute();
      assert.equal((await t.app.inject({ method: 'GET', url: imageUrl, headers: other.headers })).statusCode, 404, 'not after the attempt ended');
      const asAdmin = await t.app.inject({ method: 'GET', url: imageUrl, headers: admin });
      assert.equal(asAdmin.statusCode, 200);
      assert.equal(asAdmin.headers['content-type'], 'image/png');
      const publish = await t.app.inject({ method: 'POST', url: `/api/admin/problems/${id}/publish`, headers: admin, payload: {} });
      assert.equal(publish.statusCode, 200, publish.body);
      assert.equal((await t.app.inject({ method: 'GET', url: imageUrl, headers: student })).statusCode, 200);
      for (const path of ['submissions/accepted/perimeter.py', 'problem.yaml', 'problem_statement/../submissions/accepted/perimeter.py', 'data/sample/1.ans']) {
        const res2 = await t.app.inject({ method: 'GET', url: `/api/problems/${id}/package-files/${path}`, headers: admin });
        assert.equal(res2.statusCode, 404, `${path} is not served`);
      }
    });

    it('maps a custom C++ validator with its header, an interactive one with its sample transcript, and scored groups; each exports and imports the same', async () => {
      const ids: number[] = [];
      for (const name of ['two-parts', 'guess', 'scored']) {
        const res = await upload(await zipOf(join(FIXTURES, name)), admin, `${name}.zip`);
        assert.equal(res.statusCode, 201, `${name}: ${res.body}`);
        ids.push(res.json().id);
      }
      const [custom, interactive, scored] = await Promise.all(ids.map(async (id) => (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}`, headers: admin })).json()));
      assert.equal(custom.checker.kind, 'custom');
      assert.equal(custom.checker.protocol, 'package');
      assert.equal(custom.checker.language, 'cpp');
      assert.match(custom.checker.source, /int main/);
      assert.deepEqual(custom.checker.files.map((f: { name: string }) => f.name), ['validate.h']);
      assert.equal(interactive.checker.kind, 'interactive');
      assert.equal(interactive.checker.language, 'python');
      assert.match(interactive.tests[0].transcript, /^> 500\n< <\n/);
      assert.deepEqual(scored.scoring, { type: 'scored', groups: [{ name: 'large', points: 70, rule: 'min' }, { name: 'small', points: 30, rule: 'min' }] });
      assert.deepEqual(scored.tests.map((x: { group?: string }) => x.group ?? null), [null, 'large', 'small', 'small']);
      const student2 = await t.app.inject({ method: 'GET', url: `/api/admin/problems/${ids[1]}`, headers: student });
      assert.equal(student2.statusCode, 403, 'a validator source is for admins');
      for (const original of [custom, interactive, scored]) {
        const zip = await t.app.inject({ method: 'GET', url: `/api/admin/problems/${original.id}/package`, headers: admin });
        const again = await upload(zip.rawPayload);
        assert.equal(again.statusCode, 201, again.body);
        const copy = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${again.json().id}`, headers: admin })).json();
        for (const key of ['checker', 'scoring', 'timeLimitMs', 'memoryLimitKb', 'title']) assert.deepEqual(copy[key], original[key], `${original.slug}: ${key}`);
        assert.deepEqual(copy.tests.map(({ id: _i, ordinal: _o, ...x }: Record<string, unknown>) => x), original.tests.map(({ id: _i, ordinal: _o, ...x }: Record<string, unknown>) => x));
      }
    });

    it('refuses to publish an import whose report has a mismatch unless confirmed', async () => {
      const res = await upload(await zipOf(join(FIXTURES, 'sum')));
      const { id } = res.json();
      // The worker's verdicts are what set the flag; here it is set as a worker would have (no worker in this app).
      await t.runtime.db.db.updateTable('problemPackageImports').set({ hasMismatch: 1 }).where('problemId', '=', id).execute();
      const refused = await t.app.inject({ method: 'POST', url: `/api/admin/problems/${id}/publish`, headers: admin, payload: {} });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'PUBLISH_UNCONFIRMED');
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/problems/${id}`, headers: student })).statusCode, 404);
      const confirmed = await t.app.inject({ method: 'POST', url: `/api/admin/problems/${id}/publish`, headers: admin, payload: { confirmMismatch: true } });
      assert.equal(confirmed.statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/problems/${id}`, headers: student })).statusCode, 200);
    });

    it('exports a zip that imports as the same problem', async () => {
      const first = (await upload(await zipOf(join(FIXTURES, 'latex-figure')))).json();
      const exported = await t.app.inject({ method: 'GET', url: `/api/admin/problems/${first.id}/package`, headers: admin });
      assert.equal(exported.statusCode, 200);
      assert.equal(exported.headers['content-type'], 'application/zip');
      const second = await upload(exported.rawPayload, admin, 'again.zip');
      assert.equal(second.statusCode, 201, second.body);
      const [a, b] = await Promise.all([first.id, second.json().id].map(async (id) => (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}`, headers: admin })).json()));
      const same = (p: Record<string, unknown>) => ({
        title: p.title, timeLimitMs: p.timeLimitMs, memoryLimitKb: p.memoryLimitKb, checker: p.checker, style: p.style,
        statement: String(p.statement).replaceAll(`/api/problems/${p.id}/`, '/api/problems/ID/'),
        tests: (p.tests as { input: string; expectedOutput: string; isSample: boolean; weight: number }[]).map(({ input, expectedOutput, isSample, weight }) => ({ input, expectedOutput, isSample, weight })),
      });
      assert.deepEqual(same(b), same(a));
      assert.notEqual(b.slug, a.slug, 'a taken slug gets a suffix');
      const image = await t.app.inject({ method: 'GET', url: `/api/problems/${b.id}/package-files/problem_statement/triangle.png`, headers: admin });
      assert.equal(image.statusCode, 200, 'the image came along');
    });

    it('takes a 5 MB test through the admin upload while student routes keep their 1 MiB body limit', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'logicode-big-'));
      cpSync(join(FIXTURES, 'sum'), dir, { recursive: true });
      // Made at test time, not committed: 5 MB of numbers that do not compress to nothing.
      const line = Array.from({ length: 900_000 }, (_, i) => (i * 7919) % 100_003).join(' ');
      writeFileSync(join(dir, 'data/secret/big.in'), `${line}\n`);
      writeFileSync(join(dir, 'data/secret/big.ans'), '0\n');
      const zip = await zipOf(dir);
      assert.ok(zip.length > 1024 * 1024, `the zip is ${zip.length} bytes`);
      const res = await upload(zip);
      assert.equal(res.statusCode, 201, res.body);
      const problem = (await t.app.inject({ method: 'GET', url: `/api/admin/problems/${res.json().id}`, headers: admin })).json();
      const big = problem.tests.find((x: { input: string }) => x.input.length > 1_000_000);
      assert.equal(big.input.length, line.length + 1);
      assert.ok(big.input.length >= 5_000_000, `${big.input.length}`);

      const studentBody = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: { ...student, 'content-type': 'application/json' }, payload: JSON.stringify({ problemId: 1, language: 'python', code: 'x'.repeat(2 * 1024 * 1024), mode: 'run' }) });
      assert.equal(studentBody.statusCode, 413, 'a student route still refuses more than 1 MiB');
      const asMultipart = multipart('package', 'a.zip', Buffer.alloc(10));
      const studentMultipart = await t.app.inject({ method: 'POST', url: '/api/submissions', headers: { ...student, ...asMultipart.headers }, payload: asMultipart.payload });
      assert.equal(studentMultipart.statusCode, 415, 'no other route takes multipart');
      const tooBig = await upload(Buffer.concat([zip, Buffer.alloc(UPLOAD_LIMIT)]));
      assert.equal(tooBig.statusCode, 413, tooBig.body);
      assert.equal(tooBig.json().code, 'PAYLOAD_TOO_LARGE');
      assert.equal((await upload(zip, student)).statusCode, 403, 'admins only');
    });

    it('purging an archived imported problem removes its package files and report', async () => {
      const { id } = (await upload(await zipOf(join(FIXTURES, 'latex-figure')))).json();
      const files = () => t.runtime.db.db.selectFrom('problemPackageFiles').select('id').where('problemId', '=', id).execute();
      assert.ok((await files()).length > 0);
      assert.equal((await t.app.inject({ method: 'DELETE', url: `/api/admin/problems/${id}`, headers: admin })).statusCode, 200);
      const purged = await t.app.inject({ method: 'DELETE', url: `/api/admin/problems/${id}/purge`, headers: admin });
      assert.equal(purged.statusCode, 200, purged.body);
      assert.equal((await files()).length, 0);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}/import-report`, headers: admin })).statusCode, 404);
    });

    it('refuses hostile zips whole: a path outside, a symlink, a lying size, no problem.yaml, no tests', async () => {
      const yaml = { name: 'problem.yaml', data: Buffer.from('name: X\n') };
      const cases: [string, Buffer, RegExp][] = [
        ['traversal', rawZip([yaml, { name: '../evil.txt', data: Buffer.from('x') }]), /outside the package/],
        ['absolute', rawZip([yaml, { name: '/tmp/evil.txt', data: Buffer.from('x') }]), /absolute|outside/],
        ['symlink', rawZip([yaml, { name: 'data/link', data: Buffer.from('/etc/passwd'), symlink: true }]), /symbolic link/],
        ['lying size', rawZip([yaml, { name: 'data/sample/1.in', data: Buffer.alloc(100_000), deflate: true, claimedSize: 10 }]), /damaged|inflates|Cannot extract|size/i],
        ['not a zip', Buffer.from('plain text'), /Not a readable zip/],
        ['no problem.yaml', rawZip([{ name: 'data/sample/1.in', data: Buffer.from('1') }]), /problem\.yaml/],
        ['no tests', rawZip([yaml]), /no tests/],
      ];
      for (const [label, zip, message] of cases) {
        const res = await upload(zip);
        assert.equal(res.statusCode, 422, `${label}: ${res.body}`);
        assert.equal(res.json().code, 'PACKAGE_INVALID', label);
        assert.match(res.json().message, message, label);
      }
      mkdirSync(join(tmpdir(), 'unused'), { recursive: true });
    });
  });
}

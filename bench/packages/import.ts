// Problem-package import and export through the api (inject; SQLite; no worker, so no submission is judged: this
// times the upload, unzip, read, store and export, not the judge). Run: `npx tsx bench/packages/import.ts [--quick]`.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, multipart, zipOf } from '../../apps/api/test/helpers/package-zips.js';
import { createTestApp } from '../../apps/api/test/helpers/test-app.js';

const rounds = process.argv.includes('--quick') ? 1 : 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function variant(name: string, fill: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'logicode-bench-pkg-')), name);
  cpSync(join(FIXTURES, 'sum'), dir, { recursive: true });
  fill(dir);
  return dir;
}

const cases: [string, string][] = [
  ['sum (3 tests)', join(FIXTURES, 'sum')],
  ['one 5 MB test', variant('big', (dir) => {
    writeFileSync(join(dir, 'data/secret/big.in'), `${Array.from({ length: 900_000 }, (_, i) => (i * 7919) % 100_003).join(' ')}\n`);
    writeFileSync(join(dir, 'data/secret/big.ans'), '0\n');
  })],
  ['200 small tests', variant('many', (dir) => {
    for (let i = 0; i < 200; i += 1) {
      writeFileSync(join(dir, `data/secret/t${String(i).padStart(3, '0')}.in`), `${i} ${i}\n`);
      writeFileSync(join(dir, `data/secret/t${String(i).padStart(3, '0')}.ans`), `${2 * i}\n`);
    }
  })],
];

const t = await createTestApp('sqlite');
try {
  const admin = (await t.userWithRole('admin')).headers;
  console.log(`load before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${rounds} rounds, median`);
  console.log('| package | zip bytes | import (upload → 201) | export (zip) |');
  console.log('|---|---:|---:|---:|');
  for (const [label, folder] of cases) {
    const zip = await zipOf(folder);
    const imports: number[] = [];
    const exports: number[] = [];
    for (let r = 0; r < rounds; r += 1) {
      const body = multipart('package', 'p.zip', zip);
      let started = performance.now();
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/problem-packages', headers: { ...admin, ...body.headers }, payload: body.payload });
      imports.push(performance.now() - started);
      if (res.statusCode !== 201) throw new Error(res.body);
      started = performance.now();
      const out = await t.app.inject({ method: 'GET', url: `/api/admin/problems/${res.json().id}/package`, headers: admin });
      exports.push(performance.now() - started);
      if (out.statusCode !== 200) throw new Error(out.body);
    }
    console.log(`| ${label} | ${zip.length} | ${median(imports).toFixed(0)} ms | ${median(exports).toFixed(0)} ms |`);
  }
  console.log(`load after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await t.close();
}

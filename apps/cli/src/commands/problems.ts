// `logicode problems import <folder-or-zip>`: uploads an ICPC/Kattis problem package to a running api as an admin
// (the same route as the admin page), then prints the verification report.
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { PackageImportResponse } from '@logicode/contracts';
import { zipFolder } from '@logicode/core';
import type { ImportConfig } from '../config.js';

async function accessToken(config: ImportConfig): Promise<string> {
  if (config.token) return config.token;
  if (!config.email || !config.password) throw new Error('Set LOGICODE_ADMIN_EMAIL and LOGICODE_ADMIN_PASSWORD (or LOGICODE_TOKEN) for an admin account.');
  const res = await fetch(`${config.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: config.email, password: config.password }),
  });
  if (!res.ok) throw new Error(`Sign-in at ${config.url} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export function formatReport(result: PackageImportResponse): string {
  const { report } = result;
  const lines = [
    `Imported "${result.title}" as problem ${result.id} (${result.slug}), unpublished.`,
    `Format ${report.formatVersion}; tests: ${report.testCount.sample} sample, ${report.testCount.secret} secret.`,
    `Time limit ${report.timeLimit.ms} ms (${report.timeLimit.source}): ${report.timeLimit.note}`,
    `Statement: ${report.statement.source ?? 'none'} (${report.statement.kind})${report.statement.unsupported.length ? `; not converted: ${report.statement.unsupported.join(', ')}` : ''}.`,
    'Submissions (expected → got):',
    ...report.submissions.map((s) => `  ${s.got === null ? 'skipped ' : s.got === s.expected ? 'ok      ' : 'MISMATCH'} ${s.path}: ${s.expected ?? '?'} → ${s.got ?? s.skipped}`),
    ...report.notes.map((n) => `Note: ${n}`),
    report.hasMismatch ? 'A verdict differs from its folder: publish only after checking (the admin page asks to confirm).' : 'Every judged submission got the verdict its folder names.',
  ];
  return lines.join('\n');
}

export async function importPackageCommand(target: string | undefined, config: ImportConfig): Promise<void> {
  if (!target) throw new Error('Usage: logicode problems import <folder-or-zip>');
  const path = resolve(target);
  const work = await mkdtemp(join(tmpdir(), 'logicode-import-'));
  try {
    let zipPath = path;
    let name = basename(path);
    if ((await stat(path)).isDirectory()) {
      zipPath = join(work, `${name}.zip`);
      name = `${name}.zip`;
      await zipFolder(path, zipPath);
    }
    const token = await accessToken(config);
    const form = new FormData();
    // A Blob backed by the file: streamed from disk as the request is sent.
    form.append('package', await openAsBlob(zipPath, { type: 'application/zip' }), name);
    const res = await fetch(`${config.url}/api/admin/problem-packages`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`Import failed: ${res.status} ${text}`);
    console.log(formatReport(JSON.parse(text) as PackageImportResponse));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

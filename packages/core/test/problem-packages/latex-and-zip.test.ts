// The LaTeX subset a statement converts, and the zip extractor's limits (counted while inflating, headers not
// trusted) with zips made by hand: what an honest zipper never writes.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, it } from 'node:test';
import { latexToMarkdown } from '../../src/problem-packages/latex-to-markdown.js';
import { extractZip, safeEntryPath } from '../../src/problem-packages/zip-extract.js';

function zipOf(entries: { name: string; data: Buffer }[]): string {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const body = deflateRawSync(data);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc32(data), 16); c.writeUInt32LE(body.length, 20); c.writeUInt32LE(data.length, 24); c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    parts.push(local, n, body);
    central.push(c, n);
    offset += 30 + n.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10); end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  const path = join(mkdtempSync(join(tmpdir(), 'logicode-zip-test-')), 'p.zip');
  writeFileSync(path, Buffer.concat([...parts, dir, end]));
  return path;
}

describe('LaTeX statements', () => {
  it('converts the common subset and keeps math for KaTeX', () => {
    const out = latexToMarkdown(String.raw`\problemname{Pairs}
Count pairs $i<j$ with $a_i + a_j = k$. % a comment
\section*{Input}
\begin{enumerate}
\item \textbf{first} line
\item \emph{second} -- with \texttt{n}
\end{enumerate}
$$\sum_{i} a_i$$`);
    assert.equal(out.title, 'Pairs');
    assert.deepEqual(out.unsupported, []);
    assert.match(out.markdown, /Count pairs \$i<j\$ with \$a_i \+ a_j = k\$\./);
    assert.ok(!out.markdown.includes('comment'));
    assert.match(out.markdown, /## Input/);
    assert.match(out.markdown, /1\. \*\*first\*\* line\n2\. \*second\* – with `n`/);
    assert.match(out.markdown, /\$\$\\sum_\{i\} a_i\$\$/);
  });

  it('keeps what it does not know as text and names it', () => {
    const out = latexToMarkdown(String.raw`Before \weird{kept words} after. \begin{tikzpicture}\node{x};\end{tikzpicture}`);
    assert.match(out.markdown, /\\weird\{kept words\}/);
    assert.deepEqual(out.unsupported.sort(), ['\\node', '\\weird', 'environment tikzpicture']);
  });
});

describe('zip extraction limits', () => {
  const limits = { maxEntries: 10, maxTotalBytes: 3 * 1024 * 1024, maxEntryBytes: 2 * 1024 * 1024 };

  it('extracts an honest zip', async () => {
    const target = mkdtempSync(join(tmpdir(), 'logicode-unzip-'));
    const files = await extractZip(zipOf([{ name: 'a/b.txt', data: Buffer.from('hi') }, { name: 'c.txt', data: Buffer.from('x') }]), target, limits);
    assert.deepEqual(files.sort(), ['a/b.txt', 'c.txt']);
  });

  it('stops a zip bomb: entries under the per-entry limit that inflate past the total', async () => {
    const target = mkdtempSync(join(tmpdir(), 'logicode-unzip-'));
    const zeros = Buffer.alloc(1536 * 1024); // 1.5 MiB each, a few KiB compressed
    const path = zipOf([{ name: '1.bin', data: zeros }, { name: '2.bin', data: zeros }, { name: '3.bin', data: zeros }]);
    await assert.rejects(extractZip(path, target, limits), /inflates past/);
  });

  it('refuses an entry over the per-entry limit and too many entries', async () => {
    const target = mkdtempSync(join(tmpdir(), 'logicode-unzip-'));
    await assert.rejects(extractZip(zipOf([{ name: 'big', data: Buffer.alloc(3 * 1024 * 1024) }]), target, limits), /larger than/);
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, data: Buffer.from('x') }));
    await assert.rejects(extractZip(zipOf(many), mkdtempSync(join(tmpdir(), 'logicode-unzip-')), limits), /11 entries/);
    assert.equal(readdirSync(target).length <= 1, true);
  });

  it('names that leave the package are refused before anything is written', async () => {
    for (const name of ['../x', 'a/../../x', '/etc/x', 'C:/x', 'a\\..\\x']) assert.throws(() => safeEntryPath(name), /outside|absolute|forbidden/, name);
    assert.equal(safeEntryPath('./a//b/./c'), 'a/b/c');
    const target = mkdtempSync(join(tmpdir(), 'logicode-unzip-'));
    await assert.rejects(extractZip(zipOf([{ name: '../escaped.txt', data: Buffer.from('x') }]), target, limits), /outside/);
    assert.equal(existsSync(join(target, '..', 'escaped.txt')), false);
  });
});

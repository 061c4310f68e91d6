// Programmatic disguises, the kinds students use: rename identifiers, add comments, reformat, reorder
// functions, insert dead code. Used by the tests (one disguise at a time) and by the benchmark (random mixes).
// They work on text, with the package's lexers (not its normalising tokenizer) for identifier positions; the
// output need not compile.
import type { LanguageId } from '@logicode/contracts';
import { lexCFamily } from '../../src/lexers/c-family.js';
import { CPP_SPEC, C_SPEC, JAVA_SPEC, JS_SPEC } from '../../src/lexers/c-family-specs.js';
import { lexPython } from '../../src/lexers/python.js';

const SPECS = { c: C_SPEC, cpp: CPP_SPEC, java: JAVA_SPEC, javascript: JS_SPEC } as const;

/**
 * The lexer alone, not tokenize(): the labelled data must not change when the detector's normalisations do (they
 * move or drop tokens: with tokenize(), `i` in `i++`, `i += 1` or a dead store kept its name, so a tokenizer change
 * silently changed the classes and the benchmark's files).
 */
function lexed(language: LanguageId, source: string) {
  return language === 'python' ? lexPython(source) : lexCFamily(source, SPECS[language]);
}

export type Disguise = 'rename' | 'loops' | 'comments' | 'reformat' | 'reorder' | 'deadCode' | 'literals' | 'branches';
/** The disguises the original benchmark used (kept so its generated set stays the same). */
export const DISGUISES: Disguise[] = ['rename', 'loops', 'comments', 'reformat', 'reorder', 'deadCode'];
/** Issue 16's rewrites: a char literal written as its code, and negated conditions with swapped branches. */
export const REWRITES: Disguise[] = ['literals', 'branches'];

/** A small deterministic PRNG (mulberry32) so generated corpora are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['alpha', 'beta', 'tmp', 'val', 'node', 'acc', 'cur', 'item', 'data', 'res', 'idx', 'buf', 'cnt', 'ptr'];

/** Every identifier gets a new name, consistently (a student's search-and-replace). */
export function rename(language: LanguageId, source: string, random: () => number): string {
  const tokens = lexed(language, source);
  const names = new Map<string, string>();
  let out = '';
  let at = 0;
  for (let i = 0; i < tokens.kinds.length; i++) {
    if (tokens.kinds[i] !== 'ID') continue;
    const start = tokens.starts[i]!;
    const end = tokens.ends[i]!;
    const old = source.slice(start, end);
    if (!/^[A-Za-z_$][\w$]*$/.test(old)) continue;
    let fresh = names.get(old);
    if (!fresh) {
      fresh = `${WORDS[Math.floor(random() * WORDS.length)]}${names.size}`;
      names.set(old, fresh);
    }
    out += source.slice(at, start) + fresh;
    at = end;
  }
  return out + source.slice(at);
}

function commentOf(language: LanguageId, text: string): string {
  return language === 'python' ? `# ${text}` : `// ${text}`;
}

/** Comment lines sprinkled between statements, with the line's own indentation. */
export function addComments(language: LanguageId, source: string, random: () => number): string {
  const lines = source.split('\n');
  const out: string[] = [language === 'python' ? '# Solution by me, do not copy' : '/* Solution by me, do not copy */'];
  for (const line of lines) {
    if (line.trim() !== '' && random() < 0.25) {
      const indent = /^\s*/.exec(line)![0];
      out.push(`${indent}${commentOf(language, 'step ' + out.length + ': "quoted // and # inside"')}`);
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Different indentation, blank lines, spaces around operators; braces on their own lines in brace languages. */
export function reformat(language: LanguageId, source: string): string {
  const lines = source.split('\n').map((line) => {
    const indent = /^\s*/.exec(line)![0];
    const body = line.slice(indent.length).replace(/,(\S)/g, ', $1').replace(/\(\s+/g, '(');
    if (language === 'python') return ' '.repeat(Math.round(indent.replace(/\t/g, '    ').length / 2)) + body;
    const tabs = '\t'.repeat(Math.round(indent.replace(/\t/g, '    ').length / 4));
    if (/\)\s*\{$/.test(body)) return `${tabs}${body.replace(/\s*\{$/, '')}\n${tabs}{`;
    return tabs + body;
  });
  return lines.flatMap((line, i) => (i % 7 === 6 ? [line, ''] : [line])).join('\n');
}

/**
 * Reverses the order of top-level definitions (functions, classes; for Java the members of the outer class):
 * blocks found by indentation (Python) or brace depth (the others).
 */
export function reorder(language: LanguageId, source: string): string {
  const lines = source.split('\n');
  const blocks: string[][] = [];
  const isStart = language === 'python' ? (l: string) => /^(def|class) /.test(l) : () => false;
  if (language === 'python') {
    let current: string[] = [];
    for (const line of lines) {
      if (isStart(line) && current.length > 0) {
        blocks.push(current);
        current = [];
      }
      current.push(line);
    }
    blocks.push(current);
    const head = blocks[0]!.some((l) => isStart(l)) ? [] : blocks.shift()!;
    const defs = blocks.filter((b) => isStart(b[0]!));
    const tail = blocks.filter((b) => !isStart(b[0]!));
    return [head, ...defs.reverse(), ...tail].flat().join('\n');
  }
  const memberDepth = language === 'java' ? 1 : 0;
  let depth = 0;
  let current: string[] = [];
  const chunks: { lines: string[]; block: boolean }[] = [];
  for (const line of lines) {
    const before = depth;
    for (const ch of line.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\/\/.*$/g, '')) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    current.push(line);
    if (before <= memberDepth && depth === memberDepth) {
      chunks.push({ lines: current, block: current.some((l) => l.includes('{')) && before === memberDepth });
      current = [];
    }
  }
  if (current.length > 0) chunks.push({ lines: current, block: false });
  const blockChunks = chunks.filter((c) => c.block).reverse();
  let next = 0;
  return chunks.map((c) => (c.block ? blockChunks[next++]! : c).lines).flat().join('\n');
}

/**
 * Counting loops rewritten as while loops: `for (init; cond; step) {…}` → `init; while (cond) {…; step;}` and
 * Python `for i in range(a, b):` → `i = a` / `while i < b:` / … / `i += 1`.
 */
export function changeLoops(language: LanguageId, source: string): string {
  const lines = source.split('\n');
  const out: string[] = [];
  const pending: { depth: number; indent: number; line: string }[] = [];
  let depth = 0;
  for (const line of lines) {
    const indent = /^\s*/.exec(line)![0];
    if (language === 'python') {
      while (pending.length > 0 && line.trim() !== '' && indent.length <= pending[pending.length - 1]!.indent) {
        out.push(pending.pop()!.line);
      }
      const m = /^(\s*)for (\w+) in range\(([^,()]+)(?:, ([^,()]+))?\):\s*$/.exec(line);
      if (m) {
        const [, sp, v, a, b] = m;
        out.push(`${sp}${v} = ${b === undefined ? '0' : a}`, `${sp}while ${v} < ${b ?? a}:`);
        pending.push({ depth: 0, indent: sp!.length, line: `${sp}    ${v} += 1` });
        continue;
      }
      out.push(line);
      continue;
    }
    const m = /^(\s*)for \(([^;()]*); ([^;]*); ([^;()]*)\) \{\s*$/.exec(line);
    const opens = (line.match(/\{/g) ?? []).length;
    const closes = (line.match(/\}/g) ?? []).length;
    if (m && m[2]!.trim() !== '') {
      const [, sp, init, cond, step] = m;
      out.push(`${sp}${init};`, `${sp}while (${cond}) {`);
      depth += 1;
      pending.push({ depth, indent: sp!.length, line: `${sp}    ${step};` });
      continue;
    }
    const top = pending[pending.length - 1];
    if (top && closes > opens && depth - (closes - opens) < top.depth && /^\s*\}/.test(line)) {
      out.push(pending.pop()!.line);
    }
    depth += opens - closes;
    out.push(line);
  }
  while (pending.length > 0) out.push(pending.pop()!.line);
  return out.join('\n');
}

function deadLine(language: LanguageId, n: number): string {
  switch (language) {
    case 'python':
      return `unused_${n} = ${n} * 2`;
    case 'javascript':
      return `let unused_${n} = ${n} * 2;`;
    default:
      return `int unused_${n} = ${n} * 2;`;
  }
}

/** Useless statements inside function bodies: after a line opening a block, at the next line's indentation. */
export function addDeadCode(language: LanguageId, source: string, random: () => number): string {
  const lines = source.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    const next = lines[i + 1] ?? '';
    const opensBlock = language === 'python' ? /:\s*$/.test(line) && !/^\s*(class|elif|else|try|except|finally)\b/.test(line) : /\{\s*$/.test(line) && /^\s+/.test(next) && !/^\s*(class|struct|public|private|switch)\b|=\s*\{$|^(class|struct|public class)/.test(line);
    if (opensBlock && next.trim() !== '' && random() < 0.5) {
      out.push(/^\s*/.exec(next)![0] + deadLine(language, out.length));
    }
  });
  return out.join('\n');
}

/** Char literals (C, C++, Java) written as their code: `'('` → `40` or `0x28`. Other languages unchanged. */
export function charCodes(language: LanguageId, source: string, random: () => number): string {
  if (language === 'python' || language === 'javascript') return source;
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39 };
  return source.replace(/'(\\.|[^'\\\n])'/g, (whole, ch: string) => {
    const code = ch.length === 2 ? escapes[ch[1]!] : ch.charCodeAt(0);
    if (code === undefined) return whole;
    return random() < 0.5 ? String(code) : `0x${code.toString(16)}`;
  });
}

/**
 * `if (c) {A} else {B}` → `if (!(c)) {B} else {A}` (brace languages, blocks laid out one statement a line as in
 * the corpus), and Python `if c:` A `else:` B → `if not (c):` B `else:` A. `else if` / `elif` chains are left.
 */
export function negateBranches(language: LanguageId, source: string): string {
  const lines = source.split('\n');
  const indentOf = (l: string) => /^\s*/.exec(l)![0].length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const ind = indentOf(line);
    if (language === 'python') {
      const m = /^(\s*)if (.*):\s*$/.exec(line);
      if (!m) continue;
      let j = i + 1;
      while (j < lines.length && (lines[j]!.trim() === '' || indentOf(lines[j]!) > ind)) j++;
      if (j >= lines.length || !/^\s*else:\s*$/.test(lines[j]!) || indentOf(lines[j]!) !== ind) continue;
      let k = j + 1;
      while (k < lines.length && (lines[k]!.trim() === '' || indentOf(lines[k]!) > ind)) k++;
      const a = lines.slice(i + 1, j);
      const b = lines.slice(j + 1, k);
      lines.splice(i, k - i, `${m[1]}if not (${m[2]}):`, ...b, lines[j]!, ...a);
      i = k - 1;
      continue;
    }
    const m = /^(\s*)(\}\s*else\s+)?if \((.*)\) \{\s*$/.exec(line);
    if (!m || m[2]) continue;
    let j = i + 1;
    while (j < lines.length && !(indentOf(lines[j]!) === ind && /^\s*\}/.test(lines[j]!))) j++;
    if (j >= lines.length || !/^\s*\} else \{\s*$/.test(lines[j]!)) continue;
    let k = j + 1;
    while (k < lines.length && !(indentOf(lines[k]!) === ind && /^\s*\}/.test(lines[k]!))) k++;
    if (k >= lines.length || !/^\s*\}\s*$/.test(lines[k]!)) continue;
    const a = lines.slice(i + 1, j);
    const b = lines.slice(j + 1, k);
    lines.splice(i, k - i, `${m[1]}if (!(${m[3]})) {`, ...b, lines[j]!, ...a);
    i = k;
  }
  return lines.join('\n');
}

export function applyDisguise(kind: Disguise, language: LanguageId, source: string, random: () => number): string {
  switch (kind) {
    case 'rename':
      return rename(language, source, random);
    case 'loops':
      return changeLoops(language, source);
    case 'comments':
      return addComments(language, source, random);
    case 'reformat':
      return reformat(language, source);
    case 'reorder':
      return reorder(language, source);
    case 'deadCode':
      return addDeadCode(language, source, random);
    case 'literals':
      return charCodes(language, source, random);
    case 'branches':
      return negateBranches(language, source);
  }
}

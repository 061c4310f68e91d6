import type { CheckResult } from './types.js';

/** Lines with trailing ASCII whitespace (and \r) removed, trailing blank lines dropped (see tokens.ts). */
export function normalizedLines(text: string): string[] {
  const lines = text.split('\n').map((line) => line.replace(/[ \t\v\f\r]+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function checkExact(actual: string, expected: string): CheckResult {
  const a = normalizedLines(actual);
  const e = normalizedLines(expected);
  const n = Math.min(a.length, e.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== e[i]) return { passed: false, message: `Line ${i + 1} differs.` };
  }
  if (a.length !== e.length) {
    return { passed: false, message: `Expected ${e.length} line(s), got ${a.length}.` };
  }
  return { passed: true, message: null };
}

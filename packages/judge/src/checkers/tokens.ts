import type { CheckResult } from './types.js';

/**
 * Whitespace for the checkers is ASCII only: space, \t, \n, \v, \f, \r (C's isspace in the "C" locale), as
 * DOMjudge's and Kattis's default output validators have it. JavaScript's \s would also take NBSP, U+3000, U+2028
 * and a BOM for whitespace, so an output padded with them would be accepted where those judges say WA.
 */
export const ASCII_WHITESPACE = /[ \t\n\v\f\r]+/;

export function tokensOf(text: string): string[] {
  return text.split(ASCII_WHITESPACE).filter((t) => t.length > 0);
}

export function checkTokens(actual: string, expected: string): CheckResult {
  const a = tokensOf(actual);
  const e = tokensOf(expected);
  const n = Math.min(a.length, e.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== e[i]) return { passed: false, message: `Token ${i + 1} differs.` };
  }
  if (a.length !== e.length) return { passed: false, message: `Expected ${e.length} token(s), got ${a.length}.` };
  return { passed: true, message: null };
}

import type { CheckResult } from './types.js';

export function tokensOf(text: string): string[] {
  return text.split(/\s+/).filter((t) => t.length > 0);
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

// The problem package format's default output validator (Kattis problemtools' default_validator, DOMjudge's
// compare), with its flags: tokens compared case-insensitively unless case_sensitive; any run of whitespace equals
// any other unless space_change_sensitive (then the whitespace between tokens must match byte for byte); with a float
// tolerance, a judge token that is a number accepts a number within the absolute OR the relative tolerance (relative
// to the judge's value), in any notation (0.0314 = 3.14e-2). Whitespace is ASCII only, as in the other checkers.
import type { Checker } from '@logicode/contracts';
import { NUMBER, numbersClose } from './float.js';
import { tokensOf } from './tokens.js';
import type { CheckResult } from './types.js';

type DefaultOptions = Extract<Checker, { kind: 'default' }>;

/** ASCII-only lower-casing (the C locale's tolower), so no Unicode case folding sneaks in. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function tokenMatches(actual: string, expected: string, o: DefaultOptions): 'ok' | 'differs' | 'tolerance' {
  const tolerant = o.floatAbsoluteTolerance !== null || o.floatRelativeTolerance !== null;
  if (tolerant && NUMBER.test(expected)) {
    if (!NUMBER.test(actual)) return 'differs';
    return numbersClose(Number(actual), Number(expected), o.floatAbsoluteTolerance ?? -1, o.floatRelativeTolerance ?? -1) ? 'ok' : 'tolerance';
  }
  if (o.caseSensitive) return actual === expected ? 'ok' : 'differs';
  return asciiLower(actual) === asciiLower(expected) ? 'ok' : 'differs';
}

export function checkDefault(actual: string, expected: string, o: DefaultOptions): CheckResult {
  const a = tokensOf(actual);
  const e = tokensOf(expected);
  const n = Math.min(a.length, e.length);
  for (let i = 0; i < n; i++) {
    const m = tokenMatches(a[i] as string, e[i] as string, o);
    if (m === 'tolerance') return { passed: false, message: `Token ${i + 1} is not within the tolerance.` };
    if (m === 'differs') return { passed: false, message: `Token ${i + 1} differs.` };
  }
  if (a.length !== e.length) return { passed: false, message: `Expected ${e.length} token(s), got ${a.length}.` };
  if (o.spaceChangeSensitive) {
    const aw = whitespaceRuns(actual);
    const ew = whitespaceRuns(expected);
    for (let i = 0; i < ew.length; i++) {
      if (aw[i] !== ew[i]) return { passed: false, message: i === 0 ? 'The whitespace before the first token differs.' : `The whitespace after token ${i} differs.` };
    }
  }
  return { passed: true, message: null };
}

/** The whitespace before the first token, between tokens, and after the last one (tokens.length + 1 runs). */
function whitespaceRuns(text: string): string[] {
  const parts = text.split(/([ \t\n\v\f\r]+)/);
  const out: string[] = [];
  let ws = '';
  for (const part of parts) {
    if (part === '') continue;
    if (/^[ \t\n\v\f\r]+$/.test(part)) ws += part;
    else {
      out.push(ws);
      ws = '';
    }
  }
  out.push(ws);
  return out;
}

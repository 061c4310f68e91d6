import type { CheckResult } from './types.js';
import { tokensOf } from './tokens.js';

export const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Equal within the absolute OR the relative tolerance (DMOJ's `floats`); non-numbers must match exactly. */
export function numbersClose(actual: number, expected: number, absTolerance: number, relTolerance: number): boolean {
  const diff = Math.abs(actual - expected);
  return diff <= absTolerance || diff <= relTolerance * Math.abs(expected);
}

export function checkFloat(actual: string, expected: string, opts: { absTolerance: number; relTolerance: number }): CheckResult {
  const a = tokensOf(actual);
  const e = tokensOf(expected);
  if (a.length !== e.length) return { passed: false, message: `Expected ${e.length} token(s), got ${a.length}.` };
  for (let i = 0; i < e.length; i++) {
    const at = a[i] as string;
    const et = e[i] as string;
    if (NUMBER.test(et)) {
      if (!NUMBER.test(at) || !numbersClose(Number(at), Number(et), opts.absTolerance, opts.relTolerance)) {
        return { passed: false, message: `Token ${i + 1} is not within the tolerance.` };
      }
    } else if (at !== et) {
      return { passed: false, message: `Token ${i + 1} differs.` };
    }
  }
  return { passed: true, message: null };
}

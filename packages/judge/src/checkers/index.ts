// Built-in checkers are pure functions; the custom checker program runs in its own sandbox (pipeline).
import type { Checker } from '@logicode/contracts';
import { checkExact } from './exact.js';
import { checkFloat } from './float.js';
import { checkTokens } from './tokens.js';
import type { CheckResult } from './types.js';

export function checkBuiltin(checker: Exclude<Checker, { kind: 'custom' }>, actual: string, expected: string): CheckResult {
  switch (checker.kind) {
    case 'exact':
      return checkExact(actual, expected);
    case 'tokens':
      return checkTokens(actual, expected);
    case 'float':
      return checkFloat(actual, expected, checker);
  }
}

export { checkExact, checkFloat, checkTokens };
export type { CheckResult };

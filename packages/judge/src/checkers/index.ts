// Built-in checkers are pure functions; validator programs (custom, interactive) run in their own sandbox (pipeline).
import type { Checker } from '@logicode/contracts';
import { checkDefault } from './default.js';
import { checkExact } from './exact.js';
import { checkFloat } from './float.js';
import { checkTokens } from './tokens.js';
import type { CheckResult } from './types.js';

export function checkBuiltin(checker: Exclude<Checker, { kind: 'custom' | 'interactive' }>, actual: string, expected: string): CheckResult {
  switch (checker.kind) {
    case 'exact':
      return checkExact(actual, expected);
    case 'tokens':
      return checkTokens(actual, expected);
    case 'float':
      return checkFloat(actual, expected, checker);
    case 'default':
      return checkDefault(actual, expected, checker);
  }
}

export { checkDefault, checkExact, checkFloat, checkTokens };
export type { CheckResult };

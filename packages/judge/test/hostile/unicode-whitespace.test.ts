// Checkers treat ASCII whitespace only (space, \t, \n, \v, \f, \r), as DOMjudge and Kattis do: an output that pads or
// separates its answer with Unicode spaces (NBSP, U+3000, U+2028, a BOM, …) is a wrong answer, not a match.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkExact } from '../../src/checkers/exact.js';
import { checkFloat } from '../../src/checkers/float.js';
import { checkTokens } from '../../src/checkers/tokens.js';

const UNICODE_SPACES = ['\u00a0', '\u3000', '\u2028', '\u2029', '\ufeff', '\u2003', '\u0085', '\u1680', '\u202f'];

describe('checkers: ASCII whitespace only', () => {
  it('tokens: a Unicode space does not separate tokens', () => {
    for (const space of UNICODE_SPACES) {
      assert.equal(checkTokens(`1${space}2\n`, '1 2\n').passed, false, `U+${space.codePointAt(0)!.toString(16)}`);
      assert.equal(checkTokens(`${space}1 2\n`, '1 2\n').passed, false, 'a leading one is part of the first token');
    }
  });

  it('tokens: every ASCII whitespace separates', () => {
    assert.equal(checkTokens(' 1\t2\v3\f4\r\n5  \n', '1 2 3 4 5').passed, true);
  });

  it('float: a number padded with a Unicode space is not a number', () => {
    for (const space of UNICODE_SPACES) {
      assert.equal(checkFloat(`3.14${space}\n`, '3.14\n', { absTolerance: 1e-6, relTolerance: 1e-6 }).passed, false);
    }
    assert.equal(checkFloat('3.1400001 \t\r\n', '3.14\n', { absTolerance: 1e-6, relTolerance: 1e-6 }).passed, true);
  });

  it('exact: trailing Unicode spaces are not stripped at line ends; trailing ASCII ones are', () => {
    for (const space of UNICODE_SPACES) assert.equal(checkExact(`hello${space}\n`, 'hello\n').passed, false);
    assert.equal(checkExact('hello \t\r\n\n', 'hello\n').passed, true);
    assert.equal(checkExact('\ufeffhello\n', 'hello\n').passed, false, 'a BOM is not whitespace');
  });
});

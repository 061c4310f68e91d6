import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkExact, checkFloat, checkTokens } from '../../src/checkers/index.js';
import { normalizedLines } from '../../src/checkers/exact.js';

describe('exact checker', () => {
  const pass = (a: string, e: string) => assert.equal(checkExact(a, e).passed, true, `${JSON.stringify(a)} vs ${JSON.stringify(e)}`);
  const fail = (a: string, e: string) => assert.equal(checkExact(a, e).passed, false, `${JSON.stringify(a)} vs ${JSON.stringify(e)}`);
  it('ignores trailing whitespace per line and trailing blank lines', () => {
    pass('1 2\n3\n', '1 2\n3');
    pass('1 2   \n3\t\n\n\n', '1 2\n3\n');
    pass('a\r\nb\r\n', 'a\nb\n');
    pass('', '\n\n');
  });
  it('does not ignore leading whitespace, inner whitespace, or blank lines in between', () => {
    fail(' 1', '1');
    fail('1  2', '1 2');
    fail('1\n\n2', '1\n2');
    fail('3', '4');
    fail('1\n2\n', '1\n');
  });
  it('says which line differs but never what was expected', () => {
    const r = checkExact('1\nsecret-guess\n', '1\nhidden-answer\n');
    assert.equal(r.message, 'Line 2 differs.');
    assert.equal(checkExact('1\n', '1\n2\n').message, 'Expected 2 line(s), got 1.');
  });
  it('normalizes lines', () => {
    assert.deepEqual(normalizedLines('a  \nb\n\n'), ['a', 'b']);
  });
});

describe('tokens checker', () => {
  it('compares whitespace-separated tokens', () => {
    assert.equal(checkTokens('1   2\n3', '1 2 3\n').passed, true);
    assert.equal(checkTokens('1 2', '1 2 3').passed, false);
    assert.equal(checkTokens('1 2 4', '1 2 3').message, 'Token 3 differs.');
    assert.equal(checkTokens('', '').passed, true);
  });
});

describe('float checker', () => {
  const opts = { absTolerance: 1e-6, relTolerance: 1e-6 };
  it('accepts numbers within the absolute or the relative tolerance', () => {
    assert.equal(checkFloat('0.3333333', '0.333333333', opts).passed, true);
    assert.equal(checkFloat('1000000.5', '1000000.0', opts).passed, true); // relative: 5e-7
    assert.equal(checkFloat('1e3', '1000', opts).passed, true);
    assert.equal(checkFloat('0.334', '0.333', opts).passed, false);
    assert.equal(checkFloat('1000002', '1000000', opts).passed, false);
  });
  it('requires non-numeric tokens to match exactly and counts tokens', () => {
    assert.equal(checkFloat('YES 1.0000001', 'YES 1', opts).passed, true);
    assert.equal(checkFloat('NO 1', 'YES 1', opts).passed, false);
    assert.equal(checkFloat('nan', '1', opts).passed, false);
    assert.equal(checkFloat('1 2', '1', opts).passed, false);
  });
});

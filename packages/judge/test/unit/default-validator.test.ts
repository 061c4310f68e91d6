// The package format's default output validator and its flags (problem package format, "Default Output Validator").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Checker } from '@logicode/contracts';
import { checkDefault } from '../../src/checkers/index.js';

type Flags = Extract<Checker, { kind: 'default' }>;
const base: Flags = { kind: 'default', caseSensitive: false, spaceChangeSensitive: false, floatAbsoluteTolerance: null, floatRelativeTolerance: null };
const ok = (actual: string, expected: string, flags: Partial<Flags> = {}) => checkDefault(actual, expected, { ...base, ...flags }).passed;

describe('default validator', () => {
  it('compares tokens case-insensitively, any whitespace run equal to any other, by default', () => {
    assert.equal(ok('Hello   WORLD\n', 'hello world'), true);
    assert.equal(ok('hello world extra', 'hello world'), false);
    assert.equal(ok('hello', 'hello world'), false);
    assert.equal(ok('ÄB', 'äb'), false, 'ASCII case folding only, as the C locale');
  });

  it('case_sensitive', () => {
    assert.equal(ok('Yes', 'yes', { caseSensitive: true }), false);
    assert.equal(ok('yes', 'yes', { caseSensitive: true }), true);
  });

  it('space_change_sensitive: the whitespace must match byte for byte', () => {
    assert.equal(ok('1 2\n', '1 2\n', { spaceChangeSensitive: true }), true);
    assert.equal(ok('1  2\n', '1 2\n', { spaceChangeSensitive: true }), false);
    assert.equal(ok('1 2', '1 2\n', { spaceChangeSensitive: true }), false);
    assert.equal(ok('1\n2\n', '1 2\n', { spaceChangeSensitive: true }), false);
    assert.equal(checkDefault('1\t2', '1 2', { ...base, spaceChangeSensitive: true }).message, 'The whitespace after token 1 differs.');
  });

  it('float tolerances: absolute OR relative, any notation; none set: numbers are plain tokens', () => {
    assert.equal(ok('3.14000000e-2', '0.0314', { floatAbsoluteTolerance: 1e-9 }), true);
    assert.equal(ok('3.14000000e-2', '0.0314'), false);
    assert.equal(ok('100.5', '100', { floatRelativeTolerance: 0.01 }), true);
    assert.equal(ok('100.5', '100', { floatAbsoluteTolerance: 0.1 }), false);
    assert.equal(ok('100.5', '100', { floatAbsoluteTolerance: 0.1, floatRelativeTolerance: 0.01 }), true, 'either tolerance');
    assert.equal(ok('abc', '1.0', { floatAbsoluteTolerance: 1 }), false, 'a number is expected');
    assert.equal(ok('ABC', 'abc', { floatAbsoluteTolerance: 1 }), true, 'other tokens as usual');
    assert.equal(checkDefault('2', '1', { ...base, floatAbsoluteTolerance: 0.5 }).message, 'Token 1 is not within the tolerance.');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kgramHashes } from '../src/hash.js';
import { winnow } from '../src/winnow.js';
import { rng } from './support/disguise.js';

function randomTokens(n: number, random: () => number): Uint32Array {
  return Uint32Array.from({ length: n }, () => Math.floor(random() * 40));
}

describe('winnowing', () => {
  it('finds a fingerprint in every shared run of at least k + w − 1 tokens (the paper guarantee)', () => {
    const random = rng(1);
    const k = 12;
    const w = 8;
    for (let trial = 0; trial < 200; trial++) {
      const shared = randomTokens(k + w - 1, random);
      const a = Uint32Array.from([...randomTokens(Math.floor(random() * 50), random), ...shared, ...randomTokens(30, random)]);
      const b = Uint32Array.from([...randomTokens(Math.floor(random() * 50), random), ...shared]);
      const ha = kgramHashes(a, k);
      const hb = kgramHashes(b, k);
      const fa = new Set(winnow(ha, w).map((p) => ha[p]));
      assert.ok(winnow(hb, w).some((p) => fa.has(hb[p]!)), `trial ${trial}`);
    }
  });

  it('keeps about 2/(w+1) of the k-grams', () => {
    const hashes = kgramHashes(randomTokens(20_000, rng(2)), 12);
    const density = winnow(hashes, 8).length / hashes.length;
    assert.ok(density > 0.18 && density < 0.27, `density ${density}`);
  });

  it('gives a short text (fewer k-grams than a window) one fingerprint, and an empty one none', () => {
    assert.equal(winnow(Uint32Array.from([5, 3, 9]), 8).length, 1);
    assert.equal(winnow(new Uint32Array(0), 8).length, 0);
    assert.equal(kgramHashes(Uint32Array.from([1, 2]), 12).length, 0);
  });

  it('hashes equal k-grams equally wherever they are', () => {
    const h = kgramHashes(Uint32Array.from([1, 2, 3, 9, 1, 2, 3]), 3);
    assert.equal(h[0], h[4]);
    assert.notEqual(h[0], h[1]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plagiarismPairSchema, type SourceRegion } from '@logicode/contracts';
import { analyze, createIndex, DEFAULT_PARAMS, resolveParams } from '../src/index.js';
import { loadCorpus } from './support/corpus.js';
import { applyDisguise, rng } from './support/disguise.js';

const corpus = loadCorpus();
const subs = corpus.map(({ id, userId, language, source }) => ({ id, userId, language, source }));

function textOf(source: string, r: SourceRegion): string {
  const lines = source.split('\n');
  const out: string[] = [];
  for (let line = r.startLine; line <= r.endLine; line++) {
    const text = lines[line - 1]!;
    const from = line === r.startLine ? r.startColumn - 1 : 0;
    const to = line === r.endLine ? r.endColumn : text.length;
    out.push(text.slice(from, to));
  }
  return out.join('\n');
}

describe('the index', () => {
  it('add() returns the new submission\'s pairs with what was there, and pairs() ranks them all like analyze()', () => {
    const index = createIndex();
    const seen = new Set<string>();
    for (const sub of subs) {
      for (const p of index.add(sub)) {
        assert.ok(p.leftId === sub.id || p.rightId === sub.id);
        seen.add(`${p.leftId}-${p.rightId}`);
      }
    }
    const all = index.pairs();
    assert.equal(index.size, subs.length);
    assert.deepEqual(new Set(all.map((p) => `${p.leftId}-${p.rightId}`)), seen);
    assert.deepEqual(all, analyze(subs).pairs);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.similarity >= all[i]!.similarity);
  });

  it('returns pairs that match the wire contract, left id below right id', () => {
    for (const pair of analyze(subs).pairs) {
      plagiarismPairSchema.parse(pair);
      assert.ok(pair.leftId < pair.rightId);
      assert.ok(pair.longestFragmentTokens >= DEFAULT_PARAMS.minFragmentTokens);
      assert.equal(pair.longestFragmentTokens, Math.max(...pair.fragments.map((f) => f.tokens)));
      assert.ok(pair.leftMatchedTokens <= pair.leftTotalTokens && pair.rightMatchedTokens <= pair.rightTotalTokens);
      const expected = (pair.leftMatchedTokens + pair.rightMatchedTokens) / (pair.leftTotalTokens + pair.rightTotalTokens);
      assert.ok(Math.abs(pair.similarity - expected) < 1e-12);
    }
  });

  it('remove() forgets a submission and its pairs; re-adding an id replaces it', () => {
    const index = createIndex();
    const original = subs.find((s) => corpus[s.id - 1]!.name === 'original.c')!;
    index.add(original);
    assert.equal(index.add({ ...original, id: 500, userId: 500 }).length, 1);
    assert.equal(index.remove(500), true);
    assert.equal(index.remove(500), false);
    assert.deepEqual(index.pairs(), []);
    index.add({ ...original, id: 501, userId: 501 });
    index.add({ ...original, id: 501, userId: 501, source: 'int main(void) { return 0; }' });
    assert.equal(index.size, 2);
    assert.deepEqual(index.pairs(), []);
  });

  it('gives matched regions that cover the same code on both sides', () => {
    const o = corpus.find((f) => f.problem === 'knapsack' && f.name === 'original.py')!;
    const copy = applyDisguise('reorder', 'python', applyDisguise('comments', 'python', o.source, rng(3)), rng(3));
    const [pair] = analyze([o, { ...o, id: 99, userId: 99, source: copy }]).pairs;
    assert.ok(pair && pair.fragments.length >= 3, 'reordered functions give one fragment each');
    // A fragment may run past a function's end into the next one when those look alike once names are gone.
    const shape = (text: string) => text.replace(/#.*$/gm, '').replace(/[A-Za-z_]\w*/g, 'x').replace(/\s+/g, ' ');
    for (const f of pair.fragments) {
      const left = shape(textOf(o.source, f.left));
      assert.ok(f.tokens >= DEFAULT_PARAMS.minFragmentTokens && left.length > 0);
      assert.equal(shape(textOf(copy, f.right)), left, `fragment ${JSON.stringify(f)}`);
    }
  });

  it('ignores fingerprints most users share, once enough users share them', () => {
    const base = corpus.find((f) => f.problem === 'lru-cache' && f.name === 'original.java')!;
    const crowd = Array.from({ length: 8 }, (_, i) => ({ ...base, id: i + 1, userId: i + 1 }));
    assert.deepEqual(analyze(crowd).pairs, [], 'eight identical files: all of it is common');
    assert.equal(analyze(crowd.slice(0, 4)).pairs.length, 6, 'four are fewer than commonMinUsers: a copy ring');
    assert.equal(analyze(crowd, { params: { commonFraction: 1 } }).pairs.length, 28);
  });

  it('validates its parameters', () => {
    assert.throws(() => resolveParams({ k: 0 }), /parameters/);
    assert.throws(() => resolveParams({ threshold: 2 }), /parameters/);
    assert.equal(resolveParams({ k: 20 }).k, 20);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, createIndex } from '../src/index.js';
import { loadCorpus, score } from './support/corpus.js';
import { applyDisguise, DISGUISES, REWRITES, rng } from './support/disguise.js';

const corpus = loadCorpus();
const originals = corpus.filter((f) => f.name.startsWith('original'));

describe('the corpus (test/corpus)', () => {
  it('has at least 10 original solutions across the five languages, each with disguised copies and independent solutions', () => {
    assert.ok(originals.length >= 10);
    assert.deepEqual(new Set(originals.map((f) => f.language)).size, 5);
    for (const o of originals) {
      const siblings = corpus.filter((f) => f.problem === o.problem);
      assert.ok(siblings.some((f) => f.name.startsWith('copy')), `${o.problem} has a copy`);
      assert.ok(siblings.some((f) => f.name.startsWith('independent')), `${o.problem} has an independent solution`);
    }
  });

  it('flags every copy pair and, of the independent solutions, only the two textbook ones at the default flag level', () => {
    const pairs = analyze(corpus).pairs.filter((p) => p.flagged);
    const result = score(corpus, pairs);
    console.log(`# corpus at the default flag levels: precision ${result.precision.toFixed(3)}, recall ${result.recall.toFixed(3)} (${result.truePositives}/${result.expected} copy pairs, ${pairs.length} flagged)`);
    // lru-cache/independent-2 (HashMap + doubly linked list, the textbook way) and knapsack/independent-2 (the
    // textbook DP table) share whole stretches with the original by nature; nothing else is flagged.
    for (const name of result.falsePositives) assert.match(name, /(lru-cache|knapsack)\/independent-2/, name);
    assert.ok(result.falsePositives.length <= 4, result.falsePositives.join('; '));
    const reported = new Set(pairs.map((p) => `${p.leftId}-${p.rightId}`));
    for (const o of originals) {
      const copy = corpus.find((f) => f.problem === o.problem && f.name.startsWith('copy-1'))!;
      const key = `${Math.min(o.id, copy.id)}-${Math.max(o.id, copy.id)}`;
      assert.ok(reported.has(key), `${o.problem}: copy-1 caught`);
    }
    // copy-2 files are heavier rewrites (loops changed, branches swapped, statements moved).
    assert.equal(result.recall, 1, `recall ${result.recall}`);
  });

  for (const disguise of [...DISGUISES, ...REWRITES, 'all' as const]) {
    it(`catches each original disguised by "${disguise}"`, () => {
      let changed = 0;
      for (const o of originals) {
        const random = rng(o.id);
        const source =
          disguise === 'all'
            ? [...DISGUISES, ...REWRITES].reduce((text, d) => applyDisguise(d, o.language, text, random), o.source)
            : applyDisguise(disguise, o.language, o.source, random);
        if (source !== o.source) changed++;
        const index = createIndex();
        index.add(o);
        const pairs = index.add({ id: 9999, userId: 9999, language: o.language, source });
        assert.equal(pairs.length, 1, `${o.problem} disguised by ${disguise}`);
        assert.ok(pairs[0]!.flagged && pairs[0]!.similarity >= 0.7, `${o.problem} disguised by ${disguise}: ${pairs[0]!.similarity}`);
      }
      // Not every program has a counting loop, an if/else or a char literal to rewrite.
      const least = { loops: originals.length - 1, literals: 3, branches: 2 }[disguise as string] ?? originals.length;
      assert.ok(changed >= least, `${disguise} changed ${changed} files`);
    });
  }

  it('does not flag two independently written one-line functions (the original said 91%)', () => {
    const { pairs } = analyze([
      { id: 1, userId: 1, language: 'python', source: 'def add(a, b):\n    return a + b\n' },
      { id: 2, userId: 2, language: 'python', source: 'def add(x, y):\n    # sum\n    return x + y\n' },
      { id: 3, userId: 3, language: 'javascript', source: 'function add(a, b) { return a + b; }\n' },
      { id: 4, userId: 4, language: 'javascript', source: 'const add = (a, b) => a + b;\n' },
    ]);
    assert.deepEqual(pairs, []);
  });

  it('never pairs across languages, even for the same text', () => {
    const c = corpus.find((f) => f.problem === 'word-freq' && f.name === 'original.c')!;
    const { pairs } = analyze([
      { ...c, id: 1, userId: 1, language: 'c' },
      { ...c, id: 2, userId: 2, language: 'cpp' },
    ]);
    assert.deepEqual(pairs, []);
  });

  it('never pairs a user with themself, however similar', () => {
    const o = originals[0]!;
    const { pairs } = analyze([
      { ...o, id: 1, userId: 7 },
      { ...o, id: 2, userId: 7 },
      { ...o, id: 3, userId: 8 },
    ]);
    assert.deepEqual(pairs.map((p) => [p.leftId, p.rightId]), [[1, 3], [2, 3]]);
    assert.ok(pairs.every((p) => p.leftUserId !== p.rightUserId));
  });
});

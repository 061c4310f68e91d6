import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plagiarismPairSchema, type SourceRegion } from '@logicode/contracts';
import { analyze, bound, createIndex, DEFAULT_PARAMS, rank, resolveParams } from '../src/index.js';
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

/** A C function of random statements: a student's own code, unlike anyone else's. */
function ownProgram(random: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const ops = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>'];
  const v = () => `v${Math.floor(random() * 5)}`;
  const e = () => `(${v()} ${pick(ops)} ${Math.floor(random() * 100)}) ${pick(ops)} ${v()}`;
  const shapes = [() => `${v()} = ${e()};`, () => `if (${e()}) ${v()} = ${e()};`, () => `while (${e()}) ${v()} -= ${e()};`, () => `f(${e()}, ${e()});`];
  const body = Array.from({ length: 40 }, () => `  ${pick(shapes)()}`);
  return `int solve(int v0, int v1, int v2, int v3, int v4) {\n  int arr[10];\n${body.join('\n')}\n  return v0;\n}\n`;
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

  it('never lets the common-code rule erase a ring, however much of the class it is (issue 16)', () => {
    const base = corpus.find((f) => f.problem === 'lru-cache' && f.name === 'original.java')!;
    const other = corpus.find((f) => f.problem === 'lru-cache' && f.name === 'independent.java')!;
    // 7 of 9 students hand one file around (the class), and 30 of 40 in a large class.
    for (const [ring, size] of [[7, 9], [30, 40], [12, 12]] as const) {
      const members = Array.from({ length: size }, (_, i) => {
        const source = i < ring ? applyDisguise('rename', 'java', base.source, rng(i)) : applyDisguise('rename', 'java', other.source, rng(i));
        return { id: i + 1, userId: i + 1, language: 'java' as const, source };
      });
      const pairs = analyze(members, { params: { maxPairsPerSubmission: 1000 } }).pairs.filter((p) => p.flagged);
      const ringPairs = pairs.filter((p) => p.leftId <= ring && p.rightId <= ring);
      assert.equal(ringPairs.length, (ring * (ring - 1)) / 2, `ring of ${ring} in ${size}: every pair flagged`);
      assert.ok(ringPairs.every((p) => p.similarity > 0.9), `ring of ${ring} in ${size}: scored as copies`);
    }
  });

  it('ignores boilerplate most of a class pastes around their own code, once the class is large enough', () => {
    // Twenty-four students, each with a program of their own, all pasting the same helper that was not given as
    // starter code: the helper is common (a minority of each file, held by most). Without the rule it pairs them.
    const helper = corpus.find((f) => f.problem === 'word-freq' && f.name === 'original.c')!.source.split('\n').slice(0, 30).join('\n');
    const members = Array.from({ length: 24 }, (_, i) => ({ id: i + 1, userId: i + 1, language: 'c' as const, source: `${helper}\n${ownProgram(rng(100 + i))}` }));
    const all = { maxPairsPerSubmission: 1000 };
    assert.deepEqual(analyze(members, { params: all }).pairs.filter((p) => p.flagged), [], 'twenty-four share it: common, never a seed');
    assert.equal(analyze(members, { params: { ...all, commonFraction: 1 } }).pairs.filter((p) => p.flagged).length, 276, 'without the rule all 276 pairs are flagged');
    assert.equal(analyze(members.slice(0, 12), { params: all }).pairs.filter((p) => p.flagged).length, 66, 'twelve are fewer than commonMinUsers: evidence');
  });

  it('still flags a copy diluted with pages of the copier\'s own code (the partial-copy level)', () => {
    const base = corpus.find((f) => f.problem === 'word-freq' && f.name === 'original.c')!;
    const padding = Array.from({ length: 6 }, (_, i) => ownProgram(rng(500 + i)).replace('solve', `solve${i}`)).join('\n');
    const diluted = `${padding}\n${applyDisguise('rename', 'c', base.source, rng(9))}\n${padding}`;
    const [pair] = analyze([base, { ...base, id: 999, userId: 999, source: diluted }]).pairs;
    assert.ok(pair, 'the pair is kept');
    assert.ok(pair.similarity < DEFAULT_PARAMS.flagSimilarity, `diluted below the similarity level: ${pair.similarity}`);
    assert.ok(pair.flagged && pair.longestFragmentTokens >= DEFAULT_PARAMS.flagFragmentTokens, 'flagged by its longest fragment');
  });

  it('reports its comparing progress, in order, up to every submission (a run\'s progress bar)', () => {
    const index = createIndex();
    index.addAll(subs);
    const seen: number[] = [];
    const pairs = index.pairs((done, total) => {
      assert.equal(total, subs.length);
      seen.push(done);
    });
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
    assert.equal(seen.at(-1), subs.length);
    assert.deepEqual(pairs, analyze(subs).pairs);
  });

  it('keeps a pair among the top maxPairsPerSubmission of one of its sides only (bounded output)', () => {
    const base = corpus.find((f) => f.problem === 'lru-cache' && f.name === 'original.java')!;
    const ring = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, userId: i + 1, language: 'java' as const, source: base.source }));
    const pairs = analyze(ring, { params: { maxPairsPerSubmission: 5 } }).pairs;
    const per = new Map<number, number>();
    for (const p of pairs) for (const id of [p.leftId, p.rightId]) per.set(id, (per.get(id) ?? 0) + 1);
    assert.ok(pairs.length < (30 * 29) / 2 && pairs.length >= 30 * 5 / 2);
    assert.ok([...per.values()].every((n) => n >= 5), 'every submission keeps at least its own top 5');
  });

  it('keeps the bound while comparing with exactly the pairs bound() keeps of all pairs, in the same order', () => {
    // Disguised variants of the corpus, several per file, so most submissions have more pairs than the bound.
    const random = rng(16);
    const many = corpus.flatMap((f, i) => Array.from({ length: 4 }, (_, j) => ({
      id: i * 4 + j + 1, userId: i * 4 + j + 1, language: f.language, source: j === 0 ? f.source : applyDisguise('rename', f.language, applyDisguise('reorder', f.language, f.source, random), random),
    })));
    const key = (ps: { leftId: number; rightId: number; similarity: number; flagged?: boolean }[]) => ps.map((p) => `${p.leftId}-${p.rightId}:${p.similarity}:${p.flagged}`);
    const unbounded = analyze(many, { params: { maxPairsPerSubmission: 10_000 } }).pairs;
    for (const m of [1, 2, 4]) {
      const kept = analyze(many, { params: { maxPairsPerSubmission: m } }).pairs;
      assert.ok(kept.length < unbounded.length, `the bound of ${m} cuts`);
      assert.deepEqual(key(kept), key(bound(rank([...unbounded]), m)));
    }
  });

  it('validates its parameters', () => {
    assert.throws(() => resolveParams({ k: 0 }), /parameters/);
    assert.throws(() => resolveParams({ threshold: 2 }), /parameters/);
    assert.equal(resolveParams({ k: 20 }).k, 20);
  });
});

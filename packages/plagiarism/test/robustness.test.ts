import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGUAGE_IDS } from '@logicode/contracts';
import { analyze, tokenize } from '../src/index.js';
import { loadCorpus } from './support/corpus.js';
import { rng } from './support/disguise.js';

const corpus = loadCorpus();

describe('robustness', () => {
  it('tokenizes any text (cut-off files, stray quotes, unclosed comments) with in-range offsets', () => {
    const random = rng(11);
    const samples = [
      '',
      '"unterminated',
      "'",
      '/* never closed',
      '`${',
      '"""',
      'R"x(',
      '#',
      '\\',
      ...corpus.map((f) => f.source.slice(0, Math.floor(random() * f.source.length))),
      ...Array.from({ length: 50 }, () => Array.from({ length: 200 }, () => String.fromCharCode(9 + Math.floor(random() * 120))).join('')),
    ];
    for (const language of LANGUAGE_IDS) {
      for (const source of samples) {
        const t = tokenize(language, source);
        for (let i = 0; i < t.kinds.length; i++) {
          assert.ok(t.starts[i]! <= t.ends[i]! && t.ends[i]! <= source.length, `${language}: ${JSON.stringify(source.slice(0, 40))}`);
          // Not in order: the loop and branch rewrites (restructure.ts) move tokens, each with its own offsets.
        }
      }
    }
  });

  it('stays fast on huge and highly repetitive files', () => {
    const line = '    total = total + values[i] * 2;\n';
    const source = `int main() {\n${line.repeat(20_000)}}\n`;
    const started = performance.now();
    const { pairs } = analyze([
      { id: 1, userId: 1, language: 'c', source },
      { id: 2, userId: 2, language: 'c', source },
    ]);
    const ms = performance.now() - started;
    assert.equal(pairs.length, 1);
    assert.equal(pairs[0]!.similarity, 1);
    assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
  });
});

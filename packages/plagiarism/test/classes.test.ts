// Issue 16's targets on the labelled classes (test/support/classes.ts), at the product's default flag level,
// on the reporting half only (the defaults were tuned on the other half). The figures are printed; the test
// fails if they fall below what this version measured, and the targets are a separate test that is
// marked todo while they are not met (see docs/plagiarism.md, "Labelled classes").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_PARAMS } from '../src/index.js';
import { auc, buildClasses, figures, type LabelledClass, type Scored } from './support/classes.js';

const classes = buildClasses();
const reporting = classes.filter((c) => c.half === 'reporting');

/** Each flag level scaled to 1, the larger of the two: ≥ 1 exactly when a pair is flagged. The AUC's ranking. */
const evidence = (p: { similarity: number; longestFragmentTokens: number }) =>
  Math.max(p.similarity / DEFAULT_PARAMS.flagSimilarity, p.longestFragmentTokens / DEFAULT_PARAMS.flagFragmentTokens);

function run(cs: LabelledClass[]): Map<string, Scored[]> {
  const out = new Map<string, Scored[]>();
  for (const c of cs) {
    out.set(c.name, analyze(c.members).pairs.map((p) => ({ leftId: p.leftId, rightId: p.rightId, score: evidence(p), positive: p.flagged })));
  }
  return out;
}

const scored = run(reporting);
const bySize = (['small', 'large'] as const).map((size) => {
  const cs = reporting.filter((c) => c.size === size);
  return { size, classes: cs.length, ...figures(cs, scored), auc: auc(cs, scored) };
});
const overallAuc = auc(reporting, scored);

describe('labelled classes (issue 16), reporting half, default flag level', () => {
  it('covers the failure modes: rings of 3–8 that are most of classes of 8–12, the same rings in 30–40, partial copies, rewrites', () => {
    assert.equal(new Set(classes.map((c) => c.half)).size, 2);
    assert.ok(reporting.some((c) => c.size === 'small' && c.ringSize > c.members.length / 2));
    assert.ok(reporting.filter((c) => c.size === 'large').every((c) => c.members.length >= 30 && c.members.length <= 40));
    assert.ok(reporting.every((c) => c.members.some((m) => m.role === 'partial')));
    assert.deepEqual(new Set(reporting.map((c) => c.members[0]!.language)).size, 5);
    for (const f of bySize) {
      console.log(`# ${f.size} classes (${f.classes}): precision ${f.precision.toFixed(3)}, recall ${f.recall.toFixed(3)} (${f.truePositives}/${f.expected}, ${f.falsePositives} false), AUC ${f.auc.toFixed(4)}`);
    }
    console.log(`# all reporting classes: AUC ${overallAuc.toFixed(4)}`);
  });

  it('stays at or above the figures this version measured (a regression guard)', () => {
    const [small, large] = bySize;
    // 2026-12-08, classes renamed through the lexer (support/disguise.ts): dead stores and increment forms
    // normalised, flag level 0.42: small P 0.941 R 0.968 (981/1013), large P 1.000 R 0.995, AUC 0.9967. The
    // previous version on the same classes: small P 0.947 R 0.917, large P 1.000 R 0.991, AUC 0.9961.
    assert.ok(small!.precision >= 0.94 && small!.recall >= 0.96, JSON.stringify(small));
    assert.ok(large!.precision >= 0.99 && large!.recall >= 0.99, JSON.stringify(large));
    assert.ok(overallAuc >= 0.99, `AUC ${overallAuc}`);
  });

  it('meets the issue\'s targets: precision ≥ 0.98 and recall ≥ 0.95 on every class size, AUC ≥ 0.99', { todo: 'not met on small classes: partial copies and textbook solutions (docs/plagiarism.md)' }, () => {
    for (const f of bySize) {
      assert.ok(f.precision >= 0.98, `${f.size}: precision ${f.precision}`);
      assert.ok(f.recall >= 0.95, `${f.size}: recall ${f.recall}`);
    }
    assert.ok(overallAuc >= 0.99);
  });
});

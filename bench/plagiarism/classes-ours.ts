// Ours on the labelled classes (packages/plagiarism/test/support/classes.ts): figures per half and class size.
// Usage: npx tsx bench/plagiarism/classes-ours.ts [tuning|reporting] [--params '{"flagSimilarity":0.3}'] [--verbose]
import { analyze, DEFAULT_PARAMS, resolveParams, type PlagiarismParams } from '@logicode/plagiarism';
import { auc, buildClasses, figures, type LabelledClass, type Scored } from '../../packages/plagiarism/test/support/classes.js';

/** The ranking score behind AUC: each flag level scaled to 1, the larger of the two (≥ 1 ⇔ flagged). */
export function evidence(params: PlagiarismParams, p: { similarity: number; longestFragmentTokens: number }): number {
  return Math.max(p.similarity / params.flagSimilarity, p.longestFragmentTokens / params.flagFragmentTokens);
}

export function runOurs(classes: LabelledClass[], overrides: Partial<PlagiarismParams> = {}): Map<string, Scored[]> {
  const params = resolveParams(overrides);
  const out = new Map<string, Scored[]>();
  for (const c of classes) {
    const { pairs } = analyze(c.members, { params });
    out.set(c.name, pairs.map((p) => ({ leftId: p.leftId, rightId: p.rightId, score: evidence(params, p), positive: p.flagged === true })));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const which = args.find((a) => a === 'tuning' || a === 'reporting') ?? 'tuning';
  const pi = args.indexOf('--params');
  const overrides = pi >= 0 ? (JSON.parse(args[pi + 1]!) as Partial<PlagiarismParams>) : {};
  const classes = buildClasses().filter((c) => c.half === which);
  const scored = runOurs(classes, overrides);
  console.log(which, JSON.stringify({ ...DEFAULT_PARAMS, ...overrides }));
  for (const size of ['small', 'large'] as const) {
    const cs = classes.filter((c) => c.size === size);
    const f = figures(cs, scored);
    console.log(`${size}: ${cs.length} classes, precision ${f.precision.toFixed(3)} recall ${f.recall.toFixed(3)} (${f.truePositives}/${f.expected}, ${f.falsePositives} FP) AUC ${auc(cs, scored).toFixed(4)}`);
    if (args.includes('--verbose')) {
      const count = (xs: string[]) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => `  ${n}× ${k}`);
      console.log('FN:\n' + count(f.falseNegatives.map((s) => s.replace(/ ring \d+ of \d+/, ''))).join('\n'));
      console.log('FP:\n' + count(f.falsePositiveNames.map((s) => s.replace(/ ring \d+ of \d+/, ''))).join('\n'));
    }
  }
  console.log(`all: AUC ${auc(classes, scored).toFixed(4)}`);
}

// The sweep that chose the flag levels and commonMinUsers: the TUNING half of the labelled classes only.
// Usage: npx tsx bench/plagiarism/sweep.ts [tuning]
// First session: commonMinUsers {10, 20} × flagSimilarity {0.3, 0.35, 0.4} × flagFragmentTokens {40, 50, 60} chose
// 20 / 0.4 / 50. Third session (dead stores and increment forms normalised): commonMinUsers 20 × the grid below
// chose 0.42 / 50 (docs/plagiarism.md, "Labelled classes").
import { buildClasses, figures, auc } from '../../packages/plagiarism/test/support/classes.js';
import { runOurs } from './classes-ours.js';
const classes = buildClasses().filter((c) => c.half === (process.argv[2] ?? 'tuning'));
for (const commonMinUsers of [20]) for (const flagSimilarity of [0.38, 0.4, 0.42, 0.45, 0.5]) for (const flagFragmentTokens of [40, 45, 50, 55, 60]) {
  const scored = runOurs(classes, { flagSimilarity, flagFragmentTokens, commonMinUsers });
  const parts = (['small', 'large'] as const).map((size) => {
    const cs = classes.filter((c) => c.size === size);
    const f = figures(cs, scored);
    return `${size} P ${f.precision.toFixed(3)} R ${f.recall.toFixed(3)} (${f.falsePositives} false, ${f.expected - f.truePositives} missed) AUC ${auc(cs, scored).toFixed(4)}`;
  });
  console.log(commonMinUsers, flagSimilarity, flagFragmentTokens, parts.join(' | '), auc(classes, scored).toFixed(4));
}

// The sweep that chose the flag levels and commonMinUsers: the TUNING half of the labelled classes only.
// Usage: npx tsx bench/plagiarism/sweep.ts [tuning]
import { buildClasses, figures, auc } from '../../packages/plagiarism/test/support/classes.js';
import { runOurs } from './classes-ours.js';
const classes = buildClasses().filter((c) => c.half === (process.argv[2] ?? 'tuning'));
for (const commonMinUsers of [10, 20]) for (const flagSimilarity of [0.3, 0.35, 0.4]) for (const flagFragmentTokens of [40, 50, 60]) {
  const scored = runOurs(classes, { flagSimilarity, flagFragmentTokens, commonMinUsers });
  const parts = (['small', 'large'] as const).map((size) => { const cs = classes.filter((c) => c.size === size); const f = figures(cs, scored); return `${size} P ${f.precision.toFixed(3)} R ${f.recall.toFixed(3)} AUC ${auc(cs, scored).toFixed(4)}`; });
  console.log(commonMinUsers, flagSimilarity, flagFragmentTokens, parts.join(' | '), auc(classes, scored).toFixed(4));
}

import { AppError, DEFAULT_FLAG_LEVELS, plagiarismParamsSchema, type PlagiarismParams } from '@logicode/contracts';

/**
 * Defaults, tuned on the tuning half of test/corpus only (see docs/plagiarism.md for the figures on the other half):
 * - k = 12 tokens: shorter shared runs are never seeds;
 * - window = 8: every shared run of k + window − 1 = 19 tokens is found;
 * - threshold 0.15, the floor: pairs are kept and ranked down to it (or when flagged), so a teacher can look
 *   below the flag level;
 * - flagSimilarity 0.42 / flagFragmentTokens 50: the flag levels (a pair reaching either is highlighted), the
 *   best of a sweep on the tuning half of the labelled classes (test/support/classes.ts); 0.42 rather than the
 *   first sweep's 0.4 once dead stores were normalised away (knapsack's textbook pair sits at exactly 0.400);
 * - commonFraction 0.5, commonMinUsers 20: what most of a class of at least 20 writes, as a small part of their
 *   files, is not evidence (a ring that copied whole files never is: see language-index.ts);
 * - minFragmentTokens 16: matched fragments shorter than this are neither shown nor counted (an idiom such as
 *   `for (int i = 0; i < n; i++)` is 13 tokens once braces are gone);
 * - maxPairsPerSubmission 50: a pair is kept when it is among the top 50 of either side, so a 1,000-student
 *   ring stores at most 50,000 pairs rather than 500,000.
 */
export const DEFAULT_PARAMS: PlagiarismParams = Object.freeze({
  k: 12,
  window: 8,
  threshold: 0.15,
  commonFraction: 0.5,
  commonMinUsers: 20,
  minFragmentTokens: 16,
  ...DEFAULT_FLAG_LEVELS,
  maxPairsPerSubmission: 50,
});

export function resolveParams(overrides: Partial<PlagiarismParams> = {}): PlagiarismParams {
  const parsed = plagiarismParamsSchema.safeParse({ ...DEFAULT_PARAMS, ...overrides });
  if (!parsed.success) throw new AppError('VALIDATION', 'Bad plagiarism parameters.', parsed.error.issues);
  return Object.freeze(parsed.data);
}

import { AppError, plagiarismParamsSchema, type PlagiarismParams } from '@logicode/contracts';

/**
 * Defaults, tuned on test/corpus (see docs/plagiarism.md for the figures):
 * - k = 12 tokens: shorter shared runs are never seeds;
 * - window = 8: every shared run of k + window − 1 = 19 tokens is found;
 * - threshold 0.5: a pair is reported when half of the two files' tokens are matched;
 * - commonFraction 0.5 (once 5 users share it): what most of a class writes is not evidence;
 * - minFragmentTokens 16: matched fragments shorter than this are neither shown nor counted (an idiom such as
 *   `for (int i = 0; i < n; i++)` is 13 tokens once braces are gone).
 */
export const DEFAULT_PARAMS: PlagiarismParams = Object.freeze({
  k: 12,
  window: 8,
  threshold: 0.5,
  commonFraction: 0.5,
  commonMinUsers: 5,
  minFragmentTokens: 16,
});

export function resolveParams(overrides: Partial<PlagiarismParams> = {}): PlagiarismParams {
  const parsed = plagiarismParamsSchema.safeParse({ ...DEFAULT_PARAMS, ...overrides });
  if (!parsed.success) throw new AppError('VALIDATION', 'Bad plagiarism parameters.', parsed.error.issues);
  return Object.freeze(parsed.data);
}

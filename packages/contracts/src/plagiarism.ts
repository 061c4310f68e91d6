import { z } from 'zod';
import { languageIdSchema } from './languages.js';

/**
 * Plagiarism detection: the parameters a run used and the pairs it found. packages/plagiarism computes these;
 * the worker stores them with the parameters; the web app shows a pair side by side. See docs/plagiarism.md.
 */
export const plagiarismParamsSchema = z.object({
  /** Tokens per k-gram (MOSS noise threshold: shorter shared runs are never evidence). */
  k: z.number().int().min(2).max(200),
  /** k-grams per winnowing window: any shared run of at least k + window − 1 tokens is found. */
  window: z.number().int().min(1).max(200),
  /**
   * The floor: a pair is kept (stored, listed) when its similarity is at least this (0..1), or when it is flagged.
   * Low on purpose: pairs are ranked, and the flag levels below say which ones a teacher should look at.
   */
  threshold: z.number().min(0).max(1),
  /** A fingerprint found in more than this share of the users' submissions may be common code, not evidence… */
  commonFraction: z.number().min(0).max(1),
  /** ...but only once at least this many users share it (a copy ring in a small class is not "common"), and only
   *  when it is a minority of a typical holder's file (a ring's whole copied file never is). */
  commonMinUsers: z.number().int().min(2),
  /** Matched fragments shorter than this many tokens (not counting starter code) are dropped. */
  minFragmentTokens: z.number().int().min(1),
  /** Flag level: a pair at or above this similarity is flagged (highlighted) for the teacher. */
  flagSimilarity: z.number().min(0).max(1),
  /** Partial-copy flag: a pair whose longest matched fragment has at least this many tokens is flagged too
   *  (one copied function in a file of the student's own). */
  flagFragmentTokens: z.number().int().min(1),
  /** Output bound: a pair is kept only if it is among the top this-many of one of its two submissions. */
  maxPairsPerSubmission: z.number().int().min(1).max(10_000),
});
export type PlagiarismParams = z.infer<typeof plagiarismParamsSchema>;

/** The product's default flag levels (packages/plagiarism DEFAULT_PARAMS uses these; the web app shows them). */
export const DEFAULT_FLAG_LEVELS = Object.freeze({ flagSimilarity: 0.42, flagFragmentTokens: 50 });

/**
 * The flag levels of runs stored before they existed (issue 16): such a run's params lack them, and its pairs
 * were all at or above its threshold, so they are flagged at it.
 */
export function withFlagLevels(params: Omit<PlagiarismParams, 'flagSimilarity' | 'flagFragmentTokens' | 'maxPairsPerSubmission'> & Partial<PlagiarismParams>): PlagiarismParams {
  return { flagSimilarity: params.threshold, flagFragmentTokens: 10_000, maxPairsPerSubmission: 10_000, ...params };
}

/** Whether a pair reaches a flag level: its similarity, or its longest fragment (a partial copy). */
export function isFlagged(params: Pick<PlagiarismParams, 'flagSimilarity' | 'flagFragmentTokens'>, pair: { similarity: number; longestFragmentTokens: number }): boolean {
  return pair.similarity >= params.flagSimilarity || pair.longestFragmentTokens >= params.flagFragmentTokens;
}

/** 1-based lines and columns; the end is inclusive of the last character of the last matched token. */
export const sourceRegionSchema = z.object({
  startLine: z.number().int().min(1),
  startColumn: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
});
export type SourceRegion = z.infer<typeof sourceRegionSchema>;

export const plagiarismFragmentSchema = z.object({
  left: sourceRegionSchema,
  right: sourceRegionSchema,
  /** Matched tokens in this fragment (starter-code tokens not counted). */
  tokens: z.number().int().min(0),
});
export type PlagiarismFragment = z.infer<typeof plagiarismFragmentSchema>;

export const plagiarismPairSchema = z.object({
  /** The two submissions; leftId < rightId. */
  leftId: z.number().int(),
  rightId: z.number().int(),
  leftUserId: z.number().int(),
  rightUserId: z.number().int(),
  language: languageIdSchema,
  /** (matched tokens left + matched tokens right) / (tokens left + tokens right), starter code excluded. */
  similarity: z.number().min(0).max(1),
  longestFragmentTokens: z.number().int().min(0),
  /** At a flag level of the run's parameters (isFlagged): shown highlighted. The package always sets it. */
  flagged: z.boolean().optional(),
  /** Matched tokens on each side (starter code excluded), for "x% of this file" displays. */
  leftMatchedTokens: z.number().int().min(0),
  rightMatchedTokens: z.number().int().min(0),
  leftTotalTokens: z.number().int().min(0),
  rightTotalTokens: z.number().int().min(0),
  fragments: z.array(plagiarismFragmentSchema),
});
export type PlagiarismPair = z.infer<typeof plagiarismPairSchema>;

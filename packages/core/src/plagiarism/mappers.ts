import { withFlagLevels, type LanguageId, type PlagiarismPair, type PlagiarismPairSummary, type PlagiarismParams, type PlagiarismRun } from '@logicode/contracts';
import type { PlagiarismPairRow, PlagiarismPairsTable, PlagiarismRunRow } from '@logicode/db';
import type { Insertable } from 'kysely';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toRun(row: PlagiarismRunRow): PlagiarismRun {
  return {
    id: row.id,
    problemId: row.problemId,
    status: row.status,
    params: row.params === null ? null : withFlagLevels(JSON.parse(row.params) as PlagiarismParams),
    progress: Number(row.progress),
    submissionCount: row.submissionCount,
    pairCount: row.pairCount,
    error: row.error,
    requestedBy: row.requestedBy,
    createdAt: iso(row.createdAtMs)!,
    startedAt: iso(row.startedAtMs),
    finishedAt: iso(row.finishedAtMs),
  };
}

/**
 * A pair as the worker hands it over: the contract's pair, or (from the analysis thread, where serialising is
 * off the event loop) with its fragments already JSON.
 */
export type PairToStore = PlagiarismPair | (Omit<PlagiarismPair, 'fragments'> & { fragmentsJson: string; fragmentCount: number });

export function toPairRow(problemId: number, runId: number | null, pair: PairToStore, nowMs: number): Insertable<PlagiarismPairsTable> {
  const fragments = 'fragments' in pair ? { fragmentCount: pair.fragments.length, fragments: JSON.stringify(pair.fragments) } : { fragmentCount: pair.fragmentCount, fragments: pair.fragmentsJson };
  return {
    problemId, runId,
    leftSubmissionId: pair.leftId, rightSubmissionId: pair.rightId, leftUserId: pair.leftUserId, rightUserId: pair.rightUserId,
    language: pair.language, similarity: pair.similarity, longestFragmentTokens: pair.longestFragmentTokens,
    leftMatchedTokens: pair.leftMatchedTokens, rightMatchedTokens: pair.rightMatchedTokens,
    leftTotalTokens: pair.leftTotalTokens, rightTotalTokens: pair.rightTotalTokens,
    ...fragments, createdAtMs: nowMs,
  };
}

export function toPairSummary(row: PlagiarismPairRow, names: { left: string; right: string }): PlagiarismPairSummary {
  return {
    id: row.id,
    problemId: row.problemId,
    language: row.language as LanguageId,
    similarity: Number(row.similarity),
    longestFragmentTokens: row.longestFragmentTokens,
    leftMatchedTokens: row.leftMatchedTokens,
    rightMatchedTokens: row.rightMatchedTokens,
    leftTotalTokens: row.leftTotalTokens,
    rightTotalTokens: row.rightTotalTokens,
    fragmentCount: row.fragmentCount,
    left: { submissionId: row.leftSubmissionId, userId: row.leftUserId, userName: names.left },
    right: { submissionId: row.rightSubmissionId, userId: row.rightUserId, userName: names.right },
    foundAt: iso(row.createdAtMs)!,
  };
}

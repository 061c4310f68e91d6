import type { Generated, Selectable } from 'kysely';

/** One teacher-requested plagiarism run of a problem (the worker computes it; see docs/plagiarism.md). */
export interface PlagiarismRunsTable {
  id: Generated<number>;
  problemId: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** JSON: the teacher's parameter overrides, as requested. */
  requestedParams: string;
  /** JSON: the full parameters the worker used; null until it starts. */
  params: string | null;
  /** 0..1 */
  progress: number;
  submissionCount: number;
  pairCount: number;
  error: string | null;
  requestedBy: number | null;
  createdAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
}
export type PlagiarismRunRow = Selectable<PlagiarismRunsTable>;

/**
 * A problem's current pairs: a run replaces all of them; the incremental check of a newly judged submission
 * replaces only its user's. leftSubmissionId < rightSubmissionId.
 */
export interface PlagiarismPairsTable {
  id: Generated<number>;
  problemId: number;
  /** The run that stored it; null when the incremental check did. */
  runId: number | null;
  leftSubmissionId: number;
  rightSubmissionId: number;
  leftUserId: number;
  rightUserId: number;
  language: string;
  /** 0..1 */
  similarity: number;
  longestFragmentTokens: number;
  leftMatchedTokens: number;
  rightMatchedTokens: number;
  leftTotalTokens: number;
  rightTotalTokens: number;
  fragmentCount: number;
  /** JSON array of PlagiarismFragment (contracts). */
  fragments: string;
  createdAtMs: number;
}
export type PlagiarismPairRow = Selectable<PlagiarismPairsTable>;

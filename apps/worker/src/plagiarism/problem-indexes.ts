import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { PlagiarismParams } from '@logicode/contracts';
import type { CandidateSubmission, PlagiarismStore } from '@logicode/core';
import { createIndex, type IgnoredSource, type PlagiarismIndex, type SubmissionText } from '@logicode/plagiarism';

/** Submissions indexed between yields when an index is rebuilt. */
const REBUILD_CHUNK = 50;

/** One problem's index in this worker, and whose submission it holds for each student. */
export interface ProblemIndex {
  /** Hash of the parameters and ignored sources it was built with: when either changes, it is rebuilt. */
  key: string;
  index: PlagiarismIndex;
  /** userId → the submission indexed for that student. */
  members: Map<number, number>;
}

export interface IndexSetup {
  key: string;
  params: Partial<PlagiarismParams>;
  ignored: IgnoredSource[];
}

export function setupKey(params: Partial<PlagiarismParams>, ignored: IgnoredSource[]): string {
  return createHash('sha256').update(JSON.stringify({ params, ignored })).digest('hex');
}

export async function loadSetup(store: PlagiarismStore, problemId: number, params?: Partial<PlagiarismParams>): Promise<IndexSetup> {
  const [ignored, current] = await Promise.all([store.ignoredSources(problemId), params ? Promise.resolve(params) : store.currentParams(problemId)]);
  return { key: setupKey(current, ignored), params: current, ignored };
}

export async function texts(store: PlagiarismStore, subs: readonly CandidateSubmission[]): Promise<SubmissionText[]> {
  const sources = await store.sources(subs.map((s) => s.id));
  return subs.filter((s) => sources.has(s.id)).map((s) => ({ id: s.id, userId: s.userId, language: s.language, source: sources.get(s.id)! }));
}

/**
 * Per-problem indexes kept in this worker's memory (least recently used dropped past `maxProblems`). An index is
 * a cache of the database: each check first brings it in line with each student's counted submission, so several
 * workers may each hold one.
 */
export function createProblemIndexes(store: PlagiarismStore, maxProblems = 16) {
  const cache = new Map<number, ProblemIndex>();

  function remember(problemId: number, entry: ProblemIndex): void {
    cache.delete(problemId);
    cache.set(problemId, entry);
    while (cache.size > maxProblems) cache.delete(cache.keys().next().value!);
  }

  return {
    /** Drop a problem's index (a full run replaced its pairs; the next check rebuilds it from the database). */
    forget(problemId: number): void {
      cache.delete(problemId);
    },

    /**
     * Brings the problem's index in line with the database and stores new pairs for each student whose counted
     * submission changed (normally just the submitter of `submissionId`): that submission against the index, not
     * all pairs recomputed. A fresh index is built without pairs from everyone else first. Returns pairs stored.
     */
    async check(problemId: number, submissionId: number): Promise<{ changedUsers: number; pairs: number }> {
      const [setup, selection] = await Promise.all([loadSetup(store, problemId), store.selection(problemId)]);
      let entry = cache.get(problemId);
      if (!entry || entry.key !== setup.key) {
        entry = { key: setup.key, index: createIndex({ params: setup.params, ignored: setup.ignored }), members: new Map() };
        const focusUser = selection.find((s) => s.id === submissionId)?.userId;
        const others = selection.filter((s) => s.userId !== focusUser);
        const otherTexts = await texts(store, others);
        // In chunks, yielding between them: in embedded mode the api shares this event loop.
        for (let i = 0; i < otherTexts.length; i += REBUILD_CHUNK) {
          entry.index.addAll(otherTexts.slice(i, i + REBUILD_CHUNK));
          await yieldToLoop();
        }
        for (const s of others) entry.members.set(s.userId, s.id);
      }
      remember(problemId, entry);
      const counted = new Map(selection.map((s) => [s.userId, s]));
      for (const [userId, id] of entry.members) {
        if (counted.has(userId)) continue;
        entry.index.remove(id);
        entry.members.delete(userId);
        await store.replaceUserPairs(problemId, userId, []);
      }
      const changed = selection.filter((s) => entry.members.get(s.userId) !== s.id);
      let stored = 0;
      for (const sub of await texts(store, changed)) {
        const previous = entry.members.get(sub.userId);
        if (previous !== undefined) entry.index.remove(previous);
        const pairs = entry.index.add(sub);
        entry.members.set(sub.userId, sub.id);
        await store.replaceUserPairs(problemId, sub.userId, pairs);
        stored += pairs.length;
      }
      return { changedUsers: changed.length, pairs: stored };
    },
  };
}
export type ProblemIndexes = ReturnType<typeof createProblemIndexes>;

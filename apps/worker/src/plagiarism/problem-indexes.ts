import { createHash } from 'node:crypto';
import type { PlagiarismParams } from '@logicode/contracts';
import type { CandidateSubmission, PlagiarismStore } from '@logicode/core';
import type { IgnoredSource, SubmissionText } from '@logicode/plagiarism';
import { createIndexThread, type AnalysisInput, type AnalysisProgress, type IndexThread, type RemoteIndex } from './index-thread-client.js';

/** Submissions sent to the index thread per message when an index is rebuilt. */
const REBUILD_CHUNK = 200;

/** One problem's index (held in the index thread), and whose submission it holds for each student. */
export interface ProblemIndex {
  /** Hash of the parameters and ignored sources it was built with: when either changes, it is rebuilt. */
  key: string;
  /** The index thread's generation it was built in: after a restart of the thread it is gone. */
  generation: number;
  index: RemoteIndex;
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
export function createProblemIndexes(store: PlagiarismStore, maxProblems = 16, thread: IndexThread = createIndexThread()) {
  const cache = new Map<number, ProblemIndex>();

  function remember(problemId: number, entry: ProblemIndex): void {
    cache.delete(problemId);
    cache.set(problemId, entry);
    while (cache.size > maxProblems) {
      const oldest = cache.keys().next().value!;
      cache.delete(oldest);
      thread.drop(oldest);
    }
  }

  return {
    /** Drop a problem's index (a full run replaced its pairs; the next check rebuilds it from the database). */
    forget(problemId: number): void {
      cache.delete(problemId);
      thread.drop(problemId);
    },

    /** A full run's analysis, in the index thread (see index-thread-client.ts). */
    analyze: (input: AnalysisInput, onProgress: (update: AnalysisProgress) => void) => thread.analyze(input, onProgress),

    /** Starts the index thread ahead of the first check (see IndexThread.warm). */
    warm: () => thread.warm(),

    /** Ends the index thread (the role stops). */
    stop: () => thread.stop(),

    /**
     * Brings the problem's index in line with the database and stores new pairs for each student whose counted
     * submission changed (normally just the submitter of `submissionId`): that submission against the index, not
     * all pairs recomputed. A fresh index is built without pairs from everyone else first. Returns pairs stored.
     * Tokenising and comparing happen in the index thread (index-body.ts), never on this event loop.
     */
    async check(problemId: number, submissionId: number): Promise<{ changedUsers: number; pairs: number }> {
      const [setup, selection] = await Promise.all([loadSetup(store, problemId), store.selection(problemId)]);
      let entry = cache.get(problemId);
      if (!entry || entry.key !== setup.key || entry.generation !== thread.generation) {
        const generation = thread.generation;
        entry = { key: setup.key, generation, index: await thread.create(problemId, setup.params, setup.ignored), members: new Map() };
        const focusUser = selection.find((s) => s.id === submissionId)?.userId;
        const others = selection.filter((s) => s.userId !== focusUser);
        const otherTexts = await texts(store, others);
        for (let i = 0; i < otherTexts.length; i += REBUILD_CHUNK) await entry.index.addAll(otherTexts.slice(i, i + REBUILD_CHUNK));
        for (const s of others) entry.members.set(s.userId, s.id);
      }
      remember(problemId, entry);
      const counted = new Map(selection.map((s) => [s.userId, s]));
      for (const [userId, id] of entry.members) {
        if (counted.has(userId)) continue;
        await entry.index.remove(id);
        entry.members.delete(userId);
        await store.replaceUserPairs(problemId, userId, []);
      }
      const changed = selection.filter((s) => entry.members.get(s.userId) !== s.id);
      let stored = 0;
      for (const sub of await texts(store, changed)) {
        const previous = entry.members.get(sub.userId);
        if (previous !== undefined) await entry.index.remove(previous);
        const pairs = await entry.index.add(sub);
        entry.members.set(sub.userId, sub.id);
        await store.replaceUserPairs(problemId, sub.userId, pairs);
        stored += pairs.length;
      }
      return { changedUsers: changed.length, pairs: stored };
    },
  };
}
export type ProblemIndexes = ReturnType<typeof createProblemIndexes>;

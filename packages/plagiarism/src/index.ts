import type { LanguageId, PlagiarismPair, PlagiarismParams } from '@logicode/contracts';
import { materialize } from './compare.js';
import { LanguageIndex } from './language-index.js';
import { TopPairs } from './top-pairs.js';
import { resolveParams } from './params.js';
import { ignoredKgrams, prepare, STARTER_DISPLAY_K, type Prepared } from './prepare.js';

export { DEFAULT_PARAMS, resolveParams } from './params.js';
export { isFlagged } from '@logicode/contracts';
export { tokenize } from './tokenize.js';
export type { TokenList } from './tokens.js';
export type { PlagiarismPair, PlagiarismParams, PlagiarismFragment, SourceRegion } from '@logicode/contracts';
/** The brief's name for a pair. */
export type PairResult = PlagiarismPair;

/** One submission's text, as the worker reads it from the database. */
export interface SubmissionText {
  id: number;
  userId: number;
  language: LanguageId;
  source: string;
}

/** Code every student was given (starter code, the driver around a function): its k-grams are never evidence. */
export interface IgnoredSource {
  language: LanguageId;
  source: string;
}

export interface IndexOptions {
  params?: Partial<PlagiarismParams>;
  ignored?: IgnoredSource[];
}

/** The submissions of one problem, all languages; pairs are only ever made within a language. */
export interface PlagiarismIndex {
  readonly params: PlagiarismParams;
  /** Number of indexed submissions. */
  readonly size: number;
  /**
   * Indexes `sub` and returns its reported pairs with what was indexed before (ranked). Cost: tokenising it plus
   * one comparison per earlier submission sharing a fingerprint — not a recomputation of all pairs. Uses the
   * common-code statistics as they stand now; pairs() re-ranks with the latest. Re-adding an id replaces it.
   */
  add(sub: SubmissionText): PlagiarismPair[];
  /** Indexes many submissions without computing their pairs (a full rebuild: then call pairs()). */
  addAll(subs: Iterable<SubmissionText>): void;
  /**
   * Every reported pair, ranked: similarity, then longest fragment, then ids. `onProgress(done, total)` is called
   * as submissions are compared (each with those indexed before it), for a run's progress.
   */
  pairs(onProgress?: (done: number, total: number) => void): PlagiarismPair[];
  remove(id: number): boolean;
}

export function createIndex(opts: IndexOptions = {}): PlagiarismIndex {
  const params = resolveParams(opts.params);
  const ignored = new Map<LanguageId, Set<number>>();
  const starterShort = new Map<LanguageId, Set<number>>();
  for (const { language, source } of opts.ignored ?? []) {
    const set = ignored.get(language) ?? new Set<number>();
    for (const h of ignoredKgrams(language, source, params.k)) set.add(h);
    ignored.set(language, set);
    const short = starterShort.get(language) ?? new Set<number>();
    for (const h of ignoredKgrams(language, source, STARTER_DISPLAY_K)) short.add(h);
    starterShort.set(language, short);
  }
  const languages = new Map<LanguageId, LanguageIndex>();
  const languageOf = new Map<number, LanguageId>();
  const none = new Set<number>();

  const remove = (id: number): boolean => {
    const language = languageOf.get(id);
    if (language === undefined) return false;
    languageOf.delete(id);
    return languages.get(language)!.remove(id);
  };

  const insert = (sub: SubmissionText): { index: LanguageIndex; prepared: Prepared } => {
    remove(sub.id);
    const prepared = prepare(sub, { k: params.k, window: params.window, ignored: ignored.get(sub.language) ?? none, starterShort: starterShort.get(sub.language) });
    let index = languages.get(sub.language);
    if (!index) languages.set(sub.language, (index = new LanguageIndex(params)));
    index.add(prepared);
    languageOf.set(sub.id, sub.language);
    return { index, prepared };
  };

  return {
    params,
    get size() {
      return languageOf.size;
    },
    add(sub) {
      const { index, prepared } = insert(sub);
      return bound(rank(index.pairsOf(prepared, (other) => other !== prepared)), params.maxPairsPerSubmission).map((p) => materialize(p, params.minFragmentTokens));
    },
    addAll(subs) {
      for (const sub of subs) insert(sub);
    },
    pairs(onProgress) {
      const total = languageOf.size;
      let before = 0;
      // The output bound is kept while comparing (TopPairs), and regions are computed only for the pairs kept:
      // a 1,000-student ring compares ~500,000 pairs and keeps ~50,000.
      const top = new TopPairs(params.maxPairsPerSubmission);
      for (const index of languages.values()) {
        const offset = before;
        index.allPairs(top, onProgress && ((done) => onProgress(offset + done, total)));
        before += index.size;
      }
      return rank(top.pairs()).map((p) => materialize(p, params.minFragmentTokens));
    },
    remove,
  };
}

/** All reported pairs among `subs` (one problem's submissions), ranked, with the parameters used. */
export function analyze(subs: SubmissionText[], opts: IndexOptions = {}): { pairs: PlagiarismPair[]; params: PlagiarismParams } {
  const index = createIndex(opts);
  index.addAll(subs);
  return { pairs: index.pairs(), params: index.params };
}

/**
 * Bounded output: a pair is kept when it is among the `perSubmission` best (flagged first, then ranked) of
 * either of its submissions, so a ring of n students yields O(n) pairs, not n²/2. `pairs` must be ranked.
 */
export function bound<P extends Ranked>(pairs: P[], perSubmission: number): P[] {
  const byFlag = [...pairs.filter((p) => p.flagged), ...pairs.filter((p) => !p.flagged)];
  const seen = new Map<number, number>();
  const keep = new Set<P>();
  for (const p of byFlag) {
    const l = (seen.get(p.leftId) ?? 0) + 1;
    const r = (seen.get(p.rightId) ?? 0) + 1;
    seen.set(p.leftId, l);
    seen.set(p.rightId, r);
    if (l <= perSubmission || r <= perSubmission) keep.add(p);
  }
  return keep.size === pairs.length ? pairs : pairs.filter((p) => keep.has(p));
}

interface Ranked {
  leftId: number;
  rightId: number;
  similarity: number;
  longestFragmentTokens: number;
  flagged?: boolean;
}

export function rank<P extends Ranked>(pairs: P[]): P[] {
  return pairs.sort(byRank);
}

function byRank(x: Ranked, y: Ranked): number {
  return y.similarity - x.similarity || y.longestFragmentTokens - x.longestFragmentTokens || x.leftId - y.leftId || x.rightId - y.rightId;
}

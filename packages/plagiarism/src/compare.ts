import type { PlagiarismFragment, PlagiarismPair } from '@logicode/contracts';
import type { Prepared } from './prepare.js';
import { regionOf } from './regions.js';

export interface CompareOptions {
  k: number;
  minFragmentTokens: number;
  /** Below this similarity no pair is built (and no regions computed), unless it reaches a flag level. */
  threshold: number;
  flagSimilarity: number;
  flagFragmentTokens: number;
  /** Fingerprints most users share: not used as seeds. */
  isCommon: (hash: number) => boolean;
  /**
   * What does not count in a submission: its starter-code and layout tokens, plus (when the index found common
   * code) the tokens of its common k-grams, so a run that a seed extends into boilerplate gets no credit for it.
   */
  countingOf: (sub: Prepared) => Counting;
}

export interface Counting {
  /** 1 = not counted. */
  ignored: Uint8Array;
  countedTokens: number;
}

/** A maximal run of equal tokens: a[aStart, aEnd) equals b[aStart - diagonal, aEnd - diagonal). */
interface Run {
  aStart: number;
  aEnd: number;
  diagonal: number;
}

/** Repeated code makes a fingerprint occur many times; a few seeds per side find every run that matters. */
const MAX_SEEDS_PER_SIDE = 8;

/**
 * A pair's score without its regions: the index scores every candidate pair, but only the pairs that survive
 * the output bound (top pairs per submission) are turned into a PlagiarismPair with line/column fragments
 * (materialize). Building regions for every compared pair was a third of the 5,000-file run's time and most of
 * its memory. Field names match PlagiarismPair so rank() and bound() take either.
 */
export interface ScoredPair {
  leftId: number;
  rightId: number;
  similarity: number;
  longestFragmentTokens: number;
  flagged: boolean;
  leftMatchedTokens: number;
  rightMatchedTokens: number;
  left: Prepared;
  right: Prepared;
  leftCounting: Counting;
  rightCounting: Counting;
  /** Kept runs, by left position: aStart, aEnd, diagonal, counted tokens; four entries per run. */
  runs: number[];
}

/** Scratch "already matched" marks, reused by every comparison (cleared after each): no allocation per pair. */
let leftCovered = new Uint8Array(1024);
let rightCovered = new Uint8Array(1024);

/**
 * Compares two prepared submissions. Shared fingerprints are seeds; each is extended both ways while the
 * tokens agree (so a fragment is the whole matched run, not just the winnowed k-grams), runs shorter than
 * minFragmentTokens are dropped, and the score is Dice over tokens:
 *   similarity = (matched tokens in a + matched tokens in b) / (tokens in a + tokens in b),
 * counting neither side's starter-code tokens. Symmetric, in 0..1. Null when the pair is not reported.
 */
export function score(a: Prepared, b: Prepared, opts: CompareOptions): ScoredPair | null {
  const left = a.id <= b.id ? a : b;
  const right = left === a ? b : a;
  const runs = findRuns(left, right, opts);
  if (runs.length === 0) return null;
  const leftCounting = opts.countingOf(left);
  const rightCounting = opts.countingOf(right);
  if (leftCovered.length < left.tokens.length) leftCovered = new Uint8Array(left.tokens.length * 2);
  if (rightCovered.length < right.tokens.length) rightCovered = new Uint8Array(right.tokens.length * 2);
  const kept: number[] = [];
  let leftMatched = 0;
  let rightMatched = 0;
  let longest = 0;
  // Greedy tiling, longest run first: a stretch of code is matched once, so an identical copy is one fragment,
  // not one per diagonal on which some of its k-grams repeat (issue 16). A run overlapping a kept one keeps
  // only its longest stretch that overlaps nothing. Kept runs are disjoint on both sides, so the matched
  // tokens are their sums.
  runs.sort(byLengthThenStart);
  for (const whole of runs) {
    const run = uncoveredPart(whole, leftCovered, rightCovered);
    if (!run) continue;
    const bStart = run.aStart - run.diagonal;
    const bEnd = run.aEnd - run.diagonal;
    const inLeft = counted(leftCounting, run.aStart, run.aEnd);
    const inRight = counted(rightCounting, bStart, bEnd);
    const tokens = Math.min(inLeft, inRight);
    if (tokens < opts.minFragmentTokens) continue;
    leftCovered.fill(1, run.aStart, run.aEnd);
    rightCovered.fill(1, bStart, bEnd);
    kept.push(run.aStart, run.aEnd, run.diagonal, tokens);
    leftMatched += inLeft;
    rightMatched += inRight;
    if (tokens > longest) longest = tokens;
  }
  for (let i = 0; i < kept.length; i += 4) {
    leftCovered.fill(0, kept[i]!, kept[i + 1]!);
    rightCovered.fill(0, kept[i]! - kept[i + 2]!, kept[i + 1]! - kept[i + 2]!);
  }
  if (kept.length === 0) return null;
  const total = leftCounting.countedTokens + rightCounting.countedTokens;
  const similarity = total === 0 ? 0 : (leftMatched + rightMatched) / total;
  const flagged = similarity >= opts.flagSimilarity || longest >= opts.flagFragmentTokens;
  if (similarity < opts.threshold && !flagged) return null;
  return {
    leftId: left.id,
    rightId: right.id,
    similarity,
    longestFragmentTokens: longest,
    flagged,
    leftMatchedTokens: leftMatched,
    rightMatchedTokens: rightMatched,
    left,
    right,
    leftCounting,
    rightCounting,
    runs: byStart(kept),
  };
}

/** The reported pair, with the source regions of its fragments. */
export function materialize(p: ScoredPair, minFragmentTokens: number): PlagiarismPair {
  const { left, right, runs } = p;
  const fragments: PlagiarismFragment[] = [];
  for (let i = 0; i < runs.length; i += 4) fragmentsOf(fragments, runs[i]!, runs[i + 1]!, runs[i + 2]!, left, right, p.leftCounting, p.rightCounting, runs[i + 3]!);
  return {
    leftId: left.id,
    rightId: right.id,
    leftUserId: left.userId,
    rightUserId: right.userId,
    language: left.language,
    similarity: p.similarity,
    longestFragmentTokens: p.longestFragmentTokens,
    flagged: p.flagged,
    leftMatchedTokens: p.leftMatchedTokens,
    rightMatchedTokens: p.rightMatchedTokens,
    leftTotalTokens: p.leftCounting.countedTokens,
    rightTotalTokens: p.rightCounting.countedTokens,
    fragments: shown(fragments, minFragmentTokens),
  };
}

/** compare = score + materialize, for one pair (tests). */
export function compare(a: Prepared, b: Prepared, opts: CompareOptions): PlagiarismPair | null {
  const scored = score(a, b, opts);
  return scored && materialize(scored, opts.minFragmentTokens);
}

function byLengthThenStart(x: Run, y: Run): number {
  return y.aEnd - y.aStart - (x.aEnd - x.aStart) || x.aStart - y.aStart || x.diagonal - y.diagonal;
}

/** Sorts kept runs (four numbers each) by their left start, in place: an insertion sort, a pair keeps a few runs. */
function byStart(kept: number[]): number[] {
  for (let i = 4; i < kept.length; i += 4) {
    for (let j = i; j > 0 && kept[j - 4]! > kept[j]!; j -= 4) {
      for (let f = 0; f < 4; f++) {
        const t = kept[j - 4 + f]!;
        kept[j - 4 + f] = kept[j + f]!;
        kept[j + f] = t;
      }
    }
  }
  return kept;
}

/** Maximal matched runs through the shared, non-common fingerprints (a merge of the two sorted lists). */
function findRuns(a: Prepared, b: Prepared, opts: CompareOptions): Run[] {
  const runs: Run[] = [];
  const ha = a.printHashes;
  const hb = b.printHashes;
  let i = 0;
  let j = 0;
  while (i < ha.length && j < hb.length) {
    const x = ha[i]!;
    const y = hb[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      if (!opts.isCommon(x)) seedRuns(runs, a, b, i, j, opts.k);
      i++;
      j++;
    }
  }
  return runs;
}

function seedRuns(runs: Run[], a: Prepared, b: Prepared, i: number, j: number, k: number): void {
  const aFrom = a.printStarts[i]!;
  const aTo = Math.min(a.printStarts[i + 1]!, aFrom + MAX_SEEDS_PER_SIDE);
  const bFrom = b.printStarts[j]!;
  const bTo = Math.min(b.printStarts[j + 1]!, bFrom + MAX_SEEDS_PER_SIDE);
  for (let si = aFrom; si < aTo; si++) {
    const pa = a.printPositions[si]!;
    for (let li = bFrom; li < bTo; li++) {
      const diagonal = pa - b.printPositions[li]!;
      if (covers(runs, pa, diagonal)) continue;
      const run = extend(a.tokens, b.tokens, pa, diagonal, k);
      if (run) runs.push(run);
    }
  }
}

/**
 * The regions of one matched run: the whole run, or, when it passes through starter code (which the score
 * ignores), each stretch of the students' own code in it, so the starter is never highlighted (issue 16).
 */
function fragmentsOf(out: PlagiarismFragment[], aStart: number, aEnd: number, diagonal: number, left: Prepared, right: Prepared, lc: Counting, rc: Counting, tokens: number): void {
  let touchesStarter = false;
  for (let i = aStart; i < aEnd && !touchesStarter; i++) touchesStarter = left.starter[i] === 1 || right.starter[i - diagonal] === 1;
  if (!touchesStarter) {
    out.push({ left: regionOf(left, aStart, aEnd), right: regionOf(right, aStart - diagonal, aEnd - diagonal), tokens });
    return;
  }
  let start = -1;
  for (let i = aStart; i <= aEnd; i++) {
    const own = i < aEnd && left.starter[i] === 0 && right.starter[i - diagonal] === 0;
    if (own && start < 0) start = i;
    if (!own && start >= 0) {
      const n = Math.min(counted(lc, start, i), counted(rc, start - diagonal, i - diagonal));
      if (n > 0) out.push({ left: regionOf(left, start, i), right: regionOf(right, start - diagonal, i - diagonal), tokens: n });
      start = -1;
    }
  }
}

/**
 * The fragments shown: those of at least minFragmentTokens, so a few tokens squeezed between starter lines are not
 * a fragment of their own; if that leaves none (every stretch is short), the longest one.
 */
function shown<T extends { tokens: number }>(fragments: T[], minTokens: number): T[] {
  const long = fragments.filter((f) => f.tokens >= minTokens);
  if (long.length > 0 || fragments.length === 0) return long;
  return [fragments.reduce((a, b) => (b.tokens > a.tokens ? b : a))];
}

/** The longest stretch of `run` covered on neither side, or null if there is none. */
function uncoveredPart(run: Run, leftCovered: Uint8Array, rightCovered: Uint8Array): Run | null {
  let best: Run | null = null;
  let start = -1;
  for (let i = run.aStart; i <= run.aEnd; i++) {
    const free = i < run.aEnd && !leftCovered[i] && !rightCovered[i - run.diagonal];
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      if (!best || i - start > best.aEnd - best.aStart) best = { aStart: start, aEnd: i, diagonal: run.diagonal };
      start = -1;
    }
  }
  return best;
}

function covers(runs: Run[], pa: number, diagonal: number): boolean {
  for (const r of runs) if (r.diagonal === diagonal && r.aStart <= pa && pa < r.aEnd) return true;
  return false;
}

/** The maximal run of equal tokens through the seed k-gram, or null on a hash collision. */
function extend(ta: Uint32Array, tb: Uint32Array, pa: number, diagonal: number, k: number): Run | null {
  for (let i = pa; i < pa + k; i++) if (ta[i] !== tb[i - diagonal]) return null;
  let start = pa;
  while (start > 0 && start - diagonal > 0 && ta[start - 1] === tb[start - 1 - diagonal]) start--;
  let end = pa + k;
  while (end < ta.length && end - diagonal < tb.length && ta[end] === tb[end - diagonal]) end++;
  return { aStart: start, aEnd: end, diagonal };
}

function counted(sub: Counting, from: number, to: number): number {
  if (sub.countedTokens === sub.ignored.length) return to - from;
  let n = 0;
  for (let i = from; i < to; i++) n += 1 - sub.ignored[i]!;
  return n;
}

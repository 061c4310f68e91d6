import type { PlagiarismPair } from '@logicode/contracts';
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
 * Compares two prepared submissions. Shared fingerprints are seeds; each is extended both ways while the
 * tokens agree (so a fragment is the whole matched run, not just the winnowed k-grams), runs shorter than
 * minFragmentTokens are dropped, and the score is Dice over tokens:
 *   similarity = (matched tokens in a + matched tokens in b) / (tokens in a + tokens in b),
 * counting neither side's starter-code tokens. Symmetric, in 0..1.
 */
export function compare(a: Prepared, b: Prepared, opts: CompareOptions): PlagiarismPair | null {
  const [left, right] = a.id <= b.id ? [a, b] : [b, a];
  const runs = findRuns(left, right, opts);
  const leftCounting = opts.countingOf(left);
  const rightCounting = opts.countingOf(right);
  if (runs.length === 0) return null;
  const leftCovered = new Uint8Array(left.tokens.length);
  const rightCovered = new Uint8Array(right.tokens.length);
  const kept: Run[] = [];
  const weights: number[] = [];
  // Greedy tiling, longest run first: a stretch of code is matched once, so an identical copy is one fragment,
  // not one per diagonal on which some of its k-grams repeat (issue 16). A run overlapping a kept one keeps
  // only its longest stretch that overlaps nothing.
  runs.sort((x, y) => y.aEnd - y.aStart - (x.aEnd - x.aStart) || x.aStart - y.aStart);
  for (const whole of runs) {
    const run = uncoveredPart(whole, leftCovered, rightCovered);
    if (!run) continue;
    const bStart = run.aStart - run.diagonal;
    const bEnd = run.aEnd - run.diagonal;
    const tokens = Math.min(counted(leftCounting, run.aStart, run.aEnd), counted(rightCounting, bStart, bEnd));
    if (tokens < opts.minFragmentTokens) continue;
    leftCovered.fill(1, run.aStart, run.aEnd);
    rightCovered.fill(1, bStart, bEnd);
    kept.push(run);
    weights.push(tokens);
  }
  if (kept.length === 0) return null;
  const leftMatched = coveredCount(leftCounting, leftCovered);
  const rightMatched = coveredCount(rightCounting, rightCovered);
  const total = leftCounting.countedTokens + rightCounting.countedTokens;
  const similarity = total === 0 ? 0 : (leftMatched + rightMatched) / total;
  const longestFragmentTokens = Math.max(...weights);
  const flagged = similarity >= opts.flagSimilarity || longestFragmentTokens >= opts.flagFragmentTokens;
  if (similarity < opts.threshold && !flagged) return null;
  const order = kept.map((_, i) => i).sort((x, y) => kept[x]!.aStart - kept[y]!.aStart);
  return {
    leftId: left.id,
    rightId: right.id,
    leftUserId: left.userId,
    rightUserId: right.userId,
    language: left.language,
    similarity,
    longestFragmentTokens,
    flagged,
    leftMatchedTokens: leftMatched,
    rightMatchedTokens: rightMatched,
    leftTotalTokens: leftCounting.countedTokens,
    rightTotalTokens: rightCounting.countedTokens,
    fragments: shown(order.flatMap((i) => fragmentsOf(kept[i]!, left, right, leftCounting, rightCounting, weights[i]!)), opts.minFragmentTokens),
  };
}

function findRuns(a: Prepared, b: Prepared, opts: CompareOptions): Run[] {
  const [small, large, swapped] = a.fingerprints.size <= b.fingerprints.size ? [a, b, false] : [b, a, true];
  // A pair has tens of runs, so a linear scan beats a Map of diagonals (and makes less garbage).
  const runs: Run[] = [];
  for (const [hash, smallPositions] of small.fingerprints) {
    const largePositions = large.fingerprints.get(hash);
    if (!largePositions || opts.isCommon(hash)) continue;
    const smallSeeds = Math.min(smallPositions.length, MAX_SEEDS_PER_SIDE);
    const largeSeeds = Math.min(largePositions.length, MAX_SEEDS_PER_SIDE);
    for (let si = 0; si < smallSeeds; si++) {
      for (let li = 0; li < largeSeeds; li++) {
        const pa = swapped ? largePositions[li]! : smallPositions[si]!;
        const pb = swapped ? smallPositions[si]! : largePositions[li]!;
        const diagonal = pa - pb;
        if (covers(runs, pa, diagonal)) continue;
        const run = extend(a.tokens, b.tokens, pa, diagonal, opts.k);
        if (run) runs.push(run);
      }
    }
  }
  return runs;
}

/**
 * The regions of one matched run: the whole run, or, when it passes through starter code (which the score
 * ignores), each stretch of the students' own code in it, so the starter is never highlighted (issue 16).
 */
function fragmentsOf(run: Run, left: Prepared, right: Prepared, lc: Counting, rc: Counting, tokens: number) {
  let touchesStarter = false;
  for (let i = run.aStart; i < run.aEnd && !touchesStarter; i++) touchesStarter = left.starter[i] === 1 || right.starter[i - run.diagonal] === 1;
  const region = (from: number, to: number, n: number) => ({ left: regionOf(left, from, to), right: regionOf(right, from - run.diagonal, to - run.diagonal), tokens: n });
  if (!touchesStarter) return [region(run.aStart, run.aEnd, tokens)];
  const out: ReturnType<typeof region>[] = [];
  let start = -1;
  for (let i = run.aStart; i <= run.aEnd; i++) {
    const own = i < run.aEnd && left.starter[i] === 0 && right.starter[i - run.diagonal] === 0;
    if (own && start < 0) start = i;
    if (!own && start >= 0) {
      const n = Math.min(counted(lc, start, i), counted(rc, start - run.diagonal, i - run.diagonal));
      if (n > 0) out.push(region(start, i, n));
      start = -1;
    }
  }
  return out;
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

function coveredCount(sub: Counting, covered: Uint8Array): number {
  let n = 0;
  if (sub.countedTokens === sub.ignored.length) {
    for (let i = 0; i < covered.length; i++) n += covered[i]!;
    return n;
  }
  for (let i = 0; i < covered.length; i++) if (covered[i] && !sub.ignored[i]) n++;
  return n;
}

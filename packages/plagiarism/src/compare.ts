import type { PlagiarismFragment, PlagiarismPair } from '@logicode/contracts';
import type { Prepared } from './prepare.js';
import { regionOf } from './regions.js';

export interface CompareOptions {
  k: number;
  minFragmentTokens: number;
  /** Fingerprints most users share: not used as seeds. */
  isCommon: (hash: number) => boolean;
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
  if (runs.length === 0) return null;
  const leftCovered = new Uint8Array(left.tokens.length);
  const rightCovered = new Uint8Array(right.tokens.length);
  const fragments: (PlagiarismFragment & { at: number })[] = [];
  let longest = 0;
  for (const run of runs) {
    const bStart = run.aStart - run.diagonal;
    const bEnd = run.aEnd - run.diagonal;
    const tokens = Math.min(counted(left, run.aStart, run.aEnd), counted(right, bStart, bEnd));
    if (tokens < opts.minFragmentTokens) continue;
    leftCovered.fill(1, run.aStart, run.aEnd);
    rightCovered.fill(1, bStart, bEnd);
    longest = Math.max(longest, tokens);
    fragments.push({ at: run.aStart, left: regionOf(left, run.aStart, run.aEnd), right: regionOf(right, bStart, bEnd), tokens });
  }
  if (fragments.length === 0) return null;
  const leftMatched = coveredCount(left, leftCovered);
  const rightMatched = coveredCount(right, rightCovered);
  const total = left.countedTokens + right.countedTokens;
  fragments.sort((x, y) => x.at - y.at);
  return {
    leftId: left.id,
    rightId: right.id,
    leftUserId: left.userId,
    rightUserId: right.userId,
    language: left.language,
    similarity: total === 0 ? 0 : (leftMatched + rightMatched) / total,
    longestFragmentTokens: longest,
    leftMatchedTokens: leftMatched,
    rightMatchedTokens: rightMatched,
    leftTotalTokens: left.countedTokens,
    rightTotalTokens: right.countedTokens,
    fragments: fragments.map(({ left: l, right: r, tokens }) => ({ left: l, right: r, tokens })),
  };
}

function findRuns(a: Prepared, b: Prepared, opts: CompareOptions): Run[] {
  const [small, large, swapped] = a.fingerprints.size <= b.fingerprints.size ? [a, b, false] : [b, a, true];
  const byDiagonal = new Map<number, Run[]>();
  const runs: Run[] = [];
  for (const [hash, smallPositions] of small.fingerprints) {
    const largePositions = large.fingerprints.get(hash);
    if (!largePositions || opts.isCommon(hash)) continue;
    for (const sp of smallPositions.slice(0, MAX_SEEDS_PER_SIDE)) {
      for (const lp of largePositions.slice(0, MAX_SEEDS_PER_SIDE)) {
        const [pa, pb] = swapped ? [lp, sp] : [sp, lp];
        const diagonal = pa - pb;
        const onDiagonal = byDiagonal.get(diagonal);
        if (onDiagonal?.some((r) => r.aStart <= pa && pa < r.aEnd)) continue;
        const run = extend(a.tokens, b.tokens, pa, diagonal, opts.k);
        if (!run) continue;
        runs.push(run);
        if (onDiagonal) onDiagonal.push(run);
        else byDiagonal.set(diagonal, [run]);
      }
    }
  }
  return runs;
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

function counted(sub: Prepared, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += 1 - sub.ignored[i]!;
  return n;
}

function coveredCount(sub: Prepared, covered: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < covered.length; i++) if (covered[i] && !sub.ignored[i]) n++;
  return n;
}

import type { LanguageId } from '@logicode/contracts';
import { kgramHashes, tokenHash } from './hash.js';
import { tokenize } from './tokenize.js';
import { winnow } from './winnow.js';

/** What the index keeps of one submission: compact arrays, no source text. */
export interface Prepared {
  id: number;
  userId: number;
  language: LanguageId;
  /** Token kind hashes, in order. */
  tokens: Uint32Array;
  /** Source offsets of each token (start, and just past the end). */
  starts: Int32Array;
  ends: Int32Array;
  /** Offsets where each line starts, for line/column regions. */
  lineStarts: Int32Array;
  /**
   * 1 where a token does not count: it lies in a k-gram found in the starter code / driver (never evidence), or
   * it is a zero-width layout token (Python's NEWLINE/INDENT/DEDENT, which C-like code has as ';' and braces,
   * dropped or counted there) — so a two-line Python function is not "16 tokens long".
   */
  ignored: Uint8Array;
  /**
   * 1 where a token lies in a run of STARTER_DISPLAY_K tokens found in the starter code / driver: never
   * highlighted in a fragment's region. Shorter than k, so the starter's edges next to the student's code (whose
   * k-grams are new, so they count) are not highlighted either.
   */
  starter: Uint8Array;
  /** Tokens that count: the denominator of the similarity. */
  countedTokens: number;
  /** Winnowed fingerprints (k-gram hash → k-gram positions), starter-code k-grams left out. */
  fingerprints: Map<number, number[]>;
  /**
   * The same fingerprints as sorted arrays, for compare(): a merge of two sorted lists finds the shared ones
   * several times faster than a Map lookup per fingerprint (the 5,000-file profile spent a quarter of its time
   * there). printPositions[printStarts[i] .. printStarts[i + 1]) are the positions of printHashes[i].
   */
  printHashes: Uint32Array;
  printStarts: Int32Array;
  printPositions: Int32Array;
  /** Set by the language index that holds it. */
  slot: number;
}

export function lineStartsOf(source: string): Int32Array {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return Int32Array.from(starts);
}

export function tokenHashesOf(language: LanguageId, source: string): { tokens: Uint32Array; starts: Int32Array; ends: Int32Array } {
  const list = tokenize(language, source);
  const tokens = new Uint32Array(list.kinds.length);
  for (let i = 0; i < tokens.length; i++) tokens[i] = tokenHash(list.kinds[i]!);
  return { tokens, starts: Int32Array.from(list.starts), ends: Int32Array.from(list.ends) };
}

/** Every k-gram hash of a starter/driver source: any of them in a submission is not evidence. */
export function ignoredKgrams(language: LanguageId, source: string, k: number): Uint32Array {
  return kgramHashes(tokenHashesOf(language, source).tokens, k);
}

export interface PrepareOptions {
  k: number;
  window: number;
  ignored: ReadonlySet<number>;
  /** The starter's STARTER_DISPLAY_K-grams (display only). */
  starterShort?: ReadonlySet<number>;
}

/** Tokens per gram of the starter mask used for display (starter). */
export const STARTER_DISPLAY_K = 5;

export function prepare(
  sub: { id: number; userId: number; language: LanguageId; source: string },
  opts: PrepareOptions,
): Prepared {
  const { tokens, starts, ends } = tokenHashesOf(sub.language, sub.source);
  const kgrams = kgramHashes(tokens, opts.k);
  const ignored = new Uint8Array(tokens.length);
  if (opts.ignored.size > 0) {
    for (let i = 0; i < kgrams.length; i++) {
      if (opts.ignored.has(kgrams[i]!)) ignored.fill(1, i, i + opts.k);
    }
  }
  const starter = ignored.slice();
  if (opts.starterShort && opts.starterShort.size > 0) {
    const short = kgramHashes(tokens, STARTER_DISPLAY_K);
    for (let i = 0; i < short.length; i++) if (opts.starterShort.has(short[i]!)) starter.fill(1, i, i + STARTER_DISPLAY_K);
  }
  for (let i = 0; i < tokens.length; i++) if (starts[i] === ends[i]) ignored[i] = 1;
  let countedTokens = 0;
  for (let i = 0; i < ignored.length; i++) countedTokens += 1 - ignored[i]!;
  const fingerprints = new Map<number, number[]>();
  for (const pos of winnow(kgrams, opts.window)) {
    const h = kgrams[pos]!;
    if (opts.ignored.has(h)) continue;
    const list = fingerprints.get(h);
    if (list) list.push(pos);
    else fingerprints.set(h, [pos]);
  }
  const { printHashes, printStarts, printPositions } = sortedPrints(fingerprints);
  return {
    id: sub.id,
    userId: sub.userId,
    language: sub.language,
    tokens,
    starts,
    ends,
    lineStarts: lineStartsOf(sub.source),
    ignored,
    starter,
    countedTokens,
    fingerprints,
    printHashes,
    printStarts,
    printPositions,
    slot: -1,
  };
}

function sortedPrints(fingerprints: Map<number, number[]>): Pick<Prepared, 'printHashes' | 'printStarts' | 'printPositions'> {
  const printHashes = Uint32Array.from(fingerprints.keys()).sort();
  const printStarts = new Int32Array(printHashes.length + 1);
  let n = 0;
  for (const positions of fingerprints.values()) n += positions.length;
  const printPositions = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < printHashes.length; i++) {
    printStarts[i] = at;
    for (const pos of fingerprints.get(printHashes[i]!)!) printPositions[at++] = pos;
  }
  printStarts[printHashes.length] = at;
  return { printHashes, printStarts, printPositions };
}

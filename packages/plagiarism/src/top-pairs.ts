import type { ScoredPair } from './compare.js';

/** Something pairs are pushed into: an array, or TopPairs. */
export interface PairSink {
  push(pair: ScoredPair): unknown;
}

/**
 * The output bound, kept while comparing: each submission holds its `perSubmission` best pairs so far (flagged
 * first, then ranked, as bound() orders them) in a heap whose top is its worst. A pair lives while it is in
 * either side's heap; at the end those are exactly the pairs bound() keeps, but a 5,000-file run no longer
 * holds every compared pair (about 760,000, of which 156,000 are kept) until the end.
 */
export class TopPairs implements PairSink {
  private readonly heaps = new Map<number, ScoredPair[]>();

  constructor(private readonly perSubmission: number) {}

  push(pair: ScoredPair): void {
    this.offer(pair.leftId, pair);
    this.offer(pair.rightId, pair);
  }

  /** The kept pairs, each once, unordered. */
  pairs(): ScoredPair[] {
    const out = new Set<ScoredPair>();
    for (const heap of this.heaps.values()) for (const pair of heap) out.add(pair);
    return [...out];
  }

  private offer(id: number, pair: ScoredPair): void {
    let heap = this.heaps.get(id);
    if (!heap) this.heaps.set(id, (heap = []));
    if (heap.length < this.perSubmission) {
      heap.push(pair);
      siftUp(heap, heap.length - 1);
    } else if (before(pair, heap[0]!)) {
      heap[0] = pair;
      siftDown(heap, 0);
    }
  }
}

/** Whether x comes before y in bound()'s order: flagged first, then similarity, longest fragment, ids. */
export function before(x: ScoredPair, y: ScoredPair): boolean {
  if (x.flagged !== y.flagged) return x.flagged;
  if (x.similarity !== y.similarity) return x.similarity > y.similarity;
  if (x.longestFragmentTokens !== y.longestFragmentTokens) return x.longestFragmentTokens > y.longestFragmentTokens;
  if (x.leftId !== y.leftId) return x.leftId < y.leftId;
  return x.rightId < y.rightId;
}

// A max-heap by "worse": the root is the pair every other one comes before.
function siftUp(heap: ScoredPair[], at: number): void {
  let i = at;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[parent]!, heap[i]!)) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown(heap: ScoredPair[], at: number): void {
  let i = at;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let worst = i;
    if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
    if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
    i = worst;
  }
}

/**
 * Winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003): in every window of `w` consecutive k-gram hashes keep
 * the minimum, the rightmost on ties, and record it once per change. Any shared run of at least w + k − 1
 * tokens then shares a fingerprint; expected density is 2/(w+1). A monotonic deque makes this O(n); a text
 * shorter than one window keeps its single minimum (so short files still get a fingerprint).
 * Returns the selected k-gram positions, ascending.
 */
export function winnow(hashes: Uint32Array, w: number): number[] {
  const n = hashes.length;
  const picked: number[] = [];
  if (n === 0) return picked;
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const width = Math.min(w, n);
  for (let j = 0; j < n; j++) {
    const h = hashes[j]!;
    while (tail > head && hashes[deque[tail - 1]!]! >= h) tail--;
    deque[tail++] = j;
    if (deque[head]! <= j - width) head++;
    if (j >= width - 1) {
      const min = deque[head]!;
      if (picked.length === 0 || picked[picked.length - 1] !== min) picked.push(min);
    }
  }
  return picked;
}

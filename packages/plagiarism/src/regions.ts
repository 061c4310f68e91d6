import type { SourceRegion } from '@logicode/contracts';
import type { Prepared } from './prepare.js';

/** 1-based line and column of a source offset. */
function position(lineStarts: Int32Array, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/**
 * The source region of tokens [from, to) — the end is the last character of the last token, inclusive.
 * Zero-width tokens (Python's NEWLINE/INDENT/DEDENT) at the edges are skipped so a region starts and ends on text.
 */
export function regionOf(sub: Prepared, from: number, to: number): SourceRegion {
  let first = from;
  let last = to - 1;
  while (first < last && sub.starts[first] === sub.ends[first]) first++;
  while (last > first && sub.starts[last] === sub.ends[last]) last--;
  // Loop rewrites move a for's step after its body (restructure.ts): the region spans the run's extremes.
  let from_ = sub.starts[first]!;
  let to_ = sub.ends[last]!;
  for (let i = first; i <= last; i++) {
    if (sub.starts[i] === sub.ends[i]) continue;
    if (sub.starts[i]! < from_) from_ = sub.starts[i]!;
    if (sub.ends[i]! > to_) to_ = sub.ends[i]!;
  }
  const start = position(sub.lineStarts, from_);
  const end = position(sub.lineStarts, Math.max(from_, to_ - 1));
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

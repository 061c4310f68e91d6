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
  const start = position(sub.lineStarts, sub.starts[first]!);
  const end = position(sub.lineStarts, Math.max(sub.starts[first]!, sub.ends[last]! - 1));
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

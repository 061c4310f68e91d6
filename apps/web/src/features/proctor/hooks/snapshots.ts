import type { LanguageId, SnapshotData } from '@logicode/contracts';

// A full copy now and then keeps playback cheap to start from any point and bounds the damage of a lost diff.
const FULL_EVERY = 20;

/**
 * Turns the editor's text into code_snapshot payloads: a full copy first, then one edit (the changed middle
 * between a common prefix and suffix) against the previous snapshot.
 */
export class SnapshotTracker {
  private seq = 0;
  private last: { content: string; language: LanguageId } | null = null;

  constructor(startSeq = 0) {
    this.seq = startSeq;
  }

  next(content: string, language: LanguageId): SnapshotData | null {
    const prev = this.last;
    if (prev && prev.content === content && prev.language === language) return null;
    this.seq += 1;
    this.last = { content, language };
    if (!prev || prev.language !== language || this.seq % FULL_EVERY === 1) {
      return { kind: 'full', seq: this.seq, language, content };
    }
    let start = 0;
    const max = Math.min(prev.content.length, content.length);
    while (start < max && prev.content[start] === content[start]) start++;
    let endPrev = prev.content.length;
    let endNext = content.length;
    while (endPrev > start && endNext > start && prev.content[endPrev - 1] === content[endNext - 1]) {
      endPrev--;
      endNext--;
    }
    return { kind: 'diff', seq: this.seq, baseSeq: this.seq - 1, language, edits: [{ from: start, to: endPrev, text: content.slice(start, endNext) }] };
  }
}

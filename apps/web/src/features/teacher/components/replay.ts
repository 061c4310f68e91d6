import type { LanguageId, ProctorEventRecord, SnapshotEdit } from '@logicode/contracts';

export interface Frame {
  seq: number;
  atMs: number;
  language: LanguageId;
  content: string;
}

function applyEdits(base: string, edits: SnapshotEdit[]): string {
  let text = base;
  for (const edit of edits) text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
  return text;
}

/**
 * Rebuilds the code at every snapshot: a `full` snapshot is the text; a `diff` applies its edits to the
 * snapshot it names. A diff whose base is missing is skipped (its text cannot be known), not guessed.
 */
export function buildFrames(events: ProctorEventRecord[]): Frame[] {
  const bySeq = new Map<number, string>();
  const frames: Frame[] = [];
  const snapshots = events
    .filter((e) => e.type === 'code_snapshot')
    .sort((a, b) => Number(a.data.seq) - Number(b.data.seq));
  for (const e of snapshots) {
    const d = e.data as { kind: string; seq: number; baseSeq?: number; language: LanguageId; content?: string; edits?: SnapshotEdit[] };
    let content: string | undefined;
    if (d.kind === 'full') content = d.content ?? '';
    else if (d.baseSeq !== undefined && bySeq.has(d.baseSeq)) content = applyEdits(bySeq.get(d.baseSeq) ?? '', d.edits ?? []);
    if (content === undefined) continue;
    bySeq.set(d.seq, content);
    frames.push({ seq: d.seq, atMs: e.clientTsMs, language: d.language, content });
  }
  return frames.sort((a, b) => a.atMs - b.atMs);
}

/** The last frame at or before a moment. */
export function frameAt(frames: Frame[], atMs: number): number {
  let index = 0;
  for (let i = 0; i < frames.length; i++) {
    if ((frames[i]?.atMs ?? Infinity) <= atMs) index = i;
    else break;
  }
  return index;
}

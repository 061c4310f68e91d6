import type { LanguageId, SnapshotData, SnapshotEdit } from '@logicode/contracts';

/** Applies edits in order; each edit's offsets refer to the text as left by the previous one. */
export function applyEdits(text: string, edits: readonly SnapshotEdit[]): string | null {
  let out = text;
  for (const edit of edits) {
    if (edit.to > out.length) return null;
    out = out.slice(0, edit.from) + edit.text + out.slice(edit.to);
  }
  return out;
}

export interface RebuiltSnapshot {
  seq: number;
  clientTsMs: number;
  language: LanguageId;
  /** null when the diff's base is missing or does not fit (a lost or reordered snapshot). */
  content: string | null;
}

/** Rebuilds the editor's text at each snapshot of one attempt, for playback and for auto-submit. */
export function rebuildSnapshots(
  snapshots: readonly { clientTsMs: number; data: SnapshotData }[],
): RebuiltSnapshot[] {
  const bySeq = new Map<number, string | null>();
  const ordered = [...snapshots].sort((a, b) => a.data.seq - b.data.seq || a.clientTsMs - b.clientTsMs);
  return ordered.map(({ clientTsMs, data }) => {
    let content: string | null;
    if (data.kind === 'full') content = data.content;
    else {
      const base = bySeq.get(data.baseSeq);
      content = base == null ? null : applyEdits(base, data.edits);
    }
    bySeq.set(data.seq, content);
    return { seq: data.seq, clientTsMs, language: data.language, content };
  });
}

/** The newest snapshot whose text could be rebuilt, or null. */
export function latestSnapshot(snapshots: readonly { clientTsMs: number; data: SnapshotData }[]): RebuiltSnapshot | null {
  const rebuilt = rebuildSnapshots(snapshots);
  for (let i = rebuilt.length - 1; i >= 0; i -= 1) {
    const snap = rebuilt[i];
    if (snap && snap.content !== null) return snap;
  }
  return null;
}

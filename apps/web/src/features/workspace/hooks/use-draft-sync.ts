import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft, LanguageId } from '@logicode/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { readStorage, writeStorage } from '../../../lib/storage.js';
import { fetchDraft, saveDraft } from '../api/drafts.js';

/** Pause after the last keystroke before the draft goes to the server (the local copy is saved every 0.7 s). */
const SYNC_DEBOUNCE_MS = 2000;

/** What this device knows of the server's copy: the version its code is based on, and when it was last edited here. */
interface SyncMeta {
  version: number;
  /** 0 = nothing edited here since the last successful save. */
  editedAtMs: number;
}

export interface DraftNote {
  text: string;
  /** The code this device had, kept when another device's newer draft replaced it (never dropped silently). */
  kept: string | null;
}

const metaKey = (userId: number, problemId: number, language: string) => `lc:draft-sync:${userId}:${problemId}:${language}`;
const backupKey = (userId: number, problemId: number, language: string) => `lc:draft-backup:${userId}:${problemId}:${language}`;

function readMeta(key: string): SyncMeta | null {
  try {
    const value = JSON.parse(readStorage(key) ?? 'null') as SyncMeta | null;
    return value && typeof value.version === 'number' ? value : null;
  } catch {
    return null;
  }
}

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

interface Options {
  problemId: number;
  language: LanguageId;
  /** Signed-in user; null = local drafts only. */
  userId: number | null;
  starterCode: string;
  /** Whether a local draft existed when this problem and language were opened. */
  hadLocalDraft: boolean;
  code: string;
  replaceCode: (code: string) => void;
}

/**
 * Keeps the local draft and the server's in step: newest wins, by the time of the last edit here against the
 * server's `updatedAt`. When the server's copy wins over code edited here, that code is kept (localStorage
 * `lc:draft-backup:…`) and the note offers it back; when this device's wins, it is saved over the older one.
 */
export function useDraftSync(options: Options) {
  const { problemId, language, userId, starterCode, hadLocalDraft, replaceCode } = options;
  const [note, setNote] = useState<DraftNote | null>(null);
  const [syncedAt, setSyncedAt] = useState<number | null>(null);
  const meta = useRef<SyncMeta>({ version: 0, editedAtMs: 0 });
  const ready = useRef(false);
  const codeRef = useRef(options.code);
  codeRef.current = options.code;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = userId === null ? null : metaKey(userId, problemId, language);

  // The key whose meta `meta.current` holds: a save of the previous language that answers late must not overwrite it.
  const activeKey = useRef<string | null>(null);
  const storeMeta = useCallback((next: SyncMeta) => {
    if (!key) return;
    writeStorage(key, JSON.stringify(next));
    if (activeKey.current === key) meta.current = next;
  }, [key]);

  const push = useCallback(async (retryOnConflict = true): Promise<void> => {
    if (!key || !ready.current || activeKey.current !== key) return;
    const code = codeRef.current;
    try {
      const saved = await saveDraft(problemId, language, code, meta.current.version);
      storeMeta({ version: saved.version, editedAtMs: codeRef.current === code ? 0 : meta.current.editedAtMs });
      setSyncedAt(Date.now());
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'CONFLICT' || !retryOnConflict) return;
      // Another device saved meanwhile; this edit is the newest, so it wins, and the note says so.
      const stored = (error.details as { draft?: Draft | null } | null)?.draft ?? null;
      storeMeta({ ...meta.current, version: stored?.version ?? 0 });
      if (stored && stored.code !== code) setNote({ text: `This draft was also changed on another device (${timeOf(stored.updatedAt)}); your newer code here was kept.`, kept: null });
      await push(false);
    }
  }, [key, problemId, language, storeMeta]);

  // Opening a problem and language: reconcile with the server's copy once.
  useEffect(() => {
    ready.current = false;
    setNote(null);
    activeKey.current = key;
    if (!key || userId === null) return;
    let cancelled = false;
    meta.current = readMeta(key) ?? { version: 0, editedAtMs: hadLocalDraft ? 1 : 0 };
    void (async () => {
      let server: Draft | null;
      try {
        server = await fetchDraft(problemId, language);
      } catch {
        return; // Offline or refused: the local draft goes on; the next open tries again.
      }
      if (cancelled) return;
      ready.current = true;
      const local = codeRef.current;
      const editedHere = meta.current.editedAtMs > 0 && local !== starterCode;
      if (!server) {
        if (editedHere) await push();
        return;
      }
      if (server.code === local) {
        storeMeta({ version: server.version, editedAtMs: 0 });
        return;
      }
      if (editedHere && meta.current.version === server.version) {
        await push(); // Edited here on top of the server's copy: a plain save.
        return;
      }
      if (!editedHere || new Date(server.updatedAt).getTime() > meta.current.editedAtMs) {
        const kept = editedHere ? local : null;
        if (kept !== null) writeStorage(backupKey(userId, problemId, language), kept);
        replaceCode(server.code);
        storeMeta({ version: server.version, editedAtMs: 0 });
        setNote({ text: `Restored from another device: your draft saved at ${timeOf(server.updatedAt)}.`, kept });
        return;
      }
      storeMeta({ ...meta.current, version: server.version });
      setNote({ text: `Your code on this device is newer than the draft saved on another device at ${timeOf(server.updatedAt)}; it was kept.`, kept: null });
      await push();
    })();
    return () => {
      cancelled = true;
    };
  // Once per problem, language and user (key names all three).
  }, [key]);

  /** Call on every edit: remembers when, and saves to the server after a pause. */
  const edited = useCallback(() => {
    if (!key) return;
    storeMeta({ ...meta.current, editedAtMs: Date.now() });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void push(), SYNC_DEBOUNCE_MS);
  }, [key, push, storeMeta]);

  /** Page hide or leaving the problem: send what is pending now. */
  const flush = useCallback(() => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = null;
    void push();
  }, [push]);

  useEffect(() => () => flush(), [flush]);

  const restoreKept = useCallback(() => {
    if (!note?.kept) return;
    replaceCode(note.kept);
    setNote(null);
    edited();
  }, [note, replaceCode, edited]);

  return { note, dismissNote: () => setNote(null), restoreKept, edited, flush, syncedAt };
}

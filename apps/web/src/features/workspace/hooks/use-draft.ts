import { useCallback, useEffect, useRef, useState } from 'react';
import type { LanguageId } from '@logicode/contracts';
import { readStorage, removeStorage, writeStorage } from '../../../lib/storage.js';
import { useDraftSync } from './use-draft-sync.js';

// A scope keeps an assessment's drafts apart from the same problem's practice drafts.
const draftKey = (problemId: number, language: string, scope = '') => `lc:draft:${scope ? `${scope}:` : ''}${problemId}:${language}`;
const languageKey = (problemId: number) => `lc:lang:${problemId}`;

export function savedLanguage(problemId: number): string | null {
  return readStorage(languageKey(problemId));
}

/**
 * The code in the editor, per problem and language: a saved draft wins over the starter code, and every
 * change is written back after a short pause (and at once when the language changes or the page hides).
 */
export function useDraft(options: { problemId: number; language: LanguageId; starterCode: string; scope?: string; userId?: number | null }) {
  const { problemId, language, starterCode, scope = '', userId = null } = options;
  const [code, setCodeState] = useState(() => readStorage(draftKey(problemId, language, scope)) ?? starterCode);
  const [hadLocalDraft, setHadLocalDraft] = useState(() => readStorage(draftKey(problemId, language, scope)) !== null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const pending = useRef<{ key: string; code: string } | null>(null);

  const flush = useCallback(() => {
    if (!pending.current) return;
    if (writeStorage(pending.current.key, pending.current.code)) setSavedAt(Date.now());
    pending.current = null;
  }, []);

  // Language or problem changed: save what was pending under the old key, then load the new draft.
  useEffect(() => {
    flush();
    const saved = readStorage(draftKey(problemId, language, scope));
    setCodeState(saved ?? starterCode);
    setHadLocalDraft(saved !== null);
    writeStorage(languageKey(problemId), language);
  }, [problemId, language, starterCode, scope, flush]);

  useEffect(() => {
    const timer = setInterval(flush, 700);
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
      flush();
    };
  }, [flush]);

  /** Puts code in the editor and the local draft without counting it as an edit here (the server's copy won). */
  const replaceCode = useCallback(
    (next: string) => {
      setCodeState(next);
      pending.current = { key: draftKey(problemId, language, scope), code: next };
    },
    [problemId, language, scope],
  );

  // Practice drafts follow the student to other devices; an assessment's stay on this one (its own scope).
  const sync = useDraftSync({
    problemId, language, userId: scope === '' ? userId : null, starterCode, hadLocalDraft, code, replaceCode,
  });
  const { edited, flush: flushSync } = sync;

  const setCode = useCallback(
    (next: string) => {
      replaceCode(next);
      edited();
    },
    [replaceCode, edited],
  );

  useEffect(() => {
    window.addEventListener('pagehide', flushSync);
    return () => window.removeEventListener('pagehide', flushSync);
  }, [flushSync]);

  const reset = useCallback(() => {
    removeStorage(draftKey(problemId, language, scope));
    pending.current = null;
    setCodeState(starterCode);
    // The other devices get the starter code too, not the old draft back.
    edited();
  }, [problemId, language, starterCode, scope, edited]);

  return { code, setCode, reset, savedAt, syncedAt: sync.syncedAt, note: sync.note, dismissNote: sync.dismissNote, restoreKept: sync.restoreKept };
}

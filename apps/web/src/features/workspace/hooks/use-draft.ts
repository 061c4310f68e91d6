import { useCallback, useEffect, useRef, useState } from 'react';
import type { LanguageId } from '@logicode/contracts';
import { readStorage, removeStorage, writeStorage } from '../../../lib/storage.js';

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
export function useDraft(options: { problemId: number; language: LanguageId; starterCode: string; scope?: string }) {
  const { problemId, language, starterCode, scope = '' } = options;
  const [code, setCodeState] = useState(() => readStorage(draftKey(problemId, language, scope)) ?? starterCode);
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
    setCodeState(readStorage(draftKey(problemId, language, scope)) ?? starterCode);
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

  const setCode = useCallback(
    (next: string) => {
      setCodeState(next);
      pending.current = { key: draftKey(problemId, language, scope), code: next };
    },
    [problemId, language, scope],
  );

  const reset = useCallback(() => {
    removeStorage(draftKey(problemId, language, scope));
    pending.current = null;
    setCodeState(starterCode);
  }, [problemId, language, starterCode, scope]);

  return { code, setCode, reset, savedAt };
}

import { useCallback, useState } from 'react';
import { readStorage, writeStorage } from '../../../lib/storage.js';

const SPLIT_KEY = 'lc:workspace-split';
export const SPLIT_MIN = 25;
export const SPLIT_MAX = 75;
const SPLIT_DEFAULT = 42;

const clamp = (value: number) => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(value)));

/** The statement pane's share of the width, in percent, remembered on this device. */
export function useSplit() {
  const [percent, setPercentState] = useState(() => {
    const saved = Number(readStorage(SPLIT_KEY));
    return Number.isFinite(saved) && saved > 0 ? clamp(saved) : SPLIT_DEFAULT;
  });
  const setPercent = useCallback((value: number) => {
    const next = clamp(value);
    setPercentState(next);
    writeStorage(SPLIT_KEY, String(next));
  }, []);
  return { percent, setPercent };
}

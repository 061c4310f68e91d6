import { useSyncExternalStore } from 'react';

/**
 * One clock for every relative time and countdown on the page: a single interval per period, shared by all the
 * components that ask for it (a table of 50 "3 min ago" cells costs one timer, not 50), stopped when nobody listens.
 */
interface Ticker { now: number; listeners: Set<() => void>; timer: ReturnType<typeof setInterval> | null }
const tickers = new Map<number, Ticker>();

function tickerOf(everyMs: number): Ticker {
  let ticker = tickers.get(everyMs);
  if (!ticker) tickers.set(everyMs, (ticker = { now: Date.now(), listeners: new Set(), timer: null }));
  return ticker;
}

function subscribe(everyMs: number, listener: () => void): () => void {
  const ticker = tickerOf(everyMs);
  ticker.listeners.add(listener);
  if (ticker.timer === null) {
    ticker.now = Date.now();
    ticker.timer = setInterval(() => {
      ticker.now = Date.now();
      ticker.listeners.forEach((l) => l());
    }, everyMs);
  }
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0 && ticker.timer !== null) {
      clearInterval(ticker.timer);
      ticker.timer = null;
    }
  };
}

/** The current time (ms), re-rendering every `everyMs`: countdowns move and "2 min ago" becomes "3 min ago". */
export function useNow(everyMs = 1000): number {
  return useSyncExternalStore(
    (listener) => subscribe(everyMs, listener),
    () => {
      const ticker = tickerOf(everyMs);
      // Before the first subscriber (or after the last left) nothing ticks: catch up, but only by whole periods,
      // so React sees the same value on repeated reads.
      if (ticker.timer === null && Date.now() - ticker.now >= everyMs) ticker.now = Date.now();
      return ticker.now;
    },
  );
}

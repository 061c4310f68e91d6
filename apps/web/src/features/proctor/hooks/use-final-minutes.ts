import { useEffect, useState } from 'react';

/** The warning comes this long before a timed problem's end (issue 19). */
export const FINAL_WARNING_MS = 5 * 60 * 1000;

/**
 * True from five minutes before the server's deadline (corrected by the clock offset, like the countdown) until
 * it passes; checked every second. null deadline = untimed.
 */
export function useFinalMinutes(deadlineAt: string | null, clockOffsetMs: number): boolean {
  const left = () => (deadlineAt === null ? Infinity : new Date(deadlineAt).getTime() - (Date.now() + clockOffsetMs));
  const [inFinal, setInFinal] = useState(() => left() <= FINAL_WARNING_MS && left() > 0);
  useEffect(() => {
    if (deadlineAt === null) {
      setInFinal(false);
      return;
    }
    const check = () => {
      const ms = new Date(deadlineAt).getTime() - (Date.now() + clockOffsetMs);
      setInFinal(ms <= FINAL_WARNING_MS && ms > 0);
    };
    check();
    const timer = setInterval(check, 1000);
    return () => clearInterval(timer);
  }, [deadlineAt, clockOffsetMs]);
  return inFinal;
}

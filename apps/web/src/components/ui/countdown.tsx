import { useEffect, useRef, useState } from 'react';
import { formatDuration } from '../../lib/format.js';

/** Counts down to the server's deadline (corrected by the measured clock offset); calls onZero once. */
function secondsLeft(deadlineAt: string | number, clockOffsetMs: number): number {
  return Math.max(0, (new Date(deadlineAt).getTime() - (Date.now() + clockOffsetMs)) / 1000);
}

/**
 * Shared by proctored problems (an ISO deadline) and assessments (epoch ms): both come from the server, and
 * clockOffsetMs (server now − client now, measured from the same answer) keeps a wrong laptop clock out of it.
 */
export function Countdown({ deadlineAt, clockOffsetMs, onZero }: { deadlineAt: string | number; clockOffsetMs: number; onZero: () => void }) {
  const [seconds, setSeconds] = useState(() => secondsLeft(deadlineAt, clockOffsetMs));
  const fired = useRef(false);
  useEffect(() => {
    const timer = setInterval(() => {
      const left = secondsLeft(deadlineAt, clockOffsetMs);
      setSeconds(left);
      if (left <= 0 && !fired.current) {
        fired.current = true;
        onZero();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [deadlineAt, clockOffsetMs, onZero]);
  const low = seconds <= 60;
  return (
    <span className={`countdown ${low ? 'countdown-low' : ''}`} role="timer" aria-live={low ? 'polite' : 'off'} data-testid="countdown">
      {formatDuration(Math.ceil(seconds))}
      {low && seconds > 0 ? <span className="sr-only"> left</span> : null}
    </span>
  );
}

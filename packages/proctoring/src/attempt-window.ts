import {
  PROCTOR_CLOCK_TOLERANCE_MS, PROCTOR_LATE_GRACE_MS, PROCTOR_MAX_CLOCK_SKEW_MS,
} from '@logicode/contracts';

/** What the clock rule needs of an attempt (a problem session), in epoch ms. */
export interface AttemptWindow {
  startedAtMs: number;
  /**
   * When the attempt stopped taking evidence: its end (ended_at), or its deadline once that passed even before the
   * sweep wrote the end; null while it runs.
   */
  endAtMs: number | null;
}

export interface EventClock {
  /** The server's receipt time of the batch: the authoritative clock. */
  receivedAtMs: number;
  /** receivedAt - the batch's sentAtMs when the client sent one (its clock's offset from the server's), else 0. */
  clockSkewMs: number;
  toleranceMs?: number;
  graceMs?: number;
}

/**
 * `boundedTsMs`: the event's time on the server's clock (client time + skew) held inside [startedAt, receipt]: what
 * is stored as its clientTsMs and what playback orders by (receipt time breaking ties).
 */
export type EventTimeVerdict = { ok: true; late: boolean; boundedTsMs: number } | { ok: false; reason: string };

/**
 * The clock rule for one event of an attempt (docs/proctoring.md): its client time, moved onto the server's clock
 * by the batch's measured skew, must lie in [startedAt - tolerance, (end, or receipt while running) + tolerance].
 * After the end only an offline queue's flush is taken: received within the grace, and recorded before the end;
 * it is marked late. Everything else is refused with its reason, so nothing can be stamped into the past (a
 * backdated snapshot) or the future, nor added to an attempt long over.
 */
export function judgeEventTime(clientTsMs: number, window: AttemptWindow, clock: EventClock): EventTimeVerdict {
  const tolerance = clock.toleranceMs ?? PROCTOR_CLOCK_TOLERANCE_MS;
  const grace = clock.graceMs ?? PROCTOR_LATE_GRACE_MS;
  // A skew beyond a day is not a clock, it is a lie: no correction then (the raw time must fit on its own).
  const skew = Math.abs(clock.clockSkewMs) <= PROCTOR_MAX_CLOCK_SKEW_MS ? clock.clockSkewMs : 0;
  const serverTsMs = clientTsMs + skew;
  if (serverTsMs < window.startedAtMs - tolerance) {
    return { ok: false, reason: 'clientTsMs is before the attempt started.' };
  }
  if (serverTsMs > clock.receivedAtMs + tolerance) {
    return { ok: false, reason: 'clientTsMs is in the future of the server clock.' };
  }
  const boundedTsMs = Math.min(Math.max(serverTsMs, window.startedAtMs), clock.receivedAtMs);
  if (window.endAtMs === null) return { ok: true, late: false, boundedTsMs };
  if (serverTsMs > window.endAtMs + tolerance) {
    return { ok: false, reason: 'attemptId: the attempt had ended when this was recorded.' };
  }
  if (clock.receivedAtMs > window.endAtMs + grace) {
    return { ok: false, reason: `attemptId: the attempt ended more than ${Math.round(grace / 1000)} s ago.` };
  }
  return { ok: true, late: clock.receivedAtMs > window.endAtMs, boundedTsMs };
}

/** The batch's measured skew: receipt - sentAt (0 without sentAt). */
export function skewOf(receivedAtMs: number, sentAtMs: number | undefined | null): number {
  return typeof sentAtMs === 'number' && Number.isFinite(sentAtMs) ? receivedAtMs - sentAtMs : 0;
}

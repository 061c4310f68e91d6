import type { SessionResponse } from '@logicode/contracts';
import { announceSessionChange, announceSessionEnded, announceTokenRefreshed, announceUserChanged } from './session-events.js';
import { readStorage, removeStorage, writeStorage } from './storage.js';

/**
 * Keeps the session alive: one refresh at a time (in this tab and across the browser's tabs), ahead of the access
 * token's expiry and whenever a request finds it expired. The refresh token rotates and the server revokes the
 * whole family when a rotated one is presented again, so two tabs must never send the same one: a Web Lock
 * serialises them, and a tab that waited finds the other's result in localStorage instead of refreshing again.
 */

/** `{ expiresAtMs }` while we believe a session exists (shared by the tabs, as the cookies are). */
const HINT_KEY = 'lc:session';
const LOCK_NAME = 'lc-session-refresh';
const LEASE_KEY = 'lc:session-refresh-lease';
const REFRESH_TIMEOUT_MS = 15_000;
const RETRY_OFFLINE_MS = 5000;

export type RefreshOutcome = 'refreshed' | 'refused' | 'offline';

interface Hint {
  expiresAtMs: number | null;
}

let inFlight: Promise<RefreshOutcome> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
/** A user was signed in on this page: losing the session now is news worth a dialog (not on a cold start). */
let confirmedHere = false;

function readHint(): Hint | null {
  try {
    const parsed = JSON.parse(readStorage(HINT_KEY) ?? 'null') as Hint | null;
    return parsed && typeof parsed === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

/** True when this browser holds a session we know of (a 401 UNAUTHENTICATED then means "refresh", not "anonymous"). */
export function thinksSignedIn(): boolean {
  return readHint() !== null;
}

/** Refresh this long before expiry: a fifth of what is left, between 3 s and a minute. */
function leadMs(leftMs: number): number {
  return Math.min(60_000, Math.max(3000, leftMs / 5));
}

function schedule(expiresAtMs: number | null): void {
  clearTimeout(timer);
  if (expiresAtMs === null) return;
  const leftMs = expiresAtMs - Date.now();
  timer = setTimeout(() => void refreshAhead(expiresAtMs), Math.max(0, leftMs - leadMs(leftMs)));
}

/**
 * The timer knows which expiry it was set for. Two tabs' timers come due together; if the other tab's refresh landed
 * between this timer firing and this tab hearing of it (the storage event), the stored expiry has already moved, and
 * reading it now would make that new expiry look like the one to replace: a second refresh. Asking with the expiry
 * the timer was set for lets the lock's check see that another tab refreshed meanwhile.
 */
async function refreshAhead(dueForExpiresAtMs: number): Promise<void> {
  const outcome = await refreshSession(dueForExpiresAtMs);
  // Offline: try again soon (and at once when the browser says it is back); a later request would also cure it.
  if (outcome === 'offline') timer = setTimeout(() => void refreshAhead(dueForExpiresAtMs), RETRY_OFFLINE_MS);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    const hint = readHint();
    if (hint?.expiresAtMs && hint.expiresAtMs - Date.now() < leadMs(0)) void refreshSession();
  });
  // Another tab refreshed, signed in or lost the session: follow it (the cookies are shared, so it is ours too).
  window.addEventListener('storage', (event) => {
    if (event.key !== HINT_KEY) return;
    schedule(readHint()?.expiresAtMs ?? null);
    if (event.newValue === null && confirmedHere) {
      confirmedHere = false;
      announceSessionEnded('signed_out');
    } else if (event.oldValue === null && event.newValue !== null) {
      announceSessionChange();
      announceUserChanged();
    }
  });
}

/** After sign-in, sign-up, a refresh or /me: remember that a session exists and when its access token expires. */
export function rememberSession(accessTokenExpiresAt: string | null): void {
  const parsed = accessTokenExpiresAt ? Date.parse(accessTokenExpiresAt) : NaN;
  const expiresAtMs = Number.isFinite(parsed) ? parsed : (readHint()?.expiresAtMs ?? null);
  confirmedHere = true;
  writeStorage(HINT_KEY, JSON.stringify({ expiresAtMs } satisfies Hint));
  schedule(expiresAtMs);
}

/** Signed out (or refused): no refresh timer, and a 401 is an answer again. */
export function forgetSession(): void {
  clearTimeout(timer);
  removeStorage(HINT_KEY);
}

/** Picks up the timer of a session another visit left (a reopened tab knows the expiry without asking). */
export function resumeSessionTimer(): void {
  schedule(readHint()?.expiresAtMs ?? null);
}

async function postRefresh(): Promise<RefreshOutcome> {
  let res: Response;
  try {
    res = await fetch('/api/auth/refresh', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: '{}',
      signal: AbortSignal.timeout(REFRESH_TIMEOUT_MS),
    });
  } catch {
    return 'offline';
  }
  if (res.ok) {
    const session = (await res.json().catch(() => null)) as SessionResponse | null;
    rememberSession(session?.accessTokenExpiresAt ?? null);
    if (session?.accessToken) announceTokenRefreshed(session.accessToken);
    return 'refreshed';
  }
  // 401/403: the refresh token is gone, expired or revoked. Anything else (429, 5xx) is a bad moment, not an end.
  if (res.status !== 401 && res.status !== 403) return 'offline';
  const wasSignedIn = thinksSignedIn() && confirmedHere;
  forgetSession();
  if (wasSignedIn) announceSessionEnded('refresh_refused');
  return 'refused';
}

/** Under the lock: another tab may have refreshed while we waited; its cookies are ours too, nothing to send. */
function refreshedMeanwhile(knownExpiresAtMs: number | null): boolean {
  const now = readHint();
  if (!now?.expiresAtMs || now.expiresAtMs === knownExpiresAtMs || now.expiresAtMs - Date.now() <= leadMs(0)) return false;
  schedule(now.expiresAtMs);
  return true;
}

/**
 * Without Web Locks (a page served over plain http from a LAN address is not a secure context): a lease in
 * localStorage. Not atomic like a lock, but two tabs would have to read it within the same few milliseconds.
 */
async function withLease(run: () => Promise<RefreshOutcome>): Promise<RefreshOutcome> {
  const deadline = Date.now() + REFRESH_TIMEOUT_MS;
  while (Number(readStorage(LEASE_KEY) ?? 0) > Date.now() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  writeStorage(LEASE_KEY, String(Date.now() + REFRESH_TIMEOUT_MS));
  try {
    return await run();
  } finally {
    removeStorage(LEASE_KEY);
  }
}

async function refreshOnce(knownExpiresAtMs: number | null): Promise<RefreshOutcome> {
  const run = async () => (refreshedMeanwhile(knownExpiresAtMs) ? 'refreshed' : postRefresh());
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK_NAME, run) : withLease(run);
}

/** One refresh at a time, however many requests (or the timer, or the socket) asked for it together. */
export function refreshSession(knownExpiresAtMs: number | null = readHint()?.expiresAtMs ?? null): Promise<RefreshOutcome> {
  if (!inFlight) {
    inFlight = refreshOnce(knownExpiresAtMs).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

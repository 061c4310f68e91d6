import { PROCTOR_BATCH_MAX_EVENTS, type ProctorEventInput } from '@logicode/contracts';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { readStorage, removeStorage, writeStorage } from '../../../lib/storage.js';
import { beacon, postEvents, proctorRoutes } from '../api/proctor-api.js';

const KEY_PREFIX = 'lc:proctor-queue:';
/** Before queues were kept per user and attempt: adopted by the first user who signs in here (the server checks). */
const LEGACY_KEY = 'lc:proctor-queue';
const MAX_QUEUED = 5000;
const MAX_BACKOFF_MS = 15_000;

const storageKey = (userId: number, attemptId: number) => `${KEY_PREFIX}${userId}:${attemptId}`;

function storedKeysOf(userId: number): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(`${KEY_PREFIX}${userId}:`)) keys.push(key);
    }
  } catch {
    // No storage (private mode): the queue lives in memory only.
  }
  return keys;
}

function parse(raw: string | null): ProctorEventInput[] {
  try {
    const parsed = JSON.parse(raw ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as ProctorEventInput[]) : [];
  } catch {
    return [];
  }
}

/**
 * Proctoring events of one user wait here until the server has answered for each of them. The queue lives in
 * localStorage, one entry per user and attempt, so events recorded offline, when the tab closed mid-flush, or when
 * the session ended, are sent on the next visit by the same user (and never under another user's session). Every
 * event carries a client-made UUID and the server stores each id once, so sending one twice is harmless.
 *
 * An event leaves the queue only when a 202 answered for it: accepted (or a duplicate), or refused with a reason
 * (it would be refused again). A failed POST (offline, 401, 429, 5xx, any other error) removes nothing.
 */
export class EventQueue {
  private events: ProctorEventInput[];
  private inFlight = false;
  private again = false;
  private failures = 0;
  private nextTryAt = 0;
  private batchSize = PROCTOR_BATCH_MAX_EVENTS;
  private readonly userId: number;
  private savedKeys = new Set<string>();
  onChange: ((pending: number, lastError: string | null) => void) | null = null;
  lastError: string | null = null;

  constructor(userId: number) {
    this.userId = userId;
    this.events = this.load();
  }

  private load(): ProctorEventInput[] {
    const keys = storedKeysOf(this.userId);
    keys.forEach((k) => this.savedKeys.add(k));
    const events = keys.flatMap((k) => parse(readStorage(k)));
    const legacy = parse(readStorage(LEGACY_KEY));
    if (legacy.length > 0) removeStorage(LEGACY_KEY);
    const seen = new Set<string>();
    return [...legacy, ...events]
      .filter((e) => e && typeof e.id === 'string' && !seen.has(e.id) && seen.add(e.id))
      .sort((a, b) => a.clientTsMs - b.clientTsMs);
  }

  private save(): void {
    // Oldest first out when the queue is absurdly long (days offline): the newest matter most.
    if (this.events.length > MAX_QUEUED) this.events = this.events.slice(-MAX_QUEUED);
    const byAttempt = new Map<string, ProctorEventInput[]>();
    for (const e of this.events) {
      const key = storageKey(this.userId, e.attemptId);
      byAttempt.set(key, [...(byAttempt.get(key) ?? []), e]);
    }
    for (const key of this.savedKeys) if (!byAttempt.has(key)) removeStorage(key);
    for (const [key, events] of byAttempt) writeStorage(key, JSON.stringify(events));
    this.savedKeys = new Set(byAttempt.keys());
    this.onChange?.(this.events.length, this.lastError);
  }

  get pending(): number {
    return this.events.length;
  }

  push(event: ProctorEventInput): void {
    this.events.push(event);
    this.save();
  }

  /** The connection is back: the next flush goes now, not after the back-off the outage built up. */
  retryNow(): void {
    this.nextTryAt = 0;
  }

  /** Sends up to one batch; on failure waits longer each time (2 s, 4 s … 15 s). */
  async flush(): Promise<void> {
    if (this.inFlight) {
      // Events arrived while a batch was on its way: send them right after it, not at the next tick.
      this.again = true;
      return;
    }
    if (this.events.length === 0 || Date.now() < this.nextTryAt) return;
    this.inFlight = true;
    const batch = this.events.slice(0, this.batchSize);
    try {
      const res = await postEvents(batch);
      for (const r of res.rejected) {
        console.warn(`proctoring event ${r.id ?? `#${r.index}`} refused by the server: ${r.reason}`);
      }
      // 202: the server answered for every event of the batch (stored, a duplicate, or refused for good).
      this.drop(batch);
      this.failures = 0;
      this.batchSize = PROCTOR_BATCH_MAX_EVENTS;
      this.lastError = null;
    } catch (error) {
      // Too large for the server's body limit (many full snapshots): smaller batches, down to one event.
      if (error instanceof ApiError && error.status === 413) this.batchSize = Math.max(1, Math.floor(this.batchSize / 2));
      this.failures += 1;
      this.nextTryAt = Date.now() + Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures);
      this.lastError = error instanceof ApiError ? error.message : errorMessage(error);
    } finally {
      this.inFlight = false;
      this.save();
    }
    if (this.again) {
      this.again = false;
      await this.flush();
    }
  }

  private drop(batch: ProctorEventInput[]): void {
    const sent = new Set(batch.map((e) => e.id));
    this.events = this.events.filter((e) => !sent.has(e.id));
  }

  /** Page hide: hand everything to the browser as a beacon. Events stay queued until a later flush confirms them. */
  beaconAll(): void {
    for (let i = 0; i < this.events.length; i += PROCTOR_BATCH_MAX_EVENTS) {
      beacon(proctorRoutes.events, { events: this.events.slice(i, i + PROCTOR_BATCH_MAX_EVENTS), sentAtMs: Date.now() });
    }
  }
}

const queues = new Map<number, EventQueue>();

/** One queue per user per tab, created on first use, so events left from an earlier visit go out first. */
export function eventQueueFor(userId: number): EventQueue {
  let q = queues.get(userId);
  if (!q) {
    q = new EventQueue(userId);
    queues.set(userId, q);
  }
  return q;
}

import { PROCTOR_BATCH_MAX_EVENTS, type ProctorEventInput } from '@logicode/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { readStorage, writeStorage } from '../../../lib/storage.js';
import { beacon, postEvents, proctorRoutes } from '../api/proctor-api.js';

const STORAGE_KEY = 'lc:proctor-queue';
const MAX_QUEUED = 5000;

/**
 * Proctoring events wait here until the server accepts them. The queue lives in localStorage, so events
 * recorded offline, or when the tab closed mid-flush, are sent on the next visit. Every event carries a
 * client-made UUID and the server stores each id once, so sending one twice is harmless.
 */
export class EventQueue {
  private events: ProctorEventInput[];
  private inFlight = false;
  private again = false;
  private failures = 0;
  private nextTryAt = 0;
  onChange: ((pending: number, lastError: string | null) => void) | null = null;
  lastError: string | null = null;

  constructor() {
    this.events = this.load();
  }

  private load(): ProctorEventInput[] {
    try {
      const parsed = JSON.parse(readStorage(STORAGE_KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as ProctorEventInput[]) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    // Oldest first out when the queue is absurdly long (days offline): the newest matter most.
    if (this.events.length > MAX_QUEUED) this.events = this.events.slice(-MAX_QUEUED);
    writeStorage(STORAGE_KEY, JSON.stringify(this.events));
    this.onChange?.(this.events.length, this.lastError);
  }

  get pending(): number {
    return this.events.length;
  }

  push(event: ProctorEventInput): void {
    this.events.push(event);
    this.save();
  }

  /** Sends up to one batch; on failure waits longer each time (2 s, 4 s … 30 s). */
  async flush(): Promise<void> {
    if (this.inFlight) {
      // Events arrived while a batch was on its way: send them right after it, not at the next tick.
      this.again = true;
      return;
    }
    if (this.events.length === 0 || Date.now() < this.nextTryAt) return;
    this.inFlight = true;
    const batch = this.events.slice(0, PROCTOR_BATCH_MAX_EVENTS);
    try {
      await postEvents(batch);
      // Accepted or refused with a reason, every event of the batch is settled: a refused one would be refused again.
      this.drop(batch);
      this.failures = 0;
      this.lastError = null;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429) {
        // The server will never take this batch (e.g. the attempt has ended): drop it rather than retry forever.
        this.drop(batch);
        this.lastError = null;
      } else {
        this.failures += 1;
        this.nextTryAt = Date.now() + Math.min(30_000, 1000 * 2 ** this.failures);
        this.lastError = error instanceof ApiError ? error.message : 'Could not send the activity log.';
      }
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
      beacon(proctorRoutes.events, { events: this.events.slice(i, i + PROCTOR_BATCH_MAX_EVENTS) });
    }
  }
}

// What a page's proctoring client sent and heard, read off the wire (requests and responses), so a test can hold
// the server's stored events against every event the client ever tried to send.
import type { Page } from 'playwright-core';

export interface ProctorTraffic {
  /** Every event id the client put in a POST /api/proctor/events (or a beacon), however often. */
  sentIds: Set<string>;
  /** The proctoring attempts (problem sessions) those events belong to. */
  attemptIds: Set<number>;
  /** Events a 202 answered as refused, with the server's reason. */
  rejected: { id: string | null; reason: string }[];
  /** Heartbeat answers that said the attempt had ended (with the reason). */
  endedHeartbeats: string[];
  /** Answers to the events POST by status (401 before a refresh, 202 after...). */
  eventPostStatuses: Map<number, number>;
}

export function proctorTraffic(): ProctorTraffic {
  return { sentIds: new Set(), attemptIds: new Set(), rejected: [], endedHeartbeats: [], eventPostStatuses: new Map() };
}

const EVENTS_PATH = /\/api\/proctor\/events$/;
const HEARTBEAT_PATH = /\/api\/proctor\/attempts\/\d+\/heartbeat$/;

/** Records one page's proctoring traffic into `into` (call it for every page of the context, reopened ones too). */
export function recordProctorTraffic(page: Page, into: ProctorTraffic): void {
  page.on('request', (req) => {
    if (req.method() !== 'POST' || !EVENTS_PATH.test(new URL(req.url()).pathname)) return;
    try {
      const body = JSON.parse(req.postData() ?? '{}') as { events?: { id: string; attemptId: number }[] };
      for (const e of body.events ?? []) {
        into.sentIds.add(e.id);
        into.attemptIds.add(e.attemptId);
      }
    } catch {
      // Not JSON: nothing the client made.
    }
  });
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (EVENTS_PATH.test(path) && res.request().method() === 'POST') {
      into.eventPostStatuses.set(res.status(), (into.eventPostStatuses.get(res.status()) ?? 0) + 1);
      if (res.status() === 202) {
        void res.json().then((b: { rejected?: { id: string | null; reason: string }[] }) => into.rejected.push(...(b.rejected ?? [])), () => undefined);
      }
    } else if (HEARTBEAT_PATH.test(path) && res.ok()) {
      void res.json().then((b: { status?: string; endReason?: string | null }) => {
        if (b.status === 'ended') into.endedHeartbeats.push(b.endReason ?? 'unknown');
      }, () => undefined);
    }
  });
}

/** The ids of the events waiting in the page's localStorage queues (lc:proctor-queue:<user>:<attempt>). */
export async function queuedEventIds(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const ids = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith('lc:proctor-queue')) ids.push(...JSON.parse(localStorage.getItem(key) || '[]').map((e) => e.id));
    }
    return ids;
  })()`);
}

export async function queuedEvents(page: Page): Promise<number> {
  return (await queuedEventIds(page)).length;
}

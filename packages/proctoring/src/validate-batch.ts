import {
  PROCTOR_BATCH_MAX_EVENTS, proctorEventSchema, type ProctorEventInput, type ProctorRejection,
} from '@logicode/contracts';

/**
 * The shape and dedupe checks only. The clock rule depends on the event's attempt (its window, its end), so it is
 * judged once the attempt is known: judgeEventTime (attempt-window.ts), which replaced the old ±24 h trust.
 */
export interface ValidateBatchOptions {
  /** Kept for callers; unused since the clock rule moved to judgeEventTime. */
  nowMs?: number;
}

export interface ValidatedBatch {
  /** Valid events, first occurrence of each id, in batch order. */
  events: ProctorEventInput[];
  /** The batch position of each kept event (parallel to `events`). */
  indexes: number[];
  rejected: ProctorRejection[];
  /** Repeats of an id already seen in this batch. */
  duplicates: number;
}

/**
 * Checks every event on its own: a bad one is refused with its reason and the good ones are kept
 * (the issue's "invalid events are refused with the reason; the valid ones in the same batch are kept").
 */
export function validateBatch(items: readonly unknown[], _options: ValidateBatchOptions = {}): ValidatedBatch {
  const events: ProctorEventInput[] = [];
  const indexes: number[] = [];
  const rejected: ProctorRejection[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  items.forEach((item, index) => {
    if (index >= PROCTOR_BATCH_MAX_EVENTS) {
      rejected.push({ index, id: readId(item), reason: `A batch holds at most ${PROCTOR_BATCH_MAX_EVENTS} events.` });
      return;
    }
    const parsed = proctorEventSchema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ index, id: readId(item), reason: describeIssues(parsed.error.issues) });
      return;
    }
    const event = parsed.data;
    const id = event.id.toLowerCase();
    if (seen.has(id)) {
      duplicates += 1;
      return;
    }
    seen.add(id);
    events.push({ ...event, id } as ProctorEventInput);
    indexes.push(index);
  });
  return { events, indexes, rejected, duplicates };
}

/** Drops events whose id is in `known` (already stored), e.g. a batch retried after a lost response. */
export function withoutKnown<T extends { id: string }>(events: readonly T[], known: ReadonlySet<string>): T[] {
  return events.filter((event) => !known.has(event.id));
}

function readId(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

function describeIssues(issues: readonly IssueLike[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

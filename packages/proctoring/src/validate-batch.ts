import {
  PROCTOR_BATCH_MAX_EVENTS, PROCTOR_MAX_CLOCK_SKEW_MS, proctorEventSchema,
  type ProctorEventInput, type ProctorRejection,
} from '@logicode/contracts';

export interface ValidateBatchOptions {
  /** The server's clock, epoch ms; events too far from it are refused. */
  nowMs: number;
  maxClockSkewMs?: number;
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
export function validateBatch(items: readonly unknown[], options: ValidateBatchOptions): ValidatedBatch {
  const maxSkewMs = options.maxClockSkewMs ?? PROCTOR_MAX_CLOCK_SKEW_MS;
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
    if (Math.abs(event.clientTsMs - options.nowMs) > maxSkewMs) {
      rejected.push({ index, id: event.id, reason: 'clientTsMs is too far from the server clock.' });
      return;
    }
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

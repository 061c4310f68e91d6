import type { EventStream } from '@logicode/platform';
import type { CoreDeps } from '../context.js';
import { createAttemptWindows } from './attempt-windows.js';
import { createAttemptsService } from './attempts-service.js';
import { createDeadlineService, type AutoSubmitter } from './deadline-service.js';
import { createEventWriter, type IngestMessage } from './event-writer.js';
import { createIngestService, DEFAULT_INGEST_LIMITS } from './ingest-service.js';
import { createPersistPublisher } from './publish.js';
import { createSettingsStore } from './settings-store.js';
import { createTeacherService } from './teacher-service.js';

export type { IngestMessage, PersistResult, EventWriter } from './event-writer.js';
export type { AutoSubmitter, AutoSubmitRequest } from './deadline-service.js';
export { DEFAULT_RETENTION, runRetention, type RetentionAges, type RetentionReport } from './retention.js';
export { DEFAULT_INGEST_LIMITS } from './ingest-service.js';
export { ATTEMPT_CHANNEL, publishAttemptChange } from './attempt-windows.js';

/** The platform stream name for proctor events (Redis key <prefix>stream:proctor-events). */
export const PROCTOR_EVENTS_STREAM = 'proctor-events';

export interface ProctoringOptions {
  /** Scaled mode: the Redis stream the api appends to and the worker consumes. null = embedded (write directly). */
  stream?: EventStream<IngestMessage> | null;
  /** The submissions service's create, for auto-submit at a deadline. Without it, a queued row is stored. */
  autoSubmitter?: AutoSubmitter | null;
  limits?: { requestsPerWindow: number; windowMs: number };
  /** How long the event ingest trusts an attempt's window it read (attempt-windows.ts); tests lengthen it. */
  attemptMemoryMs?: number;
}

/** Proctoring's domain services for one process. */
export function createProctoring(deps: CoreDeps, options: ProctoringOptions = {}) {
  const settings = createSettingsStore(deps);
  const windows = createAttemptWindows(deps, options.attemptMemoryMs);
  const attempts = createAttemptsService(deps, settings, windows);
  const writer = createEventWriter(deps, settings);
  const publish = createPersistPublisher(deps, windows);
  const ingest = createIngestService(deps, { attempts, writer, windows, onPersisted: publish }, {
    stream: options.stream ?? null,
    ...(options.limits ?? DEFAULT_INGEST_LIMITS),
  });
  return {
    settings,
    attempts,
    writer,
    /** Publishes what a persist produced; the stream consumer calls it after each commit. */
    publish,
    ingest,
    teacher: createTeacherService(deps, settings),
    deadlines: createDeadlineService(deps, attempts, options.autoSubmitter ?? null),
  };
}
export type Proctoring = ReturnType<typeof createProctoring>;

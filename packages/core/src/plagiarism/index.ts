import type { CoreDeps } from '../context.js';
import { createPlagiarismService } from './plagiarism-service.js';
import { createPlagiarismStore } from './plagiarism-store.js';

export { PLAGIARISM_QUEUE, type PlagiarismQueueMessage } from './queue.js';
export { selectCounted, type CandidateSubmission } from './selection.js';
export type { PlagiarismService } from './plagiarism-service.js';
export type { PairToStore } from './mappers.js';
export type { PlagiarismStore, ProgressUpdate, RunStart } from './plagiarism-store.js';

/** Plagiarism reports: `reports` for the api (teachers), `store` for the worker's jobs. */
export function createPlagiarism(deps: CoreDeps) {
  return { reports: createPlagiarismService(deps), store: createPlagiarismStore(deps) };
}
export type Plagiarism = ReturnType<typeof createPlagiarism>;

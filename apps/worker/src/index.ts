export { loadWorkerConfig, WORKER_ROLES, type WorkerConfig, type WorkerRole } from './config.js';
export { startWorker, type WorkerHandle } from './start-worker.js';
export { validateProblem } from './judge/validate-consumer.js';
export { createProblemIndexes } from './plagiarism/problem-indexes.js';
export { createIndexThread } from './plagiarism/index-thread-client.js';

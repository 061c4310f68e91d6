import { PLAGIARISM_QUEUE, type CoreLog, type PlagiarismQueueMessage, type Runtime } from '@logicode/core';
import { createProblemIndexes } from './problem-indexes.js';
import { runPlagiarismJob } from './run-job.js';

/**
 * The worker's plagiarism role: full runs a teacher asked for, and the incremental check of each judged Submit.
 * One job at a time per worker: the work is CPU-bound and each problem's index is shared by its jobs.
 */
export async function startPlagiarismRole(runtime: Runtime, log: CoreLog): Promise<{ stop(): Promise<void> }> {
  const { store } = runtime.core.plagiarism;
  const indexes = createProblemIndexes(store);
  indexes.warm();
  const queue = runtime.platform.queue<PlagiarismQueueMessage>(PLAGIARISM_QUEUE);
  queue.process(async (message) => {
    if (message.kind === 'run') return runPlagiarismJob({ store, indexes, log, runId: message.runId });
    const started = Date.now();
    // A run of this problem waits in the queue: it will read this Submit when it starts and replace every pair,
    // so the check is skipped (under a stream of Submits, checks queued ahead of a run made the teacher wait).
    if (await store.hasQueuedRun(message.problemId)) return log('info', 'plagiarism check skipped: a run is queued', { ...message });
    const result = await indexes.check(message.problemId, message.submissionId);
    log('info', 'plagiarism check', { ...message, ...result, ms: Date.now() - started });
  }, { concurrency: 1 });
  // In embedded mode queued jobs lived in the last process's memory: ask again for the runs it left.
  if (runtime.platform.mode === 'embedded') {
    for (const runId of await store.unfinishedRunIds()) await queue.add({ kind: 'run', runId }, { jobId: `plagiarism-run-${runId}` });
  }
  return { stop: () => indexes.stop() };
}

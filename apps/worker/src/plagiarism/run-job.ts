import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { CoreLog, PlagiarismStore } from '@logicode/core';
import { createIndex } from '@logicode/plagiarism';
import { loadSetup, texts, type ProblemIndexes } from './problem-indexes.js';

/** Submissions indexed between progress reports (and between yields to the event loop). */
const CHUNK = 50;

/**
 * A teacher's full run: rebuild the problem's index from the stored sources, compute every pair with the final
 * common-code statistics, replace the problem's pairs. Progress goes to the run row and the teacher feeds.
 */
export async function runPlagiarismJob(options: { store: PlagiarismStore; indexes: ProblemIndexes; log: CoreLog; runId: number }): Promise<void> {
  const { store, indexes, log, runId } = options;
  const run = await store.startRun(runId);
  if (!run) return;
  const started = Date.now();
  try {
    await store.progress(run, { status: 'running', phase: 'loading', progress: 0, submissionCount: 0, pairCount: 0 });
    const [setup, selection] = await Promise.all([loadSetup(store, run.problemId, run.requestedParams), store.selection(run.problemId)]);
    const index = createIndex({ params: setup.params, ignored: setup.ignored });
    const total = selection.length;
    await store.recordParams(runId, index.params, total);
    for (let i = 0; i < total; i += CHUNK) {
      const chunk = selection.slice(i, i + CHUNK);
      index.addAll(await texts(store, chunk));
      const done = Math.min(total, i + CHUNK);
      await store.progress(run, { status: 'running', phase: 'indexing', progress: 0.05 + (0.45 * done) / total, submissionCount: total, pairCount: 0 });
      await yieldToLoop();
    }
    await store.progress(run, { status: 'running', phase: 'comparing', progress: 0.5, submissionCount: total, pairCount: 0 });
    const pairs = index.pairs();
    await store.progress(run, { status: 'running', phase: 'storing', progress: 0.9, submissionCount: total, pairCount: pairs.length });
    await store.finishRun(run, pairs, total);
    indexes.adopt(run.problemId, { key: setup.key, index, members: new Map(selection.map((s) => [s.userId, s.id])) });
    log('info', 'plagiarism run done', { runId, problemId: run.problemId, submissions: total, pairs: pairs.length, ms: Date.now() - started });
  } catch (error) {
    log('error', 'plagiarism run failed', { runId, error: String(error) });
    await store.failRun(run, 'The run failed; see the worker log.');
  }
}

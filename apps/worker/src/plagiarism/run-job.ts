import type { CoreLog, PlagiarismStore, RunStart } from '@logicode/core';
import { loadSetup, texts, type ProblemIndexes } from './problem-indexes.js';

/**
 * A teacher's full run: rebuild the problem's index from the stored sources and compute every pair with the
 * final common-code statistics (in the index thread), then replace the problem's pairs. Progress goes to the run
 * row and the teacher feeds. The incremental checks rebuild their own index on next use.
 */
export async function runPlagiarismJob(options: { store: PlagiarismStore; indexes: ProblemIndexes; log: CoreLog; runId: number }): Promise<void> {
  const { store, indexes, log, runId } = options;
  const run = await store.startRun(runId);
  if (!run) return;
  const started = Date.now();
  try {
    await store.progress(run, { status: 'running', phase: 'loading', progress: 0, submissionCount: 0, pairCount: 0 });
    const [setup, selection] = await Promise.all([loadSetup(store, run.problemId, run.requestedParams), store.selection(run.problemId)]);
    const subs = await texts(store, selection);
    const loadedAt = Date.now();
    const total = subs.length;
    const report = reporter(store, run, total);
    const { pairs, params } = await indexes.analyze({ subs, ignored: setup.ignored, params: setup.params }, (message) => {
      // Indexing 0.05–0.25, comparing 0.25–0.7 by submissions compared, storing 0.7–1 by rows stored.
      if (message.type === 'indexed') report({ phase: 'indexing', progress: 0.05 + (0.2 * message.done) / Math.max(1, total) });
      else report({ phase: 'comparing', progress: 0.25 + (0.45 * message.done) / Math.max(1, total) });
    });
    await report.flush();
    const analysedAt = Date.now();
    await store.recordParams(runId, params, total);
    await store.progress(run, { status: 'running', phase: 'storing', progress: 0.7, submissionCount: total, pairCount: pairs.length });
    await store.finishRun(run, pairs, total, 0.7);
    indexes.forget(run.problemId);
    log('info', 'plagiarism run done', { runId, problemId: run.problemId, submissions: total, pairs: pairs.length, ms: Date.now() - started, loadMs: loadedAt - started, analysisMs: analysedAt - loadedAt, storeMs: Date.now() - analysedAt });
  } catch (error) {
    log('error', 'plagiarism run failed', { runId, error: String(error) });
    await store.failRun(run, 'The run failed; see the worker log.');
  }
}

/** Progress messages from the thread, stored and pushed one after another (never out of order). */
function reporter(store: PlagiarismStore, run: RunStart, total: number) {
  let chain = Promise.resolve();
  const report = (update: { phase: 'indexing' | 'comparing'; progress: number }) => {
    chain = chain.then(() => store.progress(run, { status: 'running', ...update, submissionCount: total, pairCount: 0 }));
  };
  return Object.assign(report, { flush: () => chain });
}

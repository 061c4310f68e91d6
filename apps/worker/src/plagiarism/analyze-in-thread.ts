import { Worker } from 'node:worker_threads';
import type { PlagiarismParams } from '@logicode/contracts';
import type { PairToStore } from '@logicode/core';
import type { IgnoredSource, SubmissionText } from '@logicode/plagiarism';

export interface AnalysisInput {
  subs: SubmissionText[];
  ignored: IgnoredSource[];
  params: Partial<PlagiarismParams>;
}

export type AnalysisMessage =
  | { type: 'indexed'; done: number }
  | { type: 'comparing'; done: number }
  | { type: 'result'; pairs: PairToStore[]; params: PlagiarismParams };

/**
 * A full analysis in a worker thread: a 1,000-submission run takes seconds of CPU, and in embedded mode the
 * api serves requests from this same event loop. The thread is started per run (its ~1 s start is small next
 * to a run a teacher waits for) and ends with it.
 */
export function analyzeInThread(input: AnalysisInput, onProgress: (message: Exclude<AnalysisMessage, { type: 'result' }>) => void): Promise<{ pairs: PairToStore[]; params: PlagiarismParams }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./analysis-thread.mjs', import.meta.url), { workerData: input });
    let settled = false;
    worker.on('message', (message: AnalysisMessage) => {
      if (message.type !== 'result') return onProgress(message);
      settled = true;
      resolve({ pairs: message.pairs, params: message.params });
      void worker.terminate();
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the analysis thread exited with code ${code}`));
    });
  });
}

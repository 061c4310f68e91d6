// The body of the analysis thread: a full run's CPU work, off the process's event loop (in embedded mode the
// api shares it). Receives the texts, posts progress while indexing, then the ranked pairs.
import { parentPort, workerData } from 'node:worker_threads';
import { createIndex } from '@logicode/plagiarism';
import type { AnalysisInput, AnalysisMessage } from './analyze-in-thread.js';

const CHUNK = 50;
const input = workerData as AnalysisInput;
const post = (message: AnalysisMessage) => parentPort!.postMessage(message);

const index = createIndex({ params: input.params, ignored: input.ignored });
for (let i = 0; i < input.subs.length; i += CHUNK) {
  index.addAll(input.subs.slice(i, i + CHUNK));
  post({ type: 'indexed', done: Math.min(input.subs.length, i + CHUNK) });
}
post({ type: 'comparing', done: 0 });
// Comparing is most of the analysis: report it by submissions compared (about 20 reports per run).
const every = Math.max(1, Math.floor(input.subs.length / 20));
const ranked = index.pairs((done) => {
  if (done % every === 0) post({ type: 'comparing', done });
});
// Fragments go as JSON strings: cloning many small objects into the main thread would cost it seconds.
const pairs = ranked.map(({ fragments, ...pair }) => ({ ...pair, fragmentsJson: JSON.stringify(fragments), fragmentCount: fragments.length }));
post({ type: 'result', pairs, params: index.params });

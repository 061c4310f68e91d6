// The body of the index thread: the per-problem indexes of the incremental checks live here, so tokenising a
// new submission and comparing it with a 1,000-student problem never runs on the process's event loop (in
// embedded mode the api serves requests from it; issue 16 measured 102–758 ms per Submit there). A teacher's
// full run is analysed here too (op 'analyze'), posting its progress as it goes.
import { parentPort } from 'node:worker_threads';
import { createIndex, type PlagiarismIndex, type PlagiarismPair } from '@logicode/plagiarism';
import type { AnalysisInput, AnalysisProgress, AnalysisResult, IndexRequest, IndexResponse } from './index-thread-client.js';

/** Submissions indexed between two progress reports of a full run. */
const INDEX_CHUNK = 50;

const indexes = new Map<number, PlagiarismIndex>();

function indexOf(problemId: number): PlagiarismIndex {
  const index = indexes.get(problemId);
  if (!index) throw new Error(`no index for problem ${problemId} in the index thread`);
  return index;
}

/** Fragments as JSON strings: cloning many small objects into the main thread would cost it more. */
function toStore(pairs: PlagiarismPair[]) {
  return pairs.map(({ fragments, ...pair }) => ({ ...pair, fragmentsJson: JSON.stringify(fragments), fragmentCount: fragments.length }));
}

function analyze(input: AnalysisInput, progress: (update: AnalysisProgress) => void): AnalysisResult {
  const index = createIndex({ params: input.params, ignored: input.ignored });
  for (let i = 0; i < input.subs.length; i += INDEX_CHUNK) {
    index.addAll(input.subs.slice(i, i + INDEX_CHUNK));
    progress({ type: 'indexed', done: Math.min(input.subs.length, i + INDEX_CHUNK) });
  }
  progress({ type: 'comparing', done: 0 });
  // Comparing is most of the analysis: report it by submissions compared (about 20 reports per run).
  const every = Math.max(1, Math.floor(input.subs.length / 20));
  const ranked = index.pairs((done) => {
    if (done % every === 0) progress({ type: 'comparing', done });
  });
  return { pairs: toStore(ranked), params: index.params };
}

function handle(request: IndexRequest, seq: number): unknown {
  switch (request.op) {
    case 'analyze':
      return analyze(request.input, (update) => parentPort!.postMessage({ seq, progress: update } satisfies IndexResponse));
    case 'create':
      indexes.set(request.problemId, createIndex({ params: request.params, ignored: request.ignored }));
      return null;
    case 'drop':
      indexes.delete(request.problemId);
      return null;
    case 'addAll':
      indexOf(request.problemId).addAll(request.subs);
      return null;
    case 'remove':
      return indexOf(request.problemId).remove(request.id);
    case 'add':
      return toStore(indexOf(request.problemId).add(request.sub));
  }
}

parentPort!.on('message', (message: { seq: number; request: IndexRequest }) => {
  let response: IndexResponse;
  try {
    response = { seq: message.seq, result: handle(message.request, message.seq) };
  } catch (error) {
    response = { seq: message.seq, error: String(error) };
  }
  parentPort!.postMessage(response);
});

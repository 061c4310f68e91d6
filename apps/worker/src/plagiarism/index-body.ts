// The body of the index thread: the per-problem indexes of the incremental checks live here, so tokenising a
// new submission and comparing it with a 1,000-student problem never runs on the process's event loop (in
// embedded mode the api serves requests from it; issue 16 measured 102–758 ms per Submit there).
import { parentPort } from 'node:worker_threads';
import { createIndex, type PlagiarismIndex } from '@logicode/plagiarism';
import type { IndexRequest, IndexResponse } from './index-thread-client.js';

const indexes = new Map<number, PlagiarismIndex>();

function indexOf(problemId: number): PlagiarismIndex {
  const index = indexes.get(problemId);
  if (!index) throw new Error(`no index for problem ${problemId} in the index thread`);
  return index;
}

function handle(request: IndexRequest): unknown {
  switch (request.op) {
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
      // Fragments as JSON strings: cloning many small objects into the main thread would cost it more.
      return indexOf(request.problemId).add(request.sub).map(({ fragments, ...pair }) => ({ ...pair, fragmentsJson: JSON.stringify(fragments), fragmentCount: fragments.length }));
  }
}

parentPort!.on('message', (message: { seq: number; request: IndexRequest }) => {
  let response: IndexResponse;
  try {
    response = { seq: message.seq, result: handle(message.request) };
  } catch (error) {
    response = { seq: message.seq, error: String(error) };
  }
  parentPort!.postMessage(response);
});

import { threadId, Worker } from 'node:worker_threads';
import type { PlagiarismParams } from '@logicode/contracts';
import type { PairToStore } from '@logicode/core';
import type { IgnoredSource, SubmissionText } from '@logicode/plagiarism';

/** A teacher's full run: all of a problem's counted submissions, analysed from scratch in the index thread. */
export interface AnalysisInput {
  subs: SubmissionText[];
  ignored: IgnoredSource[];
  params: Partial<PlagiarismParams>;
}

/** How far a full analysis got: submissions indexed, then submissions compared (each with those before it). */
export type AnalysisProgress = { type: 'indexed'; done: number } | { type: 'comparing'; done: number };

export interface AnalysisResult {
  pairs: PairToStore[];
  params: PlagiarismParams;
}

export type IndexRequest =
  | { op: 'analyze'; input: AnalysisInput }
  | { op: 'create'; problemId: number; params: Partial<PlagiarismParams>; ignored: IgnoredSource[] }
  | { op: 'drop'; problemId: number }
  | { op: 'addAll'; problemId: number; subs: SubmissionText[] }
  | { op: 'remove'; problemId: number; id: number }
  | { op: 'add'; problemId: number; sub: SubmissionText };

export type IndexResponse = { seq: number; result: unknown } | { seq: number; error: string } | { seq: number; progress: AnalysisProgress };

/** One problem's index, held in the index thread; each call is a message there and back. */
export interface RemoteIndex {
  addAll(subs: SubmissionText[]): Promise<void>;
  remove(id: number): Promise<boolean>;
  add(sub: SubmissionText): Promise<PairToStore[]>;
}

/**
 * The thread that holds the incremental checks' indexes (index-body.ts) and computes the full runs. Started on
 * first use, unref'd (it never keeps the process alive), and started again if it dies: `generation` then
 * changes, and the caller drops every index it thought the thread held (they are caches of the database,
 * rebuilt on the next check). A full run uses the same, usually warm, thread: a fresh thread per run spent
 * about a second (far more on a loaded machine) loading the TypeScript before any work, and the worker runs one
 * plagiarism job at a time, so the thread is otherwise idle during a run.
 */
export function createIndexThread() {
  let worker: Worker | null = null;
  let generation = 0;
  let seq = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; progress?(update: AnalysisProgress): void }>();

  function start(): Worker {
    if (worker) return worker;
    const started = new Worker(new URL('./index-thread.mjs', import.meta.url));
    started.unref();
    started.on('message', (response: IndexResponse) => {
      const waiter = pending.get(response.seq);
      if ('progress' in response) return waiter?.progress?.(response.progress);
      pending.delete(response.seq);
      if (!waiter) return;
      if ('error' in response) waiter.reject(new Error(response.error));
      else waiter.resolve(response.result);
    });
    const fail = (error: Error) => {
      if (worker !== started) return;
      worker = null;
      generation += 1;
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`the index thread exited with code ${code}`)));
    worker = started;
    return started;
  }

  function call<T>(request: IndexRequest, progress?: (update: AnalysisProgress) => void): Promise<T> {
    const thread = start();
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, progress });
      thread.postMessage({ seq: id, request });
    });
  }

  return {
    /** Changes whenever the thread was restarted: indexes created under an older generation are gone. */
    get generation(): number {
      return generation;
    },
    /** The main thread's id, for tests that check the work happens elsewhere. */
    mainThreadId: threadId,
    async create(problemId: number, params: Partial<PlagiarismParams>, ignored: IgnoredSource[]): Promise<RemoteIndex> {
      await call({ op: 'create', problemId, params, ignored });
      return {
        addAll: (subs) => call<null>({ op: 'addAll', problemId, subs }).then(() => undefined),
        remove: (id) => call<boolean>({ op: 'remove', problemId, id }),
        add: (sub) => call<PairToStore[]>({ op: 'add', problemId, sub }),
      };
    },
    /**
     * Starts the thread now rather than on the first check: loading its code takes about 0.7 s of CPU, which the
     * first Submit's check (and, in embedded mode, the api beside it) would otherwise wait for.
     */
    warm(): void {
      start();
    },
    /** A full run's analysis (ranked, bounded pairs with their fragments as JSON), with its progress. */
    analyze(input: AnalysisInput, onProgress: (update: AnalysisProgress) => void): Promise<AnalysisResult> {
      return call<AnalysisResult>({ op: 'analyze', input }, onProgress);
    },
    drop(problemId: number): void {
      if (worker) void call({ op: 'drop', problemId }).catch(() => undefined);
    },
    /** Ends the thread; a later call starts a new one, in a new generation (its indexes are gone). */
    async stop(): Promise<void> {
      const running = worker;
      worker = null;
      if (!running) return;
      generation += 1;
      for (const waiter of pending.values()) waiter.reject(new Error('the index thread was stopped'));
      pending.clear();
      await running.terminate();
    },
  };
}
export type IndexThread = ReturnType<typeof createIndexThread>;

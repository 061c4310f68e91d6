import { threadId, Worker } from 'node:worker_threads';
import type { PlagiarismParams } from '@logicode/contracts';
import type { PairToStore } from '@logicode/core';
import type { IgnoredSource, SubmissionText } from '@logicode/plagiarism';

export type IndexRequest =
  | { op: 'create'; problemId: number; params: Partial<PlagiarismParams>; ignored: IgnoredSource[] }
  | { op: 'drop'; problemId: number }
  | { op: 'addAll'; problemId: number; subs: SubmissionText[] }
  | { op: 'remove'; problemId: number; id: number }
  | { op: 'add'; problemId: number; sub: SubmissionText };

export type IndexResponse = { seq: number; result: unknown } | { seq: number; error: string };

/** One problem's index, held in the index thread; each call is a message there and back. */
export interface RemoteIndex {
  addAll(subs: SubmissionText[]): Promise<void>;
  remove(id: number): Promise<boolean>;
  add(sub: SubmissionText): Promise<PairToStore[]>;
}

/**
 * The thread that holds the incremental checks' indexes (index-body.ts). Started on first use, unref'd (it never
 * keeps the process alive), and started again if it dies: `generation` then changes, and the caller drops
 * every index it thought the thread held (they are caches of the database, rebuilt on the next check).
 */
export function createIndexThread() {
  let worker: Worker | null = null;
  let generation = 0;
  let seq = 0;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  function start(): Worker {
    if (worker) return worker;
    const started = new Worker(new URL('./index-thread.mjs', import.meta.url));
    started.unref();
    started.on('message', (response: IndexResponse) => {
      const waiter = pending.get(response.seq);
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

  function call<T>(request: IndexRequest): Promise<T> {
    const thread = start();
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
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

// A Judge whose work runs in a worker thread of its own (judge-thread-body.ts): the same interface as
// createJudge, so the judge consumer, the validation consumer and package verification do not know the difference.
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type JudgeResult, type LanguageId } from '@logicode/contracts';
import { defaultLog, type Judge, type JudgeOptions } from '../judge.js';
import { LANGUAGE_SPECS } from '../languages/index.js';
import type { RunHooks } from '../pipeline.js';
import type { LanguageStatus } from '../self-test.js';
import type { FromThread, ThreadError, ToThread } from './protocol.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  hooks?: RunHooks;
}

function errorFrom(error: ThreadError): Error {
  return error.code ? new AppError(error.code as ErrorCode, error.message, error.details) : new Error(error.message);
}

/**
 * Starts the judge thread and waits for its judge (sandbox checks included: a machine without a sandbox fails
 * here with the same UNAVAILABLE error createJudge gives). A thread that dies fails the jobs it held (the
 * consumer puts them back on the queue) and is started again for the next job; the languages the last
 * self-test disabled stay disabled, checked on this side.
 */
export interface ThreadedJudge extends Judge {
  /** Ends the thread the way a crash would (its jobs fail, the next job starts a new thread): for the tests. */
  killThread(): Promise<void>;
}

export async function createThreadedJudge(options: JudgeOptions = {}): Promise<ThreadedJudge> {
  const { log, ...threadOptions } = options;
  const logLine = log ?? defaultLog;
  let seq = 0;
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let ready: Promise<boolean> | null = null;
  let closing = false;
  const disabled = new Set<LanguageId>();

  function onMessage(message: FromThread): void {
    if (message.type === 'log') return logLine(message.level, message.message, (message.data ?? undefined) as object | undefined);
    const waiter = pending.get(message.seq);
    if (!waiter) return;
    switch (message.type) {
      case 'compiled':
        return waiter.hooks?.onCompiled?.(message.compileMs, { buildCache: message.buildCache });
      case 'test':
        return waiter.hooks?.onTestResult?.(message.index, message.result);
      case 'done':
        pending.delete(message.seq);
        return waiter.resolve(message.value);
      case 'failed':
        pending.delete(message.seq);
        return waiter.reject(errorFrom(message.error));
    }
  }

  function send(request: ToThread, hooks?: RunHooks): Promise<unknown> {
    return new Promise((resolve, reject) => {
      pending.set(request.seq, { resolve, reject, ...(hooks ? { hooks } : {}) });
      worker!.postMessage(request);
    });
  }

  /** The thread and its judge; started again after a crash. Resolves to whether it runs sandboxed. */
  function start(): Promise<boolean> {
    if (ready) return ready;
    const thread = new Worker(new URL('./judge-thread.mjs', import.meta.url));
    worker = thread;
    thread.on('message', onMessage);
    const fail = (error: Error) => {
      if (worker !== thread) return;
      worker = null;
      ready = null;
      if (!closing) logLine('error', 'judge thread died; its jobs go back to the queue and the next job starts a new one', { error: error.message });
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => fail(new Error(`the judge thread exited with code ${code}`)));
    const started = send({ op: 'init', seq: ++seq, options: threadOptions }) as Promise<{ sandboxed: boolean }>;
    ready = started.then((value) => value.sandboxed);
    ready.catch(() => {
      // No judge there (no sandbox, say): the caller gets the error; this thread is ended, not mourned.
      worker = null;
      ready = null;
      void thread.terminate();
    });
    return ready;
  }

  const sandboxed = await start();
  return {
    sandboxed,
    async run(job, hooks) {
      if (disabled.has(job.language)) throw new AppError('LANGUAGE_UNAVAILABLE', `${job.language} failed its self-test and is disabled.`);
      await start();
      const id = ++seq;
      const onAbort = () => worker?.postMessage({ op: 'abort', seq: id } satisfies ToThread);
      hooks?.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return (await send({ op: 'run', seq: id, job }, hooks)) as JudgeResult;
      } catch (error) {
        // As the judge itself does: an aborted job rejects with the abort's reason.
        if (hooks?.signal?.aborted) throw hooks.signal.reason ?? error;
        throw error;
      } finally {
        hooks?.signal?.removeEventListener('abort', onAbort);
      }
    },
    async selfTest() {
      await start();
      const statuses = (await send({ op: 'selfTest', seq: ++seq })) as LanguageStatus[];
      for (const status of statuses) {
        if (status.ok) disabled.delete(status.id);
        else disabled.add(status.id);
      }
      return statuses;
    },
    availableLanguages() {
      return LANGUAGE_SPECS.map((l) => l.id).filter((id) => !disabled.has(id));
    },
    async killThread() {
      await worker?.terminate();
    },
    async close() {
      if (!worker) return;
      closing = true;
      const thread = worker;
      await send({ op: 'close', seq: ++seq }).catch(() => undefined);
      await thread.terminate();
    },
  };
}

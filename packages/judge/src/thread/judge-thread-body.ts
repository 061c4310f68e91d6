// The judge thread: one real judge (createJudge) on an event loop of its own. The caller's thread (the api's, in
// `logicode start`) only sends jobs and receives each test's result, so a busy api no longer delays the judge's
// process spawns, pipes and timers, and a busy judge no longer delays the api (issue 18).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { AppError } from '@logicode/contracts';
import { createJudge, type Judge } from '../judge.js';
import { JUDGE_NICE } from '../sandbox/session.js';
import type { FromThread, ThreadError, ToThread } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('judge-thread-body runs in a worker thread only');

function send(message: FromThread): void {
  try {
    port!.postMessage(message);
  } catch {
    // A log's data that cannot be cloned: send it as text rather than lose the line.
    if (message.type === 'log') port!.postMessage({ ...message, data: JSON.stringify(message.data) });
    else throw new Error(`judge thread: could not send a '${message.type}' message`);
  }
}

function errorOf(error: unknown): ThreadError {
  if (error instanceof AppError) return { message: error.message, code: error.code, details: error.details };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), code: null };
}

/**
 * This thread's own work (spawning, reading pipes, comparing outputs) at the sandboxes' priority too: a saturated
 * judge then lengthens its queue, not the api's requests on the other thread. Linux names a thread by its id in
 * /proc/thread-self and lets setpriority take it; elsewhere the thread keeps the process's priority.
 */
function lowerThisThreadsPriority(): number | null {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return null;
    setPriority(threadId, JUDGE_NICE);
    return threadId;
  } catch {
    return null;
  }
}
const osThreadId = lowerThisThreadsPriority();

let judge: Judge | null = null;
const aborts = new Map<number, AbortController>();

async function handle(request: ToThread): Promise<void> {
  const { seq } = request;
  try {
    switch (request.op) {
      case 'init': {
        judge = await createJudge({ ...request.options, log: (level, message, data) => send({ type: 'log', level, message, data }) });
        send({ type: 'log', level: 'info', message: 'judge thread ready', data: { osThreadId, nice: osThreadId === null ? null : JUDGE_NICE } });
        send({ type: 'done', seq, value: { sandboxed: judge.sandboxed } });
        return;
      }
      case 'run': {
        const abort = new AbortController();
        aborts.set(seq, abort);
        try {
          const result = await judge!.run(request.job, {
            signal: abort.signal,
            onCompiled: (compileMs, info) => send({ type: 'compiled', seq, compileMs, buildCache: info.buildCache }),
            onTestResult: (index, result) => send({ type: 'test', seq, index, result }),
          });
          send({ type: 'done', seq, value: result });
        } finally {
          aborts.delete(seq);
        }
        return;
      }
      case 'abort':
        aborts.get(seq)?.abort();
        return;
      case 'selfTest':
        send({ type: 'done', seq, value: await judge!.selfTest() });
        return;
      case 'close':
        await judge?.close();
        send({ type: 'done', seq, value: null });
        return;
    }
  } catch (error) {
    send({ type: 'failed', seq, error: errorOf(error) });
  }
}

port.on('message', (request: ToThread) => void handle(request));

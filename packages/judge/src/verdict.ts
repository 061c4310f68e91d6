// From what the sandbox measured to a verdict. Pure. Checking the output comes after, and only when
// the run itself was clean (DMOJ skips the checker for a failed run: judge-server#170).
import { constants } from 'node:os';
import { headlineVerdict } from '@logicode/contracts';
import type { TestResult, Verdict } from '@logicode/contracts';
import type { RunOutcome } from './sandbox/types.js';

export interface VerdictLimits {
  timeLimitMs: number;
  /** The problem's limit plus the language's grace: above this peak RSS the run is MLE. */
  memoryLimitKb: number;
  memoryErrorPattern: RegExp | null;
}

export interface RunVerdict {
  /** null: the run was clean, compare the output. */
  verdict: Exclude<Verdict, 'AC' | 'WA' | 'CE'> | null;
  message: string | null;
}

// Several names share a number (SIGIOT = SIGABRT): keep the first, the usual one.
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, n] of Object.entries(constants.signals)) if (!SIGNAL_NAMES.has(n)) SIGNAL_NAMES.set(n, name);

export function signalName(signal: number): string {
  return SIGNAL_NAMES.get(signal) ?? `signal ${signal}`;
}

const SIGXCPU = constants.signals.SIGXCPU;
const SIGXFSZ = constants.signals.SIGXFSZ;
const SIGKILL = constants.signals.SIGKILL;
const SIGSEGV = constants.signals.SIGSEGV;
const FILE_TOO_LARGE = /\bEFBIG\b|File too large/;

export function runVerdict(o: RunOutcome, limits: VerdictLimits): RunVerdict {
  if (o.status === 'crashed') {
    if (o.sandboxFault) return { verdict: 'IE', message: 'The sandbox failed to start.' };
    if (o.detail?.includes('did not answer in time')) return { verdict: 'TLE', message: 'Wall time limit exceeded.' };
    return { verdict: 'RE', message: 'The program killed its sandbox supervisor.' };
  }
  if (o.status === 'cpu' || o.signal === SIGXCPU || o.cpuMs > limits.timeLimitMs) {
    return { verdict: 'TLE', message: `CPU time limit of ${limits.timeLimitMs} ms exceeded.` };
  }
  if (o.status === 'wall') return { verdict: 'TLE', message: 'Wall time limit exceeded (the program was waiting or sleeping).' };
  const stderr = o.status === 'ok' ? o.stderr.toString('utf8') : '';
  const failed = o.signal !== null || o.exitCode !== 0;
  if (o.oomKilled || (failed && limits.memoryErrorPattern?.test(stderr))) {
    return { verdict: 'MLE', message: 'Memory limit exceeded.' };
  }
  // Python and Node ignore SIGXFSZ, so a file past RLIMIT_FSIZE shows up as an EFBIG error on stderr.
  if (o.status === 'ole' || o.signal === SIGXFSZ || (failed && FILE_TOO_LARGE.test(stderr))) {
    return { verdict: 'OLE', message: 'Output limit exceeded.' };
  }
  // A peak over the limit without an OOM kill (the cgroup has slack for the sandbox itself). A signal wins:
  // a stack overflow touches up to the stack limit and then dies of SIGSEGV, which is an RE.
  if (o.memoryKb > limits.memoryLimitKb && o.signal === null) return { verdict: 'MLE', message: 'Memory limit exceeded.' };
  if (o.signal !== null) {
    const name = signalName(o.signal);
    const hint = o.signal === SIGKILL ? ' (killed: too many processes or memory?)' : o.signal === SIGSEGV ? ' (a bad pointer, or a stack overflow?)' : '';
    return { verdict: 'RE', message: `Killed by ${name}${hint}.` };
  }
  if (o.exitCode !== 0) return { verdict: 'RE', message: `Exit code ${o.exitCode}.` };
  return { verdict: null, message: null };
}

/** Accepted weight / total weight; a problem whose weights are all zero scores 1 only when all passed. */
export function scoreOf(weights: readonly number[], verdicts: readonly (Verdict | null)[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return verdicts.length === weights.length && verdicts.every((v) => v === 'AC') ? 1 : 0;
  const accepted = weights.reduce((s, w, i) => s + (verdicts[i] === 'AC' ? w : 0), 0);
  return accepted / total;
}

export function headline(tests: readonly TestResult[]): Verdict {
  return headlineVerdict(tests.map((t) => t.verdict));
}

import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@logicode/contracts';
import type { JudgeJob, JudgeResult, LanguageId } from '@logicode/contracts';
import type { JudgeContext, LogFn } from './context.js';
import { LANGUAGE_SPECS, languageSpec } from './languages/index.js';
import type { LanguageSpec } from './languages/index.js';
import { removeStaleJobDirs, runJob, type RunHooks } from './pipeline.js';
import { buildCache } from './caches.js';
import { removeStaleCgroups } from './sandbox/cgroups.js';
import { inspectHost } from './sandbox/host.js';
import type { SandboxHost } from './sandbox/host.js';
import { SandboxSession } from './sandbox/session.js';
import { probeVersion, selfTestJob } from './self-test.js';
import { BuildCache, DEFAULT_BUILD_CACHE } from './build-cache.js';
import type { BuildCacheLimits } from './build-cache.js';
import type { LanguageStatus } from './self-test.js';

export interface JudgeOptions {
  /** Where build dirs, the supervisor binary and the seccomp filter live (default: <tmpdir>/logicode-judge). */
  workRoot?: string;
  /** Development only: run programs WITHOUT a sandbox when bubblewrap is unusable. Logged loudly. */
  allowUnsandboxed?: boolean;
  log?: LogFn;
  /** Fork each test from a warm interpreter (Python); default on. Off: a fresh interpreter per test. */
  warmInterpreters?: boolean;
  /** Bounds of the build cache under <workRoot>/build-cache (DEFAULT_BUILD_CACHE); false: compile every time. */
  buildCache?: Partial<BuildCacheLimits> | false;
}

export interface Judge {
  readonly sandboxed: boolean;
  run(job: JudgeJob, hooks?: RunHooks): Promise<JudgeResult>;
  /** Runs each language's self-test; failing ones are disabled and logged loudly. */
  selfTest(): Promise<LanguageStatus[]>;
  availableLanguages(): LanguageId[];
  close(): Promise<void>;
}

function internalError(): JudgeResult {
  return { verdict: 'IE', score: 0, compileOutput: 'The judge failed on our side; the submission can be judged again.', tests: [], maxCpuMs: 0, maxMemoryKb: 0 };
}

/** Without a log option: info to stdout, the rest to stderr (the threaded judge's caller side uses it too). */
export const defaultLog: LogFn = (level, msg, data) => {
  const line = data ? `${msg} ${JSON.stringify(data)}` : msg;
  if (level === 'info') console.log(line);
  else console.error(line);
};

/** Starts bwrap once with /bin/true: proves namespaces, the uid drop, cgroups and seccomp all work here. */
async function smokeTest(host: SandboxHost): Promise<string | null> {
  const session = SandboxSession.start({
    host,
    name: `${process.pid}-smoke-${randomBytes(3).toString("hex")}`,
    argv: ['/usr/bin/true'],
    progDir: null,
    boxDir: null,
    scratchDir: join(host.workRoot, 'smoke'),
    memoryLimitKb: 65_536,
    processes: 16,
    boxSizeBytes: 1 << 20,
    tmpSizeBytes: 1 << 20,
    env: {},
  });
  const limits = { cpuMs: 2000, wallMs: 5000, fileSizeBytes: 1024, outputBytes: 1024, stderrBytes: 1024, stackKb: 0, addressSpaceKb: 0, processes: 0, openFiles: 16 };
  const o = await session.run({ limits, stdin: '', fresh: true });
  await session.close();
  if (o.status !== 'ok' || o.exitCode !== 0) return o.detail ?? `/usr/bin/true failed in the sandbox (${o.status}, exit ${o.exitCode})`;
  return null;
}

/**
 * Whether to run sandboxed. Without a working sandbox the judge refuses (a worker must not run untrusted
 * code bare) unless the development setting allowUnsandboxed is on.
 */
export function sandboxDecision(problem: string | null, allowUnsandboxed: boolean): 'sandboxed' | 'unsandboxed' {
  if (!problem) return 'sandboxed';
  if (!allowUnsandboxed) {
    throw new AppError('UNAVAILABLE', `The judge sandbox is unavailable: ${problem}. Refusing to run untrusted code.`);
  }
  return 'unsandboxed';
}

async function selfTestOne(ctx: JudgeContext, lang: LanguageSpec): Promise<LanguageStatus> {
  let version: string | null = null;
  try {
    version = await probeVersion(lang);
    const result = await runJob(ctx, selfTestJob(lang));
    if (result.verdict === 'AC') return { id: lang.id, ok: true, version, error: null };
    const t = result.tests[0];
    const error = `self-test gave ${result.verdict}: ${result.compileOutput ?? t?.message ?? ''} ${t?.stderr ?? ''}`.trim();
    return { id: lang.id, ok: false, version, error };
  } catch (e) {
    return { id: lang.id, ok: false, version, error: e instanceof Error ? e.message : String(e) };
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export async function createJudge(options: JudgeOptions = {}): Promise<Judge> {
  const log = options.log ?? defaultLog;
  const workRoot = options.workRoot ?? join(tmpdir(), 'logicode-judge');
  const inspected = await inspectHost(workRoot);
  removeStaleCgroups(inspected.host.cgroups);
  removeStaleJobDirs(workRoot);
  let host: SandboxHost = { ...inspected.host, sandboxed: true };
  const problem = inspected.problem ?? (await smokeTest(host));
  if (sandboxDecision(problem, options.allowUnsandboxed ?? false) === 'unsandboxed') {
    host = { ...host, sandboxed: false };
    log('warn', `!!! JUDGE RUNNING WITHOUT A SANDBOX (allowUnsandboxed): submitted code runs with the worker's rights. Never do this with untrusted users. Reason: ${problem}`);
  } else if (host.cgroups.kind === 'none') {
    log('warn', `judge: no usable cgroups (${host.cgroups.reason}); memory and process limits fall back to rlimits`);
  }
  // Toolchain caches build in the background; compiles that start earlier run without them.
  const stopCaches = new AbortController();
  const caches = (async () => {
    // Quick ones first: javac's archive takes ~1 s, the C++ precompiled header ~10 s.
    const order = ['java', 'cpp'];
    const specs = [...LANGUAGE_SPECS].sort((a, b) => order.indexOf(b.id) - order.indexOf(a.id));
    for (const lang of specs) await buildCache(workRoot, lang, log, stopCaches.signal);
  })();
  let counter = 0;
  const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const builds =
    options.buildCache === false ? null : new BuildCache(join(workRoot, 'build-cache'), { ...DEFAULT_BUILD_CACHE, ...options.buildCache });
  const ctx: JudgeContext = {
    host,
    log,
    nextName: (purpose) => `${tag}-${++counter}-${purpose}`,
    warm: options.warmInterpreters ?? true,
    buildCache: builds,
  };
  const disabled = new Set<LanguageId>();
  const running = new Set<Promise<unknown>>();

  return {
    sandboxed: host.sandboxed,
    async run(job, hooks) {
      if (disabled.has(job.language)) throw new AppError('LANGUAGE_UNAVAILABLE', `${job.language} failed its self-test and is disabled.`);
      const p = runJob(ctx, job, hooks).catch((error: unknown) => {
        // A fault of the judge itself (not of the program) ends as IE, so no submission stays "running";
        // only an abort and a disabled language reach the caller as errors.
        if (hooks?.signal?.aborted || error instanceof AppError) throw error;
        log('error', 'judge: internal error while judging', { language: job.language, error: error instanceof Error ? error.stack : String(error) });
        return internalError();
      });
      running.add(p);
      try {
        return await p;
      } finally {
        running.delete(p);
      }
    },
    async selfTest() {
      // Two at a time: compilers dominate and this machine class has few cores.
      const statuses = await mapLimit(LANGUAGE_SPECS, 2, (lang) => selfTestOne(ctx, lang));
      for (const status of statuses) {
        if (status.ok) disabled.delete(status.id);
        else {
          disabled.add(status.id);
          log('error', `!!! judge: language ${status.id} DISABLED, its self-test failed: ${status.error}`);
        }
      }
      return statuses;
    },
    availableLanguages() {
      return LANGUAGE_SPECS.map((l) => l.id).filter((id) => !disabled.has(id) && languageSpec(id));
    },
    async close() {
      await Promise.allSettled([...running]);
      stopCaches.abort(); // an unfinished cache is dropped; the next start builds it again
      await caches;
    },
  };
}

export type { LanguageStatus };

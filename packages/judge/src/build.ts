// A program ready to run: its source written into a build dir, compiled once in its own sandbox.
import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxEnv } from './context.js';
import type { JudgeContext } from './context.js';
import type { LanguageSpec } from './languages/index.js';
import { cacheDirOf } from './caches.js';
import { BOX_SIZE_BYTES, COMPILE, TMP_SIZE_BYTES } from './limits.js';
import { SANDBOX_PATHS } from './sandbox/bwrap-args.js';
import { SandboxSession } from './sandbox/session.js';
import type { RunOutcome } from './sandbox/types.js';
import { runVerdict } from './verdict.js';

export interface BuiltProgram {
  lang: LanguageSpec;
  buildDir: string;
  sourceFile: string;
  /** The progDir the program sees (/prog in the sandbox, the build dir without one). */
  progDir: string;
}

/** hit: compiled earlier (BuildCache); miss: compiled now and kept; off: interpreted, or no cache. */
export type BuildCacheOutcome = 'hit' | 'miss' | 'off';

export type BuildResult =
  | { ok: true; program: BuiltProgram; compileOutput: string | null; cache?: BuildCacheOutcome }
  | { ok: false; verdict: 'CE' | 'IE'; compileOutput: string; cache?: BuildCacheOutcome };

/** The compiler's stdout and stderr, capped; says so when the supervisor cut it off. */
export function compilerMessage(o: RunOutcome, cap: number): string {
  const all = Buffer.concat([o.stdout, o.stderr]);
  const text = all.subarray(0, cap).toString('utf8');
  const total = o.stdoutBytes + o.stderrBytes;
  return total > cap || all.length > cap ? `${text}\n… (compiler output truncated at ${cap} bytes)` : text;
}

export async function buildProgram(
  ctx: JudgeContext,
  o: { dir: string; lang: LanguageSpec; source: string; driver: string | null; signal?: AbortSignal },
): Promise<BuildResult> {
  const { host } = ctx;
  const buildDir = join(o.dir, 'build');
  mkdirSync(buildDir, { mode: 0o755 });
  // The compiler runs as the sandbox user and writes its output here.
  if (host.sandboxed && host.uid !== null && host.gid !== null) chownSync(buildDir, host.uid, host.gid);
  const combined = o.lang.combine(o.source, o.driver);
  const sourceFile = o.lang.sourceFile(combined);
  writeFileSync(join(buildDir, sourceFile), combined, { mode: 0o644 });
  const program: BuiltProgram = { lang: o.lang, buildDir, sourceFile, progDir: host.sandboxed ? SANDBOX_PATHS.prog : buildDir };
  if (!o.lang.compile) return { ok: true, program, compileOutput: null, cache: 'off' };
  const cache = ctx.buildCache;
  if (!cache) return { ...(await compile(ctx, o, program)), cache: 'off' };
  let key: string;
  try {
    key = await cache.key(o.lang, sourceFile, combined);
  } catch (error) {
    ctx.log('warn', 'judge: build cache key failed; compiling without the cache', { language: o.lang.id, error: String(error) });
    return { ...(await compile(ctx, o, program)), cache: 'off' };
  }
  const hit = cache.restore(key, buildDir);
  if (hit) return { ok: true, program, compileOutput: hit.compileOutput, cache: 'hit' };
  const built = await cache.once(key, async () => {
    const r = await compile(ctx, o, program);
    if (r.ok) cache.store(key, buildDir, r.compileOutput);
    return r;
  });
  if (built !== 'waited') return { ...built, cache: 'miss' };
  // Another job compiled the same code meanwhile: its build, unless it failed (then compile: a CE is not kept).
  const later = cache.restore(key, buildDir);
  if (later) return { ok: true, program, compileOutput: later.compileOutput, cache: 'hit' };
  return { ...(await compile(ctx, o, program)), cache: 'miss' };
}

async function compile(
  ctx: JudgeContext,
  o: { lang: LanguageSpec; signal?: AbortSignal },
  program: BuiltProgram,
): Promise<BuildResult> {
  const { host } = ctx;
  const { buildDir, sourceFile } = program;
  if (!o.lang.compile) throw new Error('compile: an interpreted language');
  const hostCacheDir = cacheDirOf(host.workRoot, o.lang);
  const cacheDir = o.lang.cache && existsSync(join(hostCacheDir, o.lang.cache.file)) ? hostCacheDir : null;
  const session = SandboxSession.start({
    host,
    name: ctx.nextName('compile'),
    argv: o.lang.compile(sourceFile, { cacheDir: host.sandboxed ? SANDBOX_PATHS.cache : hostCacheDir, cacheReady: cacheDir !== null }),
    cacheDir,
    progDir: null,
    boxDir: buildDir,
    scratchDir: buildDir,
    memoryLimitKb: COMPILE.memoryLimitKb,
    processes: COMPILE.processes,
    boxSizeBytes: BOX_SIZE_BYTES,
    tmpSizeBytes: TMP_SIZE_BYTES,
    env: sandboxEnv(host.sandboxed ? SANDBOX_PATHS.box : buildDir),
  });
  const onAbort = () => session.kill('aborted');
  o.signal?.addEventListener('abort', onAbort);
  try {
    const outcome = await session.run({ limits: COMPILE.limits, stdin: '', fresh: false });
    o.signal?.throwIfAborted();
    const output = compilerMessage(outcome, COMPILE.limits.stderrBytes);
    if (outcome.status === 'crashed') {
      ctx.log('error', 'judge: the compile sandbox failed', { language: o.lang.id, detail: outcome.detail });
      return { ok: false, verdict: 'IE', compileOutput: 'The compiler could not be run.' };
    }
    const rv = runVerdict(outcome, { timeLimitMs: COMPILE.limits.cpuMs, memoryLimitKb: COMPILE.memoryLimitKb, memoryErrorPattern: null });
    if (rv.verdict !== null) {
      const why = rv.verdict === 'TLE' ? 'Compilation took too long.' : rv.verdict === 'MLE' ? 'Compilation used too much memory.' : '';
      return { ok: false, verdict: 'CE', compileOutput: [why, output].filter(Boolean).join('\n') };
    }
    return { ok: true, program, compileOutput: output.trim() ? output : null };
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await session.close();
  }
}

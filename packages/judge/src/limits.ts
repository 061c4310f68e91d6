// The job's limits (contract units) → the sandbox's. Converted once, here (1 KiB = 1024 bytes everywhere).
import type { JudgeLimits } from '@logicode/contracts';
import type { LanguageSpec } from './languages/index.js';
import type { RunLimits } from './sandbox/types.js';

/** bwrap's helpers and the supervisor, plus the page cache of pipe and tmpfs writes charged to the cgroup. */
export const SANDBOX_OVERHEAD_KB = 16_384;
/** A warm interpreter (LanguageSpec.warm) stays in the sandbox beside each test: Python's is ~12 MB RSS. */
export const WARM_OVERHEAD_KB = 24_576;
/**
 * A test forked from the warm interpreter starts with its pages (the modules it loaded to fork: socket, ctypes):
 * its peak RSS reads ~1.5-2 MB above a fresh `python3`'s, so the MLE threshold moves by as much.
 */
export const WARM_RSS_GRACE_KB = 2_048;
export const STDERR_CAP_BYTES = 64 * 1024;
export const COMPILE_OUTPUT_CAP_BYTES = 64 * 1024;
export const BOX_SIZE_BYTES = 64 * 1024 * 1024;
export const TMP_SIZE_BYTES = 64 * 1024 * 1024;

export function wallLimitMs(limits: JudgeLimits): number {
  return limits.wallLimitMs ?? 3 * limits.timeLimitMs + 1000;
}

export function testRunLimits(limits: JudgeLimits, lang: LanguageSpec, opts: { cgroups: boolean }): RunLimits {
  return {
    cpuMs: limits.timeLimitMs,
    wallMs: wallLimitMs(limits),
    fileSizeBytes: limits.outputLimitBytes,
    outputBytes: limits.outputLimitBytes,
    stderrBytes: STDERR_CAP_BYTES,
    // Explicit, so unbounded recursion ends as a SIGSEGV (RE) instead of growing until MLE or TLE.
    stackKb: lang.stackKb === 0 ? 0 : Math.min(lang.stackKb, limits.memoryLimitKb),
    addressSpaceKb: !opts.cgroups && lang.addressSpaceLimit ? limits.memoryLimitKb + lang.memoryGraceKb + SANDBOX_OVERHEAD_KB : 0,
    // RLIMIT_NPROC is per uid across the machine: only a loose backstop when there is no pids cgroup.
    processes: opts.cgroups ? 0 : lang.processes * 4,
    openFiles: lang.openFiles,
  };
}

/** The whole run sandbox's memory cgroup: the program's allowance plus what the sandbox itself uses. */
export function runCgroupMemoryKb(limits: JudgeLimits, lang: LanguageSpec): number {
  return limits.memoryLimitKb + lang.memoryGraceKb + SANDBOX_OVERHEAD_KB;
}

/** Compilers get fixed, generous limits (DMOJ: 10 s; g++ with bits/stdc++.h takes 2.3 s here). */
export const COMPILE = {
  memoryLimitKb: 1_048_576,
  processes: 128,
  limits: {
    cpuMs: 20_000,
    // CPU is the compiler's real limit; the wall limit only catches a hang, and a busy machine (the judge
    // yields the CPU to the api) can stretch a 1 s compile well past 30 s of real time.
    wallMs: 60_000,
    fileSizeBytes: 256 * 1024 * 1024,
    outputBytes: COMPILE_OUTPUT_CAP_BYTES,
    stderrBytes: COMPILE_OUTPUT_CAP_BYTES,
    stackKb: 65_536,
    addressSpaceKb: 0,
    processes: 0,
    openFiles: 256,
  } satisfies RunLimits,
};

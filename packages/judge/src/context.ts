import type { BuildCache } from './build-cache.js';
import type { SandboxHost } from './sandbox/host.js';

export type LogFn = (level: 'info' | 'warn' | 'error', msg: string, data?: object) => void;

/** What the pipeline needs from the judge that created it. */
export interface JudgeContext {
  host: SandboxHost;
  log: LogFn;
  /** A unique name for a sandbox (names its cgroups). */
  nextName: (purpose: string) => string;
  /** Fork each test from a warm interpreter where the language has one (LanguageSpec.warm). */
  warm: boolean;
  /** Successful builds by source and toolchain (compile once); null: compile every time. */
  buildCache: BuildCache | null;
}

/** The sandbox environment: nothing from the worker's (no DATABASE_URL, no tokens), a PATH and a UTF-8 locale. */
export function sandboxEnv(home: string): Record<string, string> {
  return { PATH: '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' };
}

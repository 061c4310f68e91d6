/** Limits for one run of a program inside a sandbox session; the sandbox adapter's own units. */
export interface RunLimits {
  cpuMs: number;
  wallMs: number;
  /** RLIMIT_FSIZE: the largest file the program may write (a flood into a file ends with SIGXFSZ). */
  fileSizeBytes: number;
  /** stdout is a pipe read by the supervisor, which kills the program past this many bytes. */
  outputBytes: number;
  /** stderr beyond this is read and dropped (it does not fail the run). */
  stderrBytes: number;
  /** RLIMIT_STACK; 0 keeps the default. */
  stackKb: number;
  /** RLIMIT_AS; 0 for none (it breaks Node and the JVM: sandbox-lab.md §2). */
  addressSpaceKb: number;
  /** RLIMIT_NPROC; 0 for none (it is per uid machine-wide, so only a fallback when there is no pids cgroup). */
  processes: number;
  openFiles: number;
}

export interface RunFile {
  name: string;
  data: string | Buffer;
}

export interface RunRequest {
  limits: RunLimits;
  stdin: string | Buffer;
  /** Files written into the work dir before the run (a custom checker's input/expected/actual). */
  files?: RunFile[];
  /** Run this instead of the session's program (a syntax check before the tests, in the same sandbox). */
  argv?: string[];
  /** Empty the work dir and /tmp first, so one test cannot see what an earlier one left. */
  fresh: boolean;
  /**
   * zygote-start: argv starts the language's warm interpreter, which checks the program and stays (a clean
   * exit when it is ready); zygote: this test is a clean child forked from it (a cold start if it is gone).
   */
  mode?: 'zygote-start' | 'zygote';
}

/**
 * ok: the program ended by itself; cpu/wall: killed over the limit; ole: killed over the output cap;
 * crashed: the sandbox itself died or hung (the program killed its supervisor, or the outer watchdog fired).
 */
export type RunStatus = 'ok' | 'cpu' | 'wall' | 'ole' | 'crashed';

export interface RunOutcome {
  status: RunStatus;
  exitCode: number | null;
  signal: number | null;
  cpuMs: number;
  wallMs: number;
  /** Peak resident set (wait4 ru_maxrss) of the program, not of bwrap. */
  memoryKb: number;
  /** The memory cgroup OOM-killed something during this run. */
  oomKilled: boolean;
  stdout: Buffer;
  stderr: Buffer;
  /** What the program wrote in all; more than stdout/stderr hold when the caps cut it off. */
  stdoutBytes: number;
  stderrBytes: number;
  /** Set when status is 'crashed': what the judge saw. */
  detail?: string;
  /** 'crashed' before the supervisor ever started: the sandbox's fault, not the program's. */
  sandboxFault?: boolean;
}

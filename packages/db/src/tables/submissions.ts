import type { Generated, Selectable } from 'kysely';

export interface SubmissionsTable {
  id: Generated<number>;
  userId: number;
  problemId: number;
  language: string;
  mode: 'run' | 'submit';
  status: 'queued' | 'running' | 'done';
  verdict: string | null;
  /** 0..100 */
  score: number | null;
  code: string;
  customInput: string | null;
  /** The reference solution's output on the custom input (migration 0201); null when there is none. */
  customExpectedOutput: string | null;
  /** The reference solution's verdict on the custom input; null = no reference solution was run. */
  customReferenceVerdict: string | null;
  compileOutput: string | null;
  testCount: number;
  maxCpuMs: number | null;
  maxMemoryKb: number | null;
  attemptId: number | null;
  autoSubmitted: number;
  /** How many times a worker picked it up; bounded so a poison job ends as IE. */
  tries: Generated<number>;
  createdAtMs: number;
  startedAtMs: number | null;
  finishedAtMs: number | null;
  /** A scored problem's points per test group: JSON of the judge's GroupResult[] (migration 0181); null otherwise. */
  groupPoints: string | null;
}
export type SubmissionRow = Selectable<SubmissionsTable>;

export interface SubmissionTestsTable {
  submissionId: number;
  idx: number;
  testId: string;
  verdict: string;
  cpuMs: number;
  wallMs: number;
  memoryKb: number;
  exitCode: number | null;
  signal: string | null;
  message: string | null;
  output: string;
  stderr: string;
  /** A validator's judgemessage.txt (migration 0181): authors see it, students on samples only. */
  judgeMessage: string | null;
  /** An interactive test's exchange (migration 0181), shown like the output. */
  transcript: string | null;
}
export type SubmissionTestRow = Selectable<SubmissionTestsTable>;

export interface SolvedTable {
  userId: number;
  problemId: number;
  submissionId: number;
  solvedAtMs: number;
}

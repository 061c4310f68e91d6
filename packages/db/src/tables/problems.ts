import type { Generated, Selectable } from 'kysely';

export interface ProblemsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  statement: string;
  category: string;
  difficulty: 'easy' | 'medium' | 'hard';
  /** JSON array of strings. */
  tags: string;
  style: 'stdio' | 'function';
  timeLimitMs: number;
  memoryLimitKb: number;
  /** JSON of the Checker contract. */
  checker: string;
  timedDurationSec: number | null;
  isPublished: number;
  /** Denormalised count of users who solved it, kept by the solved service. */
  solvedCount: Generated<number>;
  createdBy: number | null;
  createdAtMs: number;
  updatedAtMs: number;
  /** Set when archived (hidden from students and new assessments, everything that refers to it kept); migration 0140. */
  archivedAtMs: number | null;
  /** JSON of the Scoring contract (pass-fail, or scored test groups with points); null = pass-fail. Migration 0180. */
  scoring: string | null;
}
export type ProblemRow = Selectable<ProblemsTable>;

export interface ProblemLanguagesTable {
  problemId: number;
  language: string;
  starterCode: string;
  driverCode: string | null;
}

export interface TestCasesTable {
  id: Generated<number>;
  problemId: number;
  ordinal: number;
  input: string;
  expectedOutput: string;
  isSample: number;
  weight: number;
  /** The test's group in the problem's scoring (scored problems); migration 0180. */
  groupName: string | null;
  /** An interactive sample's exchange (`<` validator to program, `>` program to validator); migration 0180. */
  transcript: string | null;
}
export type TestCaseRow = Selectable<TestCasesTable>;

/** Never sent to anyone but admins. */
export interface ReferenceSolutionsTable {
  problemId: number;
  language: string;
  source: string;
}

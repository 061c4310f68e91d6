import type { Generated } from 'kysely';

/** Files a problem package brought besides its tests (images, validators, submissions); migration 0190. */
export interface ProblemPackageFilesTable {
  id: Generated<number>;
  problemId: number;
  /** '/'-separated path inside the package. */
  path: string;
  content: Uint8Array;
  sizeBytes: number;
}

/** The verification report of a package import; migration 0190. */
export interface ProblemPackageImportsTable {
  problemId: number;
  /** JSON of the PackageImportReport contract. */
  report: string;
  hasMismatch: number;
  createdBy: number | null;
  createdAtMs: number;
}

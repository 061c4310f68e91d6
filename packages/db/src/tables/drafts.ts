/** A student's unsent code per problem and language (migration 0200); one row each, replaced in place. */
export interface DraftsTable {
  userId: number;
  problemId: number;
  language: string;
  code: string;
  version: number;
  updatedAtMs: number;
}

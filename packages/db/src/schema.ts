import type {
  AssessmentAccommodationsTable, AssessmentAttemptsTable, AssessmentProblemsTable, AssessmentsTable, ClassInvitesTable,
  ClassMembersTable, ClassesTable, ScoreAdjustmentsTable,
} from './tables/assessments.js';
import type { DraftsTable } from './tables/drafts.js';
import type { PlagiarismPairsTable, PlagiarismRunsTable } from './tables/plagiarism.js';
import type { ProblemPackageFilesTable, ProblemPackageImportsTable } from './tables/problem-packages.js';
import type { ProblemLanguagesTable, ProblemsTable, ReferenceSolutionsTable, TestCasesTable } from './tables/problems.js';
import type {
  CodeSnapshotsTable, FlagAuditTable, ProblemSessionsTable, ProctorEventsTable, ProctorFlagsTable, ProctorSettingsTable,
} from './tables/proctoring.js';
import type { SolvedTable, SubmissionTestsTable, SubmissionsTable } from './tables/submissions.js';
import type { PasswordResetsTable, RefreshTokensTable, UsersTable } from './tables/users.js';

/** The whole database as Kysely sees it (camelCase here, snake_case in SQL via CamelCasePlugin). */
export interface Database {
  users: UsersTable;
  refreshTokens: RefreshTokensTable;
  passwordResets: PasswordResetsTable;
  problems: ProblemsTable;
  problemLanguages: ProblemLanguagesTable;
  testCases: TestCasesTable;
  referenceSolutions: ReferenceSolutionsTable;
  problemPackageFiles: ProblemPackageFilesTable;
  problemPackageImports: ProblemPackageImportsTable;
  submissions: SubmissionsTable;
  submissionTests: SubmissionTestsTable;
  drafts: DraftsTable;
  solved: SolvedTable;
  problemSessions: ProblemSessionsTable;
  proctorEvents: ProctorEventsTable;
  proctorSettings: ProctorSettingsTable;
  codeSnapshots: CodeSnapshotsTable;
  proctorFlags: ProctorFlagsTable;
  flagAudit: FlagAuditTable;
  plagiarismRuns: PlagiarismRunsTable;
  plagiarismPairs: PlagiarismPairsTable;
  classes: ClassesTable;
  classMembers: ClassMembersTable;
  classInvites: ClassInvitesTable;
  assessments: AssessmentsTable;
  assessmentProblems: AssessmentProblemsTable;
  assessmentAccommodations: AssessmentAccommodationsTable;
  assessmentAttempts: AssessmentAttemptsTable;
  scoreAdjustments: ScoreAdjustmentsTable;
}

import type { Generated, Selectable } from 'kysely';

/** A teacher's class (migration 0090-assessments). */
export interface ClassesTable {
  id: Generated<number>;
  name: string;
  teacherId: number;
  joinCode: string;
  createdAtMs: number;
}
export type ClassRow = Selectable<ClassesTable>;

export interface ClassMembersTable {
  classId: number;
  userId: number;
  joinedAtMs: number;
}

/** An invited email without an account yet; claimed when that person lists their classes. */
export interface ClassInvitesTable {
  classId: number;
  email: string;
  invitedBy: number;
  invitedAtMs: number;
}

export interface AssessmentsTable {
  id: Generated<number>;
  classId: number;
  title: string;
  instructions: string;
  windowStartAtMs: number;
  windowEndAtMs: number;
  durationMs: number;
  /** JSON ProctorSettings; null = each problem's own rules. */
  proctoring: string | null;
  showResults: number;
  scoring: 'best' | 'last';
  status: 'draft' | 'published' | 'closed';
  createdBy: number;
  createdAtMs: number;
  updatedAtMs: number;
  publishedAtMs: number | null;
  closedAtMs: number | null;
}
export type AssessmentRow = Selectable<AssessmentsTable>;

export interface AssessmentProblemsTable {
  assessmentId: number;
  problemId: number;
  ordinal: number;
  points: number;
}

export interface AssessmentAccommodationsTable {
  assessmentId: number;
  userId: number;
  extraTimeMs: number;
}

/** One per student and assessment; the deadline is the server's: min(start + duration + extra, window end). */
export interface AssessmentAttemptsTable {
  id: Generated<number>;
  assessmentId: number;
  userId: number;
  startedAtMs: number;
  consentAtMs: number;
  deadlineAtMs: number;
  endedAtMs: number | null;
  endReason: 'deadline' | 'submitted' | 'closed' | null;
}
export type AssessmentAttemptRow = Selectable<AssessmentAttemptsTable>;

/** The audit of manual score changes: never updated or deleted. */
export interface ScoreAdjustmentsTable {
  id: Generated<number>;
  assessmentId: number;
  userId: number;
  problemId: number | null;
  deltaPoints: number;
  reason: string;
  actorId: number;
  createdAtMs: number;
}

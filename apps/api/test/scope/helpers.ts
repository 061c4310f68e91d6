// One school for the scope tests: two teachers, each with a class; a student in each class, a second student
// in teacher A's class, and everything a teacher can read about them (an attempt, events, a flag, submissions,
// plagiarism pairs) stored directly as ingestion, the judge and the plagiarism worker would store it.
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../helpers/test-app.js';
import { classWith, ok, type Person } from '../assessments/helpers.js';
import { importProblem, type Headers } from '../proctor/helpers.js';

export interface StudentRecord extends Person {
  name: string;
  attemptId: number;
  eventId: string;
  flagId: number;
  submissionId: number;
}

export interface School {
  admin: Person;
  teacherA: Person;
  teacherB: Person;
  /** In teacher A's class. */
  alice: StudentRecord;
  /** Also in teacher A's class (so A has a pair of their own). */
  amir: StudentRecord;
  /** In teacher B's class only. */
  bella: StudentRecord;
  problemId: number;
  problemTitle: string;
  classA: number;
  classB: number;
  /** alice–amir (both A's) and alice–bella (across classes). */
  pairInside: number;
  pairAcross: number;
}

let keys = 0;

async function record(t: TestApp, person: Person, name: string, problemId: number): Promise<StudentRecord> {
  const { db } = t.runtime.db;
  const now = Date.now();
  const attemptId = Number((await db.insertInto('problemSessions').values({
    userId: person.id, problemId, assessmentId: null, startedAtMs: now - 60_000, lastHeartbeatAtMs: now, endedAtMs: null, endReason: null,
    deadlineAtMs: null, isActive: 1, language: 'python', counters: '{}', integrityScore: 100,
  }).executeTakeFirstOrThrow()).insertId);
  const eventId = randomUUID();
  await t.runtime.db.shards.forUser(person.id).insertInto('proctorEvents').values({
    id: eventId, userId: person.id, problemId, attemptId, type: 'paste', severity: 'high', payload: JSON.stringify({ length: 900, place: 'editor' }),
    clientTsMs: now - 1000, createdAtMs: now - 1000,
  }).execute();
  keys += 1;
  const flagId = Number((await db.insertInto('proctorFlags').values({
    attemptId, userId: person.id, problemId, rule: 'large_paste', reason: 'Pasted 900 characters', severity: 'high', status: 'open', note: null,
    createdAtMs: now, updatedAtMs: now, eventId, dedupeKey: `scope-test-${keys}`, reviewedBy: null, reviewedAtMs: null,
  }).executeTakeFirstOrThrow()).insertId);
  const submissionId = Number((await db.insertInto('submissions').values({
    userId: person.id, problemId, language: 'python', mode: 'submit', status: 'done', verdict: 'AC', score: 100,
    code: `# ${name}'s code\nprint(sum(map(int, input().split())))\n`, customInput: null, compileOutput: null, testCount: 4, maxCpuMs: 1, maxMemoryKb: 1,
    attemptId: null, autoSubmitted: 0, createdAtMs: now, startedAtMs: now, finishedAtMs: now,
  }).executeTakeFirstOrThrow()).insertId);
  return { ...person, name, attemptId, eventId, flagId, submissionId };
}

async function pair(t: TestApp, problemId: number, left: StudentRecord, right: StudentRecord): Promise<number> {
  const fragments = [{ left: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 8 }, right: { startLine: 1, startColumn: 1, endLine: 2, endColumn: 8 }, tokens: 17 }];
  return Number((await t.runtime.db.db.insertInto('plagiarismPairs').values({
    problemId, runId: null, leftSubmissionId: left.submissionId, rightSubmissionId: right.submissionId, leftUserId: left.id, rightUserId: right.id,
    language: 'python', similarity: 0.9, longestFragmentTokens: 17, leftMatchedTokens: 10, rightMatchedTokens: 10, leftTotalTokens: 12,
    rightTotalTokens: 12, fragmentCount: 1, fragments: JSON.stringify(fragments), createdAtMs: Date.now(),
  }).executeTakeFirstOrThrow()).insertId);
}

export async function buildSchool(t: TestApp): Promise<School> {
  const admin = await t.userWithRole('admin', 'Ada Admin');
  const teacherA = await t.userWithRole('teacher', 'Teacher Anna');
  const teacherB = await t.userWithRole('teacher', 'Teacher Ben');
  const problemTitle = 'Scope Sum';
  const problemId = await importProblem(t, admin.headers, { slug: `scope-sum-${Date.now()}`, title: problemTitle });
  const people = {
    alice: await t.userWithRole('student', 'Alice Chen'),
    amir: await t.userWithRole('student', 'Amir Khan'),
    bella: await t.userWithRole('student', 'Bella Diaz'),
  };
  const classA = await classWith(t, teacherA.headers, [people.alice, people.amir], 'Class A');
  const classB = await classWith(t, teacherB.headers, [people.bella], 'Class B');
  const alice = await record(t, people.alice, 'Alice Chen', problemId);
  const amir = await record(t, people.amir, 'Amir Khan', problemId);
  const bella = await record(t, people.bella, 'Bella Diaz', problemId);
  return {
    admin, teacherA, teacherB, alice, amir, bella, problemId, problemTitle, classA, classB,
    pairInside: await pair(t, problemId, alice, amir),
    pairAcross: await pair(t, problemId, alice, bella),
  };
}

export async function get(t: TestApp, url: string, headers: Headers) {
  return t.app.inject({ method: 'GET', url, headers });
}

export { ok };

/**
 * Puts students in a class of the teacher's, directly (for tests about something else that need a teacher who
 * sees these students: a teacher sees the students of their own classes, docs/access.md).
 */
export async function enrol(t: TestApp, teacherId: number, studentIds: number[]): Promise<number> {
  const { db } = t.runtime.db;
  keys += 1;
  const classId = Number((await db.insertInto('classes').values({
    name: `Enrolled ${keys}`, teacherId, joinCode: randomUUID().slice(0, 8).toUpperCase(), createdAtMs: Date.now(),
  }).executeTakeFirstOrThrow()).insertId);
  for (const userId of studentIds) await db.insertInto('classMembers').values({ classId, userId, joinedAtMs: Date.now() }).execute();
  return classId;
}

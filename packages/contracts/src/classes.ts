import { z } from 'zod';
import { pathIdSchema } from './common.js';

/**
 * Classes: a teacher's group of students. Teachers own their classes (admins see all); a student sees only the
 * classes they belong to. Students join by the class's join code, or are invited by email (an email without an
 * account yet waits as a pending invite and is claimed when that person signs in and lists their classes).
 */
const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: 'Enter valid email addresses.' })).pipe(z.string().max(254));
/** One address of a bulk invite; checked one by one (core), so a bad one is named instead of refusing the list. */
export const inviteEmailSchema = emailSchema;

/** Join codes: 8 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const JOIN_CODE_LENGTH = 8;
export const joinCodeSchema = z.string().trim().toUpperCase().regex(/^[A-HJ-KM-NP-Z2-9]{8}$/, 'Enter the 8-character class code.');

/** POST /api/classes (teacher, admin). */
export const createClassBodySchema = z.object({ name: z.string().trim().min(1, 'Name the class.').max(100) });
export type CreateClassBody = z.infer<typeof createClassBodySchema>;

export const classSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  teacherId: z.number().int(),
  teacherName: z.string(),
  /** Only for the class's teacher and admins; null for students. */
  joinCode: z.string().nullable(),
  studentCount: z.number().int(),
  createdAtMs: z.number().int(),
});
export type ClassSummary = z.infer<typeof classSummarySchema>;

/** GET /api/classes: teacher = own classes, admin = all, student = the classes they belong to. */
export const classListSchema = z.object({ items: z.array(classSummarySchema) });

export const classMemberSchema = z.object({
  userId: z.number().int(),
  name: z.string(),
  email: z.string(),
  joinedAtMs: z.number().int(),
});
export type ClassMember = z.infer<typeof classMemberSchema>;

export const classInviteSchema = z.object({ email: z.string(), invitedAtMs: z.number().int() });

/** GET /api/classes/:id (the class's teacher, admin): the roster and the invites not yet claimed. */
export const classRosterSchema = z.object({
  class: classSummarySchema,
  students: z.array(classMemberSchema),
  pendingInvites: z.array(classInviteSchema),
});
export type ClassRoster = z.infer<typeof classRosterSchema>;

/** POST /api/classes/:id/invites: a list of emails (pasted, one per line or comma-separated, split by the client). */
export const inviteBodySchema = z.object({ emails: z.array(z.string().max(320)).min(1).max(500) });
export type InviteBody = z.infer<typeof inviteBodySchema>;

/** Each email lands in one list: added now (a student account exists), pending (no account yet), or skipped. */
export const inviteResultSchema = z.object({
  added: z.array(z.string()),
  pending: z.array(z.string()),
  alreadyMembers: z.array(z.string()),
  /** Accounts that are teachers or admins: they are not enrolled as students. */
  notStudents: z.array(z.string()),
  /** Not email addresses: nobody was invited for these (the valid ones of the same list were). */
  invalid: z.array(z.string()).default([]),
});
export type InviteResult = z.infer<typeof inviteResultSchema>;

/** POST /api/classes/join (student): the class joined (idempotent). */
export const joinClassBodySchema = z.object({ code: joinCodeSchema });
export type JoinClassBody = z.infer<typeof joinClassBodySchema>;

/** DELETE /api/classes/:id/students/:userId (the class's teacher, admin). */
export const classStudentParamsSchema = z.object({
  id: pathIdSchema,
  userId: pathIdSchema,
});

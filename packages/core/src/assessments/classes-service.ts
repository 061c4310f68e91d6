import { randomInt } from 'node:crypto';
import {
  AppError, JOIN_CODE_LENGTH, inviteEmailSchema, type ClassRoster, type ClassSummary, type InviteResult,
} from '@logicode/contracts';
import type { ClassRow } from '@logicode/db';
import { SCOPE_CHANNEL, teacherScopeOf, type ScopeChangeMessage } from '../access/teacher-scope.js';
import type { Actor, CoreDeps } from '../context.js';
import { isUniqueViolation, type Access } from './access.js';

/** No look-alikes (0/O, 1/I/L): codes are read aloud and typed from a projector. Matches joinCodeSchema. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export type ClassesService = ReturnType<typeof createClassesService>;

export function createClassesService(deps: CoreDeps, access: Access) {
  const { db } = deps.db;

  async function summaries(actor: Actor, rows: ClassRow[]): Promise<ClassSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [counts, teachers] = await Promise.all([
      db.selectFrom('classMembers').select(['classId', (eb) => eb.fn.countAll<number>().as('n')]).where('classId', 'in', ids).groupBy('classId').execute(),
      db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.teacherId))]).execute(),
    ]);
    const countOf = new Map(counts.map((c) => [c.classId, Number(c.n)]));
    const nameOf = new Map(teachers.map((t) => [t.id, t.name]));
    return rows.map((r) => ({
      id: r.id, name: r.name, teacherId: r.teacherId, teacherName: nameOf.get(r.teacherId) ?? '',
      joinCode: access.owns(actor, r) ? r.joinCode : null, studentCount: countOf.get(r.id) ?? 0, createdAtMs: Number(r.createdAtMs),
    }));
  }

  /** Pending invites for the student's email become memberships (the invite was made before the account). */
  async function claimInvites(actor: Actor): Promise<void> {
    const user = await db.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirst();
    if (!user) return;
    const invites = await db.selectFrom('classInvites').select('classId').where('email', '=', user.email.toLowerCase()).execute();
    for (const invite of invites) await addMember(invite.classId, actor.userId);
    if (invites.length > 0) await db.deleteFrom('classInvites').where('email', '=', user.email.toLowerCase()).execute();
  }

  /** true if added now, false if already a member. */
  async function addMember(classId: number, userId: number): Promise<boolean> {
    try {
      await db.insertInto('classMembers').values({ classId, userId, joinedAtMs: deps.clock.now() }).execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  return {
    async create(actor: Actor, name: string): Promise<ClassSummary> {
      for (let tries = 0; ; tries += 1) {
        try {
          const inserted = await db.insertInto('classes').values({ name, teacherId: actor.userId, joinCode: newJoinCode(), createdAtMs: deps.clock.now() })
            .executeTakeFirstOrThrow();
          const row = await db.selectFrom('classes').selectAll().where('id', '=', Number(inserted.insertId)).executeTakeFirstOrThrow();
          return (await summaries(actor, [row]))[0]!;
        } catch (error) {
          // 31^8 codes: a clash is rare; try a fresh one a few times.
          if (!isUniqueViolation(error) || tries >= 4) throw error;
        }
      }
    },

    async list(actor: Actor): Promise<ClassSummary[]> {
      let q = db.selectFrom('classes').selectAll('classes');
      if (actor.role === 'teacher') q = q.where('teacherId', '=', actor.userId);
      if (actor.role === 'student') {
        await claimInvites(actor);
        q = q.innerJoin('classMembers', 'classMembers.classId', 'classes.id').where('classMembers.userId', '=', actor.userId);
      }
      return summaries(actor, await q.orderBy('classes.id').execute());
    },

    async roster(actor: Actor, classId: number): Promise<ClassRoster> {
      const cls = await access.ownedClass(actor, classId);
      const [students, invites] = await Promise.all([
        db.selectFrom('classMembers').innerJoin('users', 'users.id', 'classMembers.userId')
          .select(['users.id as userId', 'users.name', 'users.email', 'classMembers.joinedAtMs'])
          .where('classMembers.classId', '=', classId).orderBy('users.name').orderBy('users.id').execute(),
        db.selectFrom('classInvites').select(['email', 'invitedAtMs']).where('classId', '=', classId).orderBy('email').execute(),
      ]);
      return {
        class: (await summaries(actor, [cls]))[0]!,
        students: students.map((s) => ({ ...s, joinedAtMs: Number(s.joinedAtMs) })),
        pendingInvites: invites.map((i) => ({ email: i.email, invitedAtMs: Number(i.invitedAtMs) })),
      };
    },

    async invite(actor: Actor, classId: number, emails: string[]): Promise<InviteResult> {
      await access.ownedClass(actor, classId);
      // Each address on its own: a typo is named in `invalid` and the rest of the list is still invited.
      const invalid: string[] = [];
      const valid: string[] = [];
      for (const raw of emails) {
        const parsed = inviteEmailSchema.safeParse(raw);
        if (parsed.success) valid.push(parsed.data);
        else if (raw.trim()) invalid.push(raw.trim());
      }
      const unique = [...new Set(valid)];
      const result: InviteResult = { added: [], pending: [], alreadyMembers: [], notStudents: [], invalid: [...new Set(invalid)] };
      if (unique.length === 0) return result;
      const users = await db.selectFrom('users').select(['id', 'email', 'role']).where('email', 'in', unique).execute();
      const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
      for (const email of unique) {
        const user = byEmail.get(email);
        if (!user) {
          const exists = await db.selectFrom('classInvites').select('email').where('classId', '=', classId).where('email', '=', email).executeTakeFirst();
          if (!exists) await db.insertInto('classInvites').values({ classId, email, invitedBy: actor.userId, invitedAtMs: deps.clock.now() }).execute();
          result.pending.push(email);
        } else if (user.role !== 'student') {
          result.notStudents.push(email);
        } else if (await addMember(classId, user.id)) {
          result.added.push(email);
        } else {
          result.alreadyMembers.push(email);
        }
      }
      return result;
    },

    async removeStudent(actor: Actor, classId: number, userId: number): Promise<void> {
      const cls = await access.ownedClass(actor, classId);
      const done = await db.deleteFrom('classMembers').where('classId', '=', classId).where('userId', '=', userId).executeTakeFirst();
      if (Number(done.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'This student is not in the class.');
      const change: ScopeChangeMessage = { teacherId: cls.teacherId, studentId: userId };
      teacherScopeOf(deps).forget(change);
      await deps.pubsub.publish(SCOPE_CHANNEL, change);
    },

    /** Students only; joining twice is fine. A wrong code is NOT_FOUND. */
    async join(actor: Actor, code: string): Promise<ClassSummary> {
      if (actor.role !== 'student') throw new AppError('FORBIDDEN', 'Only students join classes; teachers create them.');
      const cls = await db.selectFrom('classes').selectAll().where('joinCode', '=', code.toUpperCase()).executeTakeFirst();
      if (!cls) throw new AppError('NOT_FOUND', 'No class has this code.');
      await addMember(cls.id, actor.userId);
      return (await summaries(actor, [cls]))[0]!;
    },
  };
}

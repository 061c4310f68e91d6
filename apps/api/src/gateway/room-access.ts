import { teacherScopeOf, type Actor, type Runtime } from '@logicode/core';

const ROOM = /^feed:(all|problem|student|assessment|teacher)(?::([1-9]\d{0,15}))?$/;

/**
 * Whether the actor may join a feed room, checked per room against the one scope rule (docs/access.md):
 * - feed:all and feed:problem:<id>: everyone's events, so admins only (or any teacher with TEACHER_SCOPE=all);
 * - feed:student:<id>: a student in the caller's scope (their class; an admin: anyone);
 * - feed:assessment:<id>: an existing assessment the caller owns (an admin: any existing one);
 * - feed:teacher:<id>: that teacher's own dashboard feed, and only theirs.
 * Students join no feed room (their own user room is joined at connection). A refusal does not say whether the
 * room's subject exists.
 */
export async function mayJoinRoom(runtime: Runtime, actor: Actor, room: string): Promise<boolean> {
  if (actor.role !== 'teacher' && actor.role !== 'admin') return false;
  const match = ROOM.exec(room);
  if (!match) return false;
  const [, kind, idText] = match;
  const id = idText === undefined ? null : Number(idText);
  const scope = teacherScopeOf(runtime.core.deps);
  switch (kind) {
    case 'all':
      return id === null && scope.seesEveryone(actor);
    case 'problem':
      return id !== null && scope.seesEveryone(actor);
    case 'student':
      return id !== null && scope.hasStudent(actor, id);
    case 'assessment':
      return id !== null && scope.ownsAssessment(actor, id);
    case 'teacher':
      return id !== null && actor.role === 'teacher' && id === actor.userId;
    default:
      return false;
  }
}

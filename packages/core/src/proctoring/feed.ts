import { rooms, type ServerToClientEvents } from '@logicode/contracts';
import type { PubSub } from '@logicode/platform';
import { teacherScopeOf } from '../access/teacher-scope.js';
import type { CoreDeps } from '../context.js';
import { emitToRoom } from '../realtime.js';

/**
 * Publishes one event to several rooms as one message through the gateway's pub/sub channel (never to
 * everyone): one PUBLISH instead of one per room, and a teacher in two of the rooms gets it once.
 */
export async function emitTo<E extends keyof ServerToClientEvents>(
  pubsub: PubSub,
  targetRooms: string[],
  event: E,
  payload: Parameters<ServerToClientEvents[E]>[0],
): Promise<void> {
  await emitToRoom(pubsub, targetRooms.length === 1 ? targetRooms[0]! : targetRooms, event, payload);
}

/**
 * The teacher feed rooms that watch this student at this problem: the admins' feed:all and feed:problem:<id>,
 * feed:student:<id> (joinable only by those who have the student in scope), and feed:teacher:<id> of each
 * teacher whose class holds the student (that teacher's dashboard). The student's teachers are cached briefly
 * (SCOPE_FRESH_MS), so a burst of events costs one lookup; the event stays one message (emitTo).
 */
export async function feedRooms(deps: CoreDeps, userId: number, problemId: number): Promise<string[]> {
  const teachers = await teacherScopeOf(deps).teachersOf(userId);
  return [rooms.feedAll(), rooms.feedProblem(problemId), rooms.feedStudent(userId), ...teachers.map((id) => rooms.feedTeacher(id))];
}

import { rooms, type ServerToClientEvents } from '@logicode/contracts';
import type { PubSub } from '@logicode/platform';
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

/** The teacher feed rooms that watch this student at this problem. */
export function feedRooms(userId: number, problemId: number): string[] {
  return [rooms.feedAll(), rooms.feedProblem(problemId), rooms.feedStudent(userId)];
}

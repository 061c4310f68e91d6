import { rooms, type ServerToClientEvents } from '@logicode/contracts';
import type { PubSub } from '@logicode/platform';

/**
 * The pub/sub channel the api gateway relays to Socket.IO rooms. Workers and api processes publish here;
 * every gateway emits the message to the named rooms of its own sockets (with the Redis pub/sub, that is
 * every api process), so nothing is broadcast to everyone.
 */
export const SOCKET_EMIT_CHANNEL = 'socket:emit';

export interface SocketEmitMessage<E extends keyof ServerToClientEvents = keyof ServerToClientEvents> {
  rooms: string[];
  event: E;
  payload: Parameters<ServerToClientEvents[E]>[0];
}

export async function emitTo<E extends keyof ServerToClientEvents>(
  pubsub: PubSub,
  targetRooms: string[],
  event: E,
  payload: Parameters<ServerToClientEvents[E]>[0],
): Promise<void> {
  const message: SocketEmitMessage<E> = { rooms: targetRooms, event, payload };
  await pubsub.publish(SOCKET_EMIT_CHANNEL, message);
}

/** The teacher feed rooms that watch this student at this problem. */
export function feedRooms(userId: number, problemId: number): string[] {
  return [rooms.feedAll(), rooms.feedProblem(problemId), rooms.feedStudent(userId)];
}

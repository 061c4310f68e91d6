import type { ServerToClientEvents } from '@logicode/contracts';
import type { PubSub } from '@logicode/platform';

/** The pub/sub channel on which any process (api or worker) asks the Socket.IO gateways to emit to a room. */
export const SOCKET_EMIT_CHANNEL = 'socket:emit';

export interface SocketEmitMessage<E extends keyof ServerToClientEvents = keyof ServerToClientEvents> {
  /** One room, or several (Socket.IO sends once to a socket that is in more than one). */
  room: string | string[];
  event: E;
  payload: Parameters<ServerToClientEvents[E]>[0];
}

/** Publishes one Socket.IO event to a room, wherever its members are connected. */
export function emitToRoom<E extends keyof ServerToClientEvents>(
  pubsub: PubSub,
  room: string | string[],
  event: E,
  payload: Parameters<ServerToClientEvents[E]>[0],
): Promise<void> {
  const message: SocketEmitMessage<E> = { room, event, payload };
  return pubsub.publish(SOCKET_EMIT_CHANNEL, message);
}

// The only module that imports socket.io-client (lint enforces it): features subscribe through these
// helpers, so the transport can change without touching them.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@logicode/contracts';
import { onSessionChange } from './session-events.js';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;

let socket: AppSocket | null = null;
const connectionListeners = new Set<(connected: boolean) => void>();

/** One connection per tab, authenticated by the same-origin access cookie. */
export function getSocket(): AppSocket {
  if (!socket) {
    socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
    socket.on('connect', () => connectionListeners.forEach((fn) => fn(true)));
    socket.on('disconnect', () => connectionListeners.forEach((fn) => fn(false)));
    socket.on('connect_error', () => connectionListeners.forEach((fn) => fn(false)));
  }
  return socket;
}

/** After sign-in or sign-out the cookie changed: reconnect so the server puts us in the right rooms. */
export function resetSocket(): void {
  if (!socket) return;
  // Same object, new handshake: listeners registered by mounted components stay attached.
  socket.disconnect().connect();
}
onSessionChange(resetSocket);

export function isSocketConnected(): boolean {
  return socket?.connected ?? false;
}

/** Subscribes to one server event; returns the unsubscribe function (use it in an effect's cleanup). */
export function onSocketEvent<E extends EventName>(event: E, handler: ServerToClientEvents[E]): () => void {
  const s = getSocket();
  // socket.io's typed emitter needs the cast: its listener type is a conditional over E.
  s.on(event, handler as never);
  return () => {
    s.off(event, handler as never);
  };
}

export function onConnectionChange(listener: (connected: boolean) => void): () => void {
  connectionListeners.add(listener);
  getSocket();
  return () => {
    connectionListeners.delete(listener);
  };
}

/** Joins a teacher feed room; resolves with the server's answer (or a timeout). Rejoins after reconnects. */
export function joinFeed(room: string): { ready: Promise<boolean>; leave: () => void } {
  const s = getSocket();
  const join = () =>
    new Promise<boolean>((resolve) => {
      s.timeout(5000).emit('feed:join', room, (err: Error | null, result?: { ok: boolean }) => resolve(!err && Boolean(result?.ok)));
    });
  const ready = join();
  const onReconnect = () => void join();
  s.on('connect', onReconnect);
  return {
    ready,
    leave: () => {
      s.off('connect', onReconnect);
      s.emit('feed:leave', room);
    },
  };
}

import type { Server, Socket } from 'socket.io';
import { rooms, type ClientToServerEvents, type ServerToClientEvents, type SessionEndReason } from '@logicode/contracts';
import type { Actor, SessionChangeMessage, VerifiedAccessToken } from '@logicode/core';

/** What a connected socket knows about its session: who, in which sign-in, until when its token is good. */
export interface SocketSession {
  actor: Actor;
  sessionId: string | null;
  expiresAtMs: number;
}

export type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketSession>;
export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketSession>;

export function socketSessionOf(verified: VerifiedAccessToken): SocketSession {
  return { actor: verified.actor, sessionId: verified.sessionId, expiresAtMs: verified.expiresAtMs };
}

/** setTimeout's longest delay (~24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The lifecycle of sockets' sessions: a socket whose access token expires is ended unless it re-authenticated
 * ('auth:refresh'), and a session change published on SESSION_CHANNEL (sign-out, password or role change, an
 * admin's revoke) ends the sockets it names. Ending = one 'session:ended' with the reason, then disconnect, so the
 * client knows whether to refresh and reconnect or to show that the session is over.
 */
export function createSocketSessions(io: GatewayServer) {
  const expiryTimers = new Map<string, NodeJS.Timeout>();

  function end(socket: GatewaySocket, reason: SessionEndReason): void {
    clearTimeout(expiryTimers.get(socket.id));
    expiryTimers.delete(socket.id);
    if (!socket.connected) return;
    socket.emit('session:ended', { reason });
    socket.disconnect(true);
  }

  function scheduleExpiry(socket: GatewaySocket): void {
    clearTimeout(expiryTimers.get(socket.id));
    const delayMs = Math.min(Math.max(0, socket.data.expiresAtMs - Date.now()), MAX_TIMER_MS);
    expiryTimers.set(socket.id, setTimeout(() => end(socket, 'expired'), delayMs));
  }

  return {
    end,

    /** Call on connection: the socket ends when its token does, unless renewed; timers go with the socket. */
    track(socket: GatewaySocket): void {
      scheduleExpiry(socket);
      socket.on('disconnect', () => {
        clearTimeout(expiryTimers.get(socket.id));
        expiryTimers.delete(socket.id);
      });
    },

    /**
     * In-place re-authentication with a fresher token of the same user and role. A changed role is refused: the
     * socket's rooms were granted to the old one, so the client reconnects instead.
     */
    renew(socket: GatewaySocket, verified: VerifiedAccessToken): { ok: true } | { ok: false; error: string } {
      const { actor } = socket.data;
      if (verified.actor.userId !== actor.userId) return { ok: false, error: 'FORBIDDEN' };
      if (verified.actor.role !== actor.role) return { ok: false, error: 'ROLE_CHANGED' };
      socket.data = socketSessionOf(verified);
      scheduleExpiry(socket);
      return { ok: true };
    },

    /** A session change from any process: end this process's sockets of the user that it concerns. */
    handle(message: SessionChangeMessage): void {
      const ids = io.of('/').adapter.rooms.get(rooms.user(message.userId));
      if (!ids) return;
      for (const id of [...ids]) {
        const socket = io.of('/').sockets.get(id);
        if (!socket) continue;
        if (message.sessionId !== undefined && socket.data.sessionId !== message.sessionId) continue;
        if (message.exceptSessionId !== undefined && socket.data.sessionId === message.exceptSessionId) continue;
        end(socket, message.reason);
      }
    },

    close(): void {
      for (const timer of expiryTimers.values()) clearTimeout(timer);
      expiryTimers.clear();
    },
  };
}

import type { FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import { rooms, type ClientToServerEvents, type ServerToClientEvents } from '@logicode/contracts';
import {
  SCOPE_CHANNEL, SESSION_CHANNEL, SOCKET_EMIT_CHANNEL, teacherScopeOf, type Actor, type Runtime, type ScopeChangeMessage, type SessionChangeMessage,
  type SocketEmitMessage,
} from '@logicode/core';
import { ACCESS_COOKIE } from '../plugins/auth.js';
import { originAllowed } from './origin-check.js';
import { mayJoinRoom } from './room-access.js';
import { createSocketSessions, socketSessionOf, type GatewaySocket, type SocketSession } from './socket-sessions.js';

/**
 * Which feed rooms a caller may join, checked per room (room-access.ts). Asynchronous: the check reads which
 * classes and assessments are the teacher's. Students only ever have their own user room.
 */
export async function mayJoin(actor: Actor, room: string, runtime: Runtime): Promise<boolean> {
  return mayJoinRoom(runtime, actor, room);
}

export interface GatewayOptions {
  /** PUBLIC_ORIGINS: the origins whose pages may connect; empty = the request's own host (see origin-check.ts). */
  publicOrigins: readonly string[];
}

/**
 * Socket.IO on the api's HTTP server. Connections authenticate with the same access token as HTTP (its session
 * epoch included) and end with it (socket-sessions.ts). Every api process subscribes to SOCKET_EMIT_CHANNEL and
 * SESSION_CHANNEL and acts on its own local sockets, so a message published once (by a worker or another api
 * process) reaches the room's members, or ends the user's sockets, wherever they are connected.
 */
export async function attachGateway(app: FastifyInstance, runtime: Runtime, options: GatewayOptions = { publicOrigins: [] }): Promise<Server> {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketSession>(app.server, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: false },
    // Runs for the polling handshake and the WebSocket upgrade alike: a foreign page gets 403 before any cookie is used.
    allowRequest: (request, callback) => callback(null, originAllowed(request, options.publicOrigins)),
  });
  const sessions = createSocketSessions(io);

  const tokenOf = (socket: GatewaySocket): string | null => {
    const fromAuth = typeof socket.handshake.auth?.token === 'string' ? (socket.handshake.auth.token as string) : null;
    return fromAuth ?? app.parseCookie(socket.handshake.headers.cookie ?? '')[ACCESS_COOKIE] ?? null;
  };

  io.use(async (socket, next) => {
    try {
      const token = tokenOf(socket);
      if (!token) return next(new Error('UNAUTHENTICATED'));
      socket.data = socketSessionOf(await runtime.core.accounts.verifySession(token));
      return next();
    } catch (error) {
      return next(new Error((error as { code?: string }).code ?? 'UNAUTHENTICATED'));
    }
  });

  app.metrics?.countWebsockets(() => io.of('/').sockets.size);
  io.on('connection', (socket: GatewaySocket) => {
    void socket.join(rooms.user(socket.data.actor.userId));
    sessions.track(socket);
    // A session change published between the handshake's check and this join missed the socket: check once more
    // now that it is in its user room (from memory: no I/O on the usual path).
    runtime.core.accounts.verifySession(tokenOf(socket) ?? '').catch(() => sessions.end(socket, 'expired'));
    socket.on('feed:join', async (room, ack) => {
      const respond = typeof ack === 'function' ? ack : () => undefined;
      const { actor } = socket.data;
      let allowed = false;
      try {
        allowed = typeof room === 'string' && (await mayJoin(actor, room, runtime));
      } catch (error) {
        app.log.error({ err: error, room }, 'feed:join check failed');
      }
      // The check may have awaited: a socket ended or re-authenticated meanwhile does not join on the old answer.
      if (!allowed || !socket.connected || socket.data.actor !== actor) return respond({ ok: false, error: 'FORBIDDEN' });
      void socket.join(room);
      return respond({ ok: true });
    });
    socket.on('feed:leave', (room) => {
      if (typeof room === 'string' && room.startsWith('feed:')) void socket.leave(room);
    });
    socket.on('auth:refresh', async (token, ack) => {
      const respond = typeof ack === 'function' ? ack : () => undefined;
      if (typeof token !== 'string') return respond({ ok: false, error: 'VALIDATION' });
      try {
        const verified = await runtime.core.accounts.verifySession(token);
        const result = sessions.renew(socket, verified);
        return respond(result.ok ? { ok: true, accessTokenExpiresAt: new Date(verified.expiresAtMs).toISOString() } : result);
      } catch (error) {
        return respond({ ok: false, error: (error as { code?: string }).code ?? 'UNAUTHENTICATED' });
      }
    });
  });

  const unsubscribeEmits = await runtime.platform.pubsub.subscribe(SOCKET_EMIT_CHANNEL, (message) => {
    const { room, event, payload } = message as SocketEmitMessage;
    // A list of rooms is one emit: a socket in several of them (feed:all and feed:student:7) gets it once.
    if (!(typeof room === 'string' || (Array.isArray(room) && room.every((r) => typeof r === 'string'))) || typeof event !== 'string') return;
    (io.local.to(room) as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload);
  });
  // A student left a teacher's class: this process forgets its memo of both, and the sockets that joined the
  // student's feed room while the student was in scope are asked again (rooms are otherwise checked only at join).
  const unsubscribeScope = await runtime.platform.pubsub.subscribe(SCOPE_CHANNEL, (message) => {
    const change = message as ScopeChangeMessage;
    if (typeof change?.teacherId !== 'number' || typeof change.studentId !== 'number') return;
    teacherScopeOf(runtime.core.deps).forget(change);
    const room = rooms.feedStudent(change.studentId);
    for (const id of [...(io.of('/').adapter.rooms.get(room) ?? [])]) {
      const socket = io.of('/').sockets.get(id);
      if (!socket) continue;
      void mayJoin(socket.data.actor, room, runtime).then((allowed) => allowed || void socket.leave(room), () => void socket.leave(room));
    }
  });
  const unsubscribeSessions = await runtime.platform.pubsub.subscribe(SESSION_CHANNEL, (message) => {
    const change = message as SessionChangeMessage;
    if (typeof change?.userId !== 'number' || typeof change.reason !== 'string') return;
    sessions.handle(change);
  });

  // Sockets first: preClose runs before the HTTP server's close, which waits on every open websocket and long
  // poll (in onClose they kept a SIGTERM'd api waiting for the full grace period, then exit code 1).
  app.addHook('preClose', async () => {
    sessions.close();
    io.disconnectSockets(true);
  });
  app.addHook('onClose', async () => {
    await unsubscribeEmits();
    await unsubscribeSessions();
    await unsubscribeScope();
    io.disconnectSockets(true); // any that reconnected meanwhile
    await new Promise<void>((resolve) => {
      io.close(() => resolve());
    });
  });
  return io;
}

import type { FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import { rooms, type ClientToServerEvents, type ServerToClientEvents } from '@logicode/contracts';
import { SOCKET_EMIT_CHANNEL, type Actor, type Runtime, type SocketEmitMessage } from '@logicode/core';
import { ACCESS_COOKIE } from '../plugins/auth.js';

type GatewaySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { actor: Actor }>;

/** Which feed rooms a caller may join: teachers and admins only; students only ever their own user room. */
export function mayJoin(actor: Actor, room: string): boolean {
  if (actor.role !== 'teacher' && actor.role !== 'admin') return false;
  return room === rooms.feedAll() || /^feed:(problem|student|assessment):\d+$/.test(room);
}

/**
 * Socket.IO on the api's HTTP server. Connections authenticate with the same access token as HTTP. Every api
 * process subscribes to SOCKET_EMIT_CHANNEL and emits to its own local sockets, so a message published once
 * (by a worker or another api process) reaches the room's members wherever they are connected.
 */
export async function attachGateway(app: FastifyInstance, runtime: Runtime): Promise<Server> {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { actor: Actor }>(app.server, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: false },
  });

  io.use(async (socket, next) => {
    try {
      const fromAuth = typeof socket.handshake.auth?.token === 'string' ? (socket.handshake.auth.token as string) : null;
      const cookies = app.parseCookie(socket.handshake.headers.cookie ?? '');
      const token = fromAuth ?? cookies[ACCESS_COOKIE] ?? null;
      if (!token) return next(new Error('UNAUTHENTICATED'));
      socket.data.actor = await runtime.core.accounts.authenticate(token);
      return next();
    } catch (error) {
      return next(new Error((error as { code?: string }).code ?? 'UNAUTHENTICATED'));
    }
  });

  app.metrics?.countWebsockets(() => io.of('/').sockets.size);
  io.on('connection', (socket: GatewaySocket) => {
    const actor = socket.data.actor;
    void socket.join(rooms.user(actor.userId));
    socket.on('feed:join', (room, ack) => {
      const respond = typeof ack === 'function' ? ack : () => undefined;
      if (typeof room !== 'string' || !mayJoin(actor, room)) return respond({ ok: false, error: 'FORBIDDEN' });
      void socket.join(room);
      return respond({ ok: true });
    });
    socket.on('feed:leave', (room) => {
      if (typeof room === 'string' && room.startsWith('feed:')) void socket.leave(room);
    });
  });

  const unsubscribe = await runtime.platform.pubsub.subscribe(SOCKET_EMIT_CHANNEL, (message) => {
    const { room, event, payload } = message as SocketEmitMessage;
    // A list of rooms is one emit: a socket in several of them (feed:all and feed:student:7) gets it once.
    if (!(typeof room === 'string' || (Array.isArray(room) && room.every((r) => typeof r === 'string'))) || typeof event !== 'string') return;
    (io.local.to(room) as unknown as { emit(event: string, payload: unknown): void }).emit(event, payload);
  });

  app.addHook('onClose', async () => {
    await unsubscribe();
    io.disconnectSockets(true);
    await new Promise<void>((resolve) => {
      io.close(() => resolve());
    });
  });
  return io;
}

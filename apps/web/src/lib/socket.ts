// The only module that imports socket.io-client (lint enforces it): features subscribe through these
// helpers, so the transport can change without touching them.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SessionEndReason } from '@logicode/contracts';
import { announceConnection, announceUserChanged, onSessionChange, onTokenRefreshed } from './session-events.js';
import { refreshSession, thinksSignedIn } from './session-refresh.js';

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;

let socket: AppSocket | null = null;
const connectionListeners = new Set<(connected: boolean) => void>();

function tellConnected(connected: boolean): void {
  connectionListeners.forEach((fn) => fn(connected));
  announceConnection(connected);
}

// A handshake refused for its token, or a session the server ended: refresh over HTTP, then connect again with
// the fresh cookie. socket.io does not reconnect by itself after either (a middleware refusal or a server-side
// disconnect), so this is the only way back. Bounded: after three refusals in a row, wait for the next event.
const AUTH_ERRORS = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);
const RETRY_FIRST_MS = 3000;
const RETRY_MAX_MS = 30_000;
let recovering = false;
let refusalsInARow = 0;

async function recover(): Promise<void> {
  if (recovering || !socket) return;
  recovering = true;
  try {
    // Offline or the server unavailable: try again, less often each time (3 s, 6 s … 30 s).
    for (let waitMs = RETRY_FIRST_MS; ; waitMs = Math.min(RETRY_MAX_MS, waitMs * 2)) {
      const outcome = await refreshSession();
      // Refused: the session is over (session-refresh announced it); stay disconnected until someone signs in.
      if (outcome === 'refused') return;
      if (outcome === 'refreshed') break;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    if (!socket.connected) socket.connect();
  } finally {
    recovering = false;
  }
}

function onConnectError(error: Error): void {
  tellConnected(false);
  if (!AUTH_ERRORS.has(error.message) || !thinksSignedIn()) return;
  refusalsInARow += 1;
  if (refusalsInARow <= 3) void recover();
}

function onSessionEnded({ reason }: { reason: SessionEndReason }): void {
  // Whatever the reason, the refresh decides: 'expired' and 'role_changed' get a new token (and the role is re-read);
  // a signed-out, revoked or password-changed session is refused, and that refusal is what ends the page's session.
  if (reason === 'role_changed') announceUserChanged();
  void recover();
}

/** One connection per tab, authenticated by the same-origin access cookie. */
export function getSocket(): AppSocket {
  if (!socket) {
    socket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
    socket.on('connect', () => {
      refusalsInARow = 0;
      tellConnected(true);
    });
    socket.on('disconnect', (reason) => {
      tellConnected(false);
      // The server hung up without a 'session:ended' we saw (it may have been lost): the same cure applies.
      if (reason === 'io server disconnect' && thinksSignedIn()) void recover();
    });
    socket.on('connect_error', onConnectError);
    socket.on('session:ended', onSessionEnded);
  }
  return socket;
}

// A refresh in this tab: re-authenticate the live socket in place, so the server does not end it at the old
// token's expiry. If that is refused (a changed role), reconnecting with the new cookie does the same job.
onTokenRefreshed((accessToken) => {
  const s = socket;
  if (!s?.connected) return;
  s.timeout(5000).emit('auth:refresh', accessToken, (err: Error | null, result?: { ok: boolean }) => {
    if (err || !result?.ok) s.disconnect().connect();
  });
});

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

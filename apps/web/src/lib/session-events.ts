/**
 * The session's news, told between modules without importing each other: auth announces a changed user, the
 * refresher a fresh token or an ended session, the socket module whether it is connected. A tiny event target keeps
 * socket.io-client out of the first page's bundle (auth and the page frame are needed everywhere, sockets not).
 */
const target = new EventTarget();

/** Why the page stopped being signed in: the server refused a refresh, or said so over the socket. */
export type SessionEndCause = 'refresh_refused' | 'signed_out' | 'revoked' | 'password_changed';

function on<T>(name: string, listener: (detail: T) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<T>).detail);
  target.addEventListener(name, handler);
  return () => target.removeEventListener(name, handler);
}

function emit<T>(name: string, detail: T): void {
  target.dispatchEvent(new CustomEvent<T>(name, { detail }));
}

/** "The signed-in user changed" (sign-in, sign-out): the socket reconnects, queries refetch. */
export function announceSessionChange(): void {
  emit('session-change', null);
}

export function onSessionChange(listener: () => void): () => void {
  return on('session-change', listener);
}

/** A refresh succeeded in this tab: the socket re-authenticates in place with the new access token. */
export function announceTokenRefreshed(accessToken: string): void {
  emit('token-refreshed', accessToken);
}

export function onTokenRefreshed(listener: (accessToken: string) => void): () => void {
  return on('token-refreshed', listener);
}

/** The session really ended (a refresh was refused): the page says so and stops showing the user as signed in. */
export function announceSessionEnded(cause: SessionEndCause): void {
  emit('session-ended', cause);
}

export function onSessionEnded(listener: (cause: SessionEndCause) => void): () => void {
  return on('session-ended', listener);
}

/** The user's details may have changed (a role change came over the socket): refetch who we are. */
export function announceUserChanged(): void {
  emit('user-changed', null);
}

export function onUserChanged(listener: () => void): () => void {
  return on('user-changed', listener);
}

let lastConnected: boolean | null = null;

/** The live connection's state, told by lib/socket.ts; null until a page opened a socket. */
export function announceConnection(connected: boolean): void {
  if (lastConnected === connected) return;
  lastConnected = connected;
  emit('connection', connected);
}

export function socketConnected(): boolean | null {
  return lastConnected;
}

export function onConnection(listener: (connected: boolean) => void): () => void {
  return on('connection', listener);
}

/**
 * "The signed-in user changed": auth announces it, the socket module reconnects on it. A tiny event
 * target keeps socket.io-client out of the first page's bundle (auth is needed everywhere, sockets not).
 */
const target = new EventTarget();

export function announceSessionChange(): void {
  target.dispatchEvent(new Event('session-change'));
}

export function onSessionChange(listener: () => void): () => void {
  target.addEventListener('session-change', listener);
  return () => target.removeEventListener('session-change', listener);
}

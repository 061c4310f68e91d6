import type { IncomingMessage } from 'node:http';

/**
 * May this Socket.IO handshake (polling or WebSocket upgrade) go on, by its `Origin` header?
 *
 * - No Origin: allowed. Cross-site WebSocket hijacking is a browser attack (a foreign page opening a socket that
 *   carries the victim's cookies), and browsers always send Origin on WebSocket upgrades and cross-origin requests
 *   (RFC 6455 §4.1, Fetch). Clients without Origin are programs (tests, the CLI, bots) that hold their own token.
 * - `publicOrigins` configured (PUBLIC_ORIGINS): the Origin must be one of them, exactly (scheme, host and port).
 * - Otherwise: the Origin's host[:port] must be the request's own Host, so the one-command install works under
 *   whatever name the school reaches it (scheme not compared: a TLS-terminating proxy in front changes it). A Host
 *   without a port is compared by host name only: nginx's `proxy_set_header Host $host` (deploy/nginx.conf) drops
 *   the port the browser used.
 */
export function originAllowed(request: Pick<IncomingMessage, 'headers'>, publicOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // 'null' (sandboxed frames, file://) and garbage
  }
  if (publicOrigins.length > 0) return publicOrigins.includes(url.origin);
  const host = request.headers.host?.toLowerCase();
  if (!host) return false;
  const hasPort = /:\d+$/.test(host);
  return hasPort ? host === url.host.toLowerCase() : host === url.hostname.toLowerCase();
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy the SPA lives with, on every response (pages, assets, the API, errors):
 * - scripts only from this origin (Vite emits no inline script; Swagger UI at /docs loads files too);
 * - Monaco's web workers are same-origin files or blob: URLs (worker-src), and Monaco and the components set
 *   inline styles and add <style> elements at run time ('unsafe-inline' for styles only);
 * - Socket.IO and fetch go to this origin ('self' covers ws:/wss: to the same host in CSP Level 3 browsers);
 * - no page may frame the app (frame-ancestors 'none', and X-Frame-Options: DENY for older browsers), no plugins.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The headers helmet sets for these options, computed once: helmet's middleware run against a response that only
 * records them. Every directive here is a constant, so every response gets the same values. @fastify/helmet (used
 * before) built the whole helmet middleware again (CSP directives parsed and re-joined) and ran it on every request:
 * a tenth of the api's CPU on a cached read (issue 18, CPU profile of bench/http --part hot).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  if (!headers['content-security-policy']) throw new Error('helmet set no Content-Security-Policy');
  return headers;
}

/**
 * Security headers from the maintained helmet (8): CSP, X-Frame-Options DENY, X-Content-Type-Options nosniff,
 * Referrer-Policy no-referrer, Cross-Origin-Opener-Policy same-origin, and Strict-Transport-Security only when
 * cookies are Secure (COOKIE_SECURE: the site is served over HTTPS; HSTS over plain HTTP on a laptop would pin
 * localhost to HTTPS). Set on every response (pages, assets, the API, errors and 404s) before routing's work, as
 * @fastify/helmet did; a route may still override one (a package image's own CSP).
 */
export const securityHeadersPlugin = fp<{ hsts: boolean }>(
  async (app: FastifyInstance, { hsts }) => {
    const headers = helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      // The app loads nothing cross-origin; the defaults (same-origin resource policy, no COEP) are what it needs.
      crossOriginEmbedderPolicy: false,
    });
    // A callback hook, not an async one: no promise per request for a few assignments.
    app.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);

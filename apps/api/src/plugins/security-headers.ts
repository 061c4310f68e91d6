import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fp from 'fastify-plugin';

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
 * Security headers through the maintained @fastify/helmet (helmet 8): CSP, X-Frame-Options DENY,
 * X-Content-Type-Options nosniff, Referrer-Policy no-referrer, Cross-Origin-Opener-Policy same-origin, and
 * Strict-Transport-Security only when cookies are Secure (COOKIE_SECURE: the site is served over HTTPS; HSTS over
 * plain HTTP on a laptop would pin localhost to HTTPS).
 */
export const securityHeadersPlugin = fp<{ hsts: boolean }>(
  async (app: FastifyInstance, { hsts }) => {
    await app.register(fastifyHelmet, {
      global: true,
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      // The app loads nothing cross-origin; the defaults (same-origin resource policy, no COEP) are what it needs.
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'security-headers' },
);

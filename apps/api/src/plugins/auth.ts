import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type Role, type SessionResponse } from '@logicode/contracts';
import type { Actor, Core, VerifiedAccessToken } from '@logicode/core';

export const ACCESS_COOKIE = 'lc_access';
export const REFRESH_COOKIE = 'lc_refresh';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, or null for an anonymous request. */
    actor: Actor | null;
    /** The caller's verified access token: its session (refresh family), epoch and expiry; null when anonymous. */
    authSession: VerifiedAccessToken | null;
  }
  interface FastifyInstance {
    /** preHandler: 401 unless signed in. */
    requireAuth: (request: FastifyRequest) => Promise<void>;
    /** preHandler factory: 403 unless the caller has one of the roles. */
    requireRole: (...roles: Role[]) => (request: FastifyRequest) => Promise<void>;
    setSessionCookies: (reply: FastifyReply, session: SessionResponse) => void;
    clearSessionCookies: (reply: FastifyReply) => void;
  }
}

/** The access token from `Authorization: Bearer` or the access cookie. */
export function accessTokenOf(request: { headers: Record<string, unknown>; cookies?: Record<string, string | undefined> }): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies?.[ACCESS_COOKIE] ?? null;
}

export interface AuthPluginOptions {
  core: Core;
  cookieSecure: boolean;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
}

export const authPlugin = fp<AuthPluginOptions>(
  async (app: FastifyInstance, options) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('authSession', null);
    // A present but bad or expired token is answered 401 even on public routes, so a client refreshes
    // instead of silently seeing the anonymous view.
    // A callback hook: an anonymous request (most cached reads) passes without a promise.
    app.addHook('onRequest', (request, _reply, done) => {
      const token = accessTokenOf(request);
      if (!token) return done();
      options.core.accounts.verifySession(token).then((session) => {
        request.authSession = session;
        request.actor = session.actor;
        done();
      }, (error: Error) => {
        // The routes that start or end a session (refresh, login, logout) must work with a dead access cookie
        // beside them: that is when they are needed.
        if ((request.routeOptions.config as { ignoreBadAccessToken?: boolean } | undefined)?.ignoreBadAccessToken) return done();
        // Pages and assets are not the API: with a dead cookie (it outlives its token) a reload must still get the
        // app, which then refreshes; a 401 there would show JSON instead of the page, or fail a lazy chunk.
        if (!request.url.startsWith('/api/')) return done();
        done(error);
      });
    });
    app.decorate('requireAuth', async (request: FastifyRequest) => {
      if (!request.actor) throw new AppError('UNAUTHENTICATED');
    });
    app.decorate('requireRole', (...roles: Role[]) => async (request: FastifyRequest) => {
      if (!request.actor) throw new AppError('UNAUTHENTICATED');
      if (!roles.includes(request.actor.role)) throw new AppError('FORBIDDEN');
    });
    const base = { httpOnly: true, secure: options.cookieSecure } as const;
    app.decorate('setSessionCookies', (reply: FastifyReply, session: SessionResponse) => {
      // The access cookie lives as long as the refresh cookie, not as long as its token: an expired token must
      // still reach the server to be answered 401 TOKEN_EXPIRED, which the client cures with POST /api/auth/refresh.
      // A cookie that vanished with its token made the next request anonymous (401 UNAUTHENTICATED: "sign in"),
      // and the refresh cookie (path /api/auth) is never sent to other routes to tell the two cases apart.
      void reply.setCookie(ACCESS_COOKIE, session.accessToken, { ...base, sameSite: 'lax', path: '/', maxAge: options.refreshTokenTtlSec });
      void reply.setCookie(REFRESH_COOKIE, session.refreshToken, { ...base, sameSite: 'strict', path: '/api/auth', maxAge: options.refreshTokenTtlSec });
    });
    app.decorate('clearSessionCookies', (reply: FastifyReply) => {
      void reply.clearCookie(ACCESS_COOKIE, { path: '/' });
      void reply.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
    });
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);
